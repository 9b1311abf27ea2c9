/*
 * Unit tests of the outline: one table row per rule family (Markdown,
 * structure words, numbering, run-in headings, plain lines, contents,
 * titles, annotations, the user's pattern), then outline_section_of().
 * Each row is a small document and the outline a reader expects of it,
 * written as "LEVEL:LINE:TITLE" lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yuedu/doc.h"
#include "yuedu/outline.h"
#include "yuedu/readtime.h"
#include "yuedu/util.h"

/* The outline of TEXT (named NAME) as "LEVEL:LINE:TITLE\n" lines. */
static char *
outline_of(const char *name, const char *text, enum annot_mode mode,
    const char *regex)
{
	struct doc *doc = doc_new_mem(text, strlen(text), name);
	struct outline_opts oo = { mode, regex, NULL, NULL };
	struct outline *ol;
	char *err = NULL, *out = xstrdup("");

	assert_int_equal(outline_build(&ol, doc, &oo, &err), 0);
	assert_null(err);
	for (size_t i = 0; i < ol->n; i++) {
		char *next = xasprintf("%s%d:%zu:%s\n", out, ol->v[i].level,
		    ol->v[i].line, ol->v[i].title);
		/* The offset is the start of the heading's line. */
		assert_int_equal(ol->v[i].off,
		    doc_line_start(doc, ol->v[i].line - 1));
		free(out);
		out = next;
	}
	outline_free(ol);
	doc_free(doc);
	return out;
}

struct outline_case {
	const char *what;
	const char *name;	/* .md: Markdown; else plain text */
	const char *text;
	const char *want;
};

static const struct outline_case outline_cases[] = {
	/* ---- Markdown ---- */
	{ "ATX levels, closing #s dropped, relative levels", "a.md",
	  "## 总览 ##\n\n正文。\n\n### 细节 #\n\n正文。\n\n## C#\n",
	  "1:1:总览\n2:5:细节\n1:9:C#\n" },
	{ "setext = and -, not after a blank line", "a.md",
	  "标题\n===\n\n第一段。\n\n小节\n---\n正文。\n\n----\n\n正文。\n",
	  "1:1:标题\n2:6:小节\n" },
	{ "setext under a list-like line (jieba's 1. 分词)", "a.md",
	  "主要功能\n=======\n1. 分词\n--------\n* 正文\n",
	  "1:1:主要功能\n2:3:1. 分词\n" },
	{ "a rule after a paragraph of two lines is a rule", "a.md",
	  "# 题\n\n第一行，\n第二行。\n---\n",
	  "1:1:题\n" },
	{ "table delimiter rows are not underlines", "a.md",
	  "# 表\n\n| a | b |\n|---|---|\n| 1 | 2 |\na | b\n--- | ---\n",
	  "1:1:表\n" },
	{ "nothing inside fenced code", "a.md",
	  "# 代码\n\n```python\n# encoding=utf-8\n标题\n===\n```\n~~~\n# x\n~~~\n"
	  "## 后\n",
	  "1:1:代码\n2:11:后\n" },
	{ "indented code, comments and front matter hide headings", "a.md",
	  "---\ntitle: x\n---\n# 真\n\n    # 代码\n\n<!--\n# 注释\n-->\n## 二\n",
	  "1:4:真\n2:11:二\n" },
	{ "HTML <h1>-<h6> lines keep their inner text", "a.md",
	  "<div>\n<h1>Ant Design</h1>\n</div>\n\n## ✨ 特性\n<h3 align=\"c\">"
	  "<a>链</a>接</h3>\n",
	  "1:2:Ant Design\n2:5:✨ 特性\n3:6:链接\n" },
	{ "# without a space is text; emoji and badges stay", "a.md",
	  "#标签\n\n## 📚简介 [![](x.svg)](y)\n",
	  "1:3:📚简介 [![](x.svg)](y)\n" },

	/* ---- Structure words ---- */
	{ "编 > 分编 > 章 > 节 by meaning; 第…条 are body text", "a.txt",
	  "第一编　总则\n\n第一分编　通则\n\n第一章　一般规定\n\n"
	  "　　第一条　为了保护民事主体的合法权益，制定本法。\n\n"
	  "第一节　要约\n\n　　第二条　本法适用于民事活动。\n\n"
	  "第二章　合同\n\n　　第三条　合同是协议。\n\n第二编　物权\n\n"
	  "　　第四条　物权是权利。\n",
	  "1:1:第一编　总则\n2:3:第一分编　通则\n3:5:第一章　一般规定\n"
	  "4:9:第一节　要约\n3:13:第二章　合同\n1:17:第二编　物权\n" },
	{ "Arabic numerals, spaces and NBSP inside", "a.txt",
	  "第 1 章 定义\n\n正文在此。\n\n第\xC2\xA0" "2\xC2\xA0章\xC2\xA0获取\n\n"
	  "正文在此。\n",
	  "1:1:第 1 章 定义\n1:5:第\xC2\xA0" "2\xC2\xA0章\xC2\xA0获取\n" },
	{ "novel chapters: 第一○回, a colon, a body line starting with 第…回",
	  "a.txt",
	  "第九回　陳光蕊赴任逢災　江流僧復讎報本\n\n　　話說陝西大國長安城。\n"
	  "第四回中既將薛家母子在榮府內寄居等事略已表明，此回則暫不能寫矣．如\n"
	  "第一○回     老龍王拙計犯天條\n\n　　卻說。\n第十一回：宴桃園豪傑三結義，"
	  "斬黃巾英雄首立功\n\n　　話說。\n",
	  "1:1:第九回　陳光蕊赴任逢災　江流僧復讎報本\n"
	  "1:5:第一○回     老龍王拙計犯天條\n"
	  "1:8:第十一回：宴桃園豪傑三結義，斬黃巾英雄首立功\n" },
	{ "a chapter heading and its couplet on the lines below", "a.txt",
	  "第五回\n----------\n\n游幻境指迷十二釵　飲仙醪曲演紅樓夢\n\n"
	  "　　第四回中既將薛家母子在榮府內寄居等事略已表明．\n",
	  "1:1:第五回\n" },
	{ "the same heading twice in a row is kept once", "a.txt",
	  "第四十五回　金蘭契\n-----\n\n第四十五回　金蘭契\n\n　　話說。\n",
	  "1:1:第四十五回　金蘭契\n" },
	{ "classical chapter names 始計第一", "a.txt",
	  "始計第一\n\n孫子曰：兵者，國之大事。\n\n作戰第二\n\n孫子曰：凡用兵之法。\n",
	  "1:1:始計第一\n1:5:作戰第二\n" },

	/* ---- Numbering ---- */
	{ "一、 > （一） > 1. > （1）", "a.txt",
	  "一、总体要求\n正文在此。\n（一）主要目标\n正文在此。\n1. 经济\n"
	  "正文在此。\n（1）增长\n正文在此。\n二、任务\n正文在此。\n",
	  "1:1:一、总体要求\n2:3:（一）主要目标\n3:5:1. 经济\n4:7:（1）增长\n"
	  "1:9:二、任务\n" },
	{ "1 / 1.1 / 1.1.1, full-width dot, a question as heading", "a.txt",
	  "1. 定义\n\n正文。\n\n1.1. 本文档是什么？\n\n正文。\n\n1.1.1 细节\n\n"
	  "正文。\n\n2．获取\n\n正文。\n",
	  "1:1:1. 定义\n2:5:1.1. 本文档是什么？\n3:9:1.1.1 细节\n1:13:2．获取\n" },
	{ "run-in headings stop before the first 。", "a.txt",
	  "三、政府工作任务\n党中央作出了全面部署。\n"
	  "（一）大力推进现代化产业体系建设，加快发展新质生产力。充分发挥创新主导作用。\n"
	  "推动产业链供应链优化升级。保持工业经济平稳运行。\n"
	  "（二）深入实施科教兴国战略。坚持教育强国。\n",
	  "1:1:三、政府工作任务\n"
	  "2:3:（一）大力推进现代化产业体系建设，加快发展新质生产力\n"
	  "2:5:（二）深入实施科教兴国战略\n" },
	{ "items ending in ；or 。 and 一是… are not headings", "a.txt",
	  "第三十条　行政区域划分如下:\n（一）全国分为省、自治区、直辖市；\n"
	  "（二）省、自治区分为自治州、县；\n（三）县分为乡、镇。\n"
	  "一是加大宏观调控力度，推动经济运行持续好转。针对严峻挑战。\n"
	  "二是依靠创新引领产业升级。强化国家战略科技力量。\n",
	  "" },
	{ "sentences numbered after a colon are a list", "a.txt",
	  "一、 国家教育委员会主管全国高等教育工作，其主要职责是：\n\n"
	  "(一)贯彻执行方针政策。制订具体政策和规章。\n\n"
	  "指导、检查各地的贯彻执行。\n\n"
	  "(二)组织预测。编制发展规划。\n\n"
	  "二、 国务院有关部门管理其直属高等学校，其主要职责是：\n\n"
	  "(一)贯彻执行方针政策。指导招生。\n",
	  "" },
	{ "consecutive short numbered lines are a list", "a.txt",
	  "支持四种模式。\n\n1. 精确模式\n2. 全模式\n3. 搜索引擎模式\n\n正文。\n",
	  "" },
	{ "a numbered heading wrapped onto the next line", "a.txt",
	  "1.5. 与其他发行版的区别是什么？为什么我应该选\n择 Debian，而不是其他？\n\n"
	  "    正文在此，说明理由。\n\n1.6. 下一个问题？\n\n    正文。\n",
	  "1:1:1.5. 与其他发行版的区别是什么？为什么我应该选\n"
	  "1:6:1.6. 下一个问题？\n" },
	{ "numbers at the start of a wrapped line, percentages", "a.txt",
	  "国内生产总值增长，预期\n5.5 左右，增速居前列。\n2.8%的赤字率是安排。\n",
	  "" },

	/* ---- Plain stand-alone lines ---- */
	{ "short lines naming the next section, not label: items", "a.txt",
	  "这是一个完整的段落，讲述了背景，内容足够长，结束了。\n"
	  "组织革命:AI驱动效率与机制创新\n"
	  "除了业务协同，还需要运用AI重塑组织运作方式，可能包括:\n"
	  "工具层面:通过AI助手简化流程,例如自动生成会议纪要,减少重复劳动;\n"
	  "决策模式:管理层或借助AI模拟推演业务策略,降低试错成本。\n"
	  "这种变革若能落地，将显著缓解层级冗余的顽疾，提出极高要求。\n"
	  "挑战与隐忧:技术红利与执行落地的鸿沟\n"
	  "尽管蓝图清晰,转型仍面临多重挑战:\n",
	  "1:2:组织革命:AI驱动效率与机制创新\n"
	  "1:7:挑战与隐忧:技术红利与执行落地的鸿沟\n" },
	{ "not after an unfinished line, not with a comma in dense text",
	  "a.txt",
	  "这是一个完整的段落，讲述了背景，内容足够长，然而\n"
	  "看起来像标题的短行\n"
	  "这是一个完整的段落，讲述了背景，内容足够长，结束了。\n"
	  "短行，有逗号\n"
	  "这是一个完整的段落，讲述了背景，内容足够长，结束了。\n",
	  "" },
	{ "a line set apart with a comma; an end marker is no heading",
	  "a.txt",
	  "   0. 定义\n\n      “软件”是指程序和文档的集合。\n\n"
	  "      “贡献”是指受版权法保护的作品。\n\n   条款结束\n\n"
	  "   如何将许可证，第2版，应用到您的软件\n\n"
	  "   如果您希望将许可证应用到您的新软件，建议您完成如下三步：\n",
	  "1:1:0. 定义\n1:9:如何将许可证，第2版，应用到您的软件\n" },
	{ "in hard-wrapped text a short line must be set apart (紅樓夢)",
	  "a.txt",
	  "禁不起也滾下淚來．薛姨媽本不哭了，听他一說又勾起傷心\n"
	  "來．寶釵勉強笑道：“你鬧夠了，這會子又招著媽哭起來了。”\n"
	  "薛蟠听說，忙收了淚，笑道：“我何曾招媽哭來！罷，罷，\n"
	  "罷，丟下這個別提了．叫香菱來倒茶妹妹吃。”寶釵道：“我\n"
	  "也不吃茶，等媽洗了手，我們就過去了。”薛蟠道：“妹妹\n"
	  "的項圈我瞧瞧，只怕該炸一炸去了。”寶釵道：“黃澄澄的\n"
	  "又炸他作什么？\"薛蟠又道：“妹妹如今也該添補些衣裳了．\n"
	  "要什么顏色花樣，告訴我。”寶釵道：“連那些衣服我還沒\n"
	  "穿遍了， 又做什么？\"一時薛姨媽換了衣裳，拉著寶釵進去，\n"
	  "薛蟠方出去了．\n"
	  "　　這里薛姨媽和寶釵進園來瞧寶玉，到了怡紅院中，只見\n"
	  "抱廈里外回廊上許多丫鬟老婆站著，便知賈母等都在這里．\n"
	  "母女兩\n"
	  "　　個進來， 大家見過了，只見寶玉躺在榻上．薛姨媽問他\n"
	  "可好些．寶玉忙欲欠身，口里答應著好些訴我。”寶玉笑道：\n"
	  "“我想起來，自然和姨娘要去的。”王夫人又問：“你想什\n"
	  "么吃？回來好給你送來的。”寶玉笑道：“也倒不想什么吃，\n"
	  "倒是那一回做的那小荷葉儿小蓮蓬儿的湯還好些． \"鳳姐一旁\n"
	  "笑道：“听听，口味不算高貴，只是太磨牙了．巴巴的想這\n",
	  "" },
	{ "English lines in sentence case are prose", "a.txt",
	  "This is the Debian version of the Unicode data files.\n\n"
	  "These are taken from the Unicode website\n\n"
	  "The data files are present at the following places:\n",
	  "" },

	/* ---- Titles, contents, front matter ---- */
	{ "title, 目录 block, 序言 and chapters (official law layout)",
	  "a.txt",
	  "\r\n\r\n中华人民共和国宪法\r\n\r\n目　　录\r\n　　序　言\r\n"
	  "　　第一章　总纲\r\n　　第二章　公民\r\n\r\n序　　言\r\n\r\n"
	  "　　中国是世界上历史最悠久的国家之一。\r\n\r\n第一章　总纲\r\n\r\n"
	  "　　第一条　中华人民共和国是社会主义国家。\r\n\r\n第二章　公民\r\n\r\n"
	  "　　第二条　公民在法律面前一律平等。\r\n",
	  "1:3:中华人民共和国宪法\n2:5:目　　录\n2:10:序　　言\n"
	  "2:14:第一章　总纲\n2:18:第二章　公民\n" },
	{ "a table of contents without caption: entries that come again",
	  "a.txt",
	  "第一回　甲\n第二回　乙\n第三回　丙\n第四回　丁\n第五回　戊\n\n"
	  "第一回　甲\n\n　　正文。\n\n第二回　乙\n\n　　正文。\n\n第三回　丙\n\n"
	  "　　正文。\n\n第四回　丁\n\n　　正文。\n\n第五回　戊\n\n　　正文。\n",
	  "1:7:第一回　甲\n1:11:第二回　乙\n1:15:第三回　丙\n1:19:第四回　丁\n"
	  "1:23:第五回　戊\n" },
	{ "a note before a rule is no title; 楔子 heads a section", "a.txt",
	  "This file was derived from\nhttp://www.gutenberg.org/x.txt\n"
	  "--------\n楔子　張天師祈禳瘟疫　洪太尉誤走妖魔\n\n　　話說。\n\n"
	  "第一回　王教頭私走延安府\n\n　　話說。\n",
	  "1:4:楔子　張天師祈禳瘟疫　洪太尉誤走妖魔\n"
	  "1:8:第一回　王教頭私走延安府\n" },
	{ "a title, its subtitle and byline, then a centred title", "a.txt",
	  "                  常见问题（FAQ）\n\n"
	  "---------------------------------------------------------------------\n"
	  "                              版本 11.0\n\n"
	  "版权 © 1996-2021 Software in the Public Interest\n\n"
	  "    在遵守并包含本文档版权声明的前提下，允许制作和发布本文档的完整拷\n"
	  "    贝。\n\n摘要\n\n本文档解答一些关于 Debian GNU/Linux 的常见问题。\n\n"
	  "                     Mulan Permissive Software License\n\n"
	  "    Your reproduction, use, modification and distribution of the "
	  "Software shall be subject to this License.\n",
	  "1:1:常见问题（FAQ）\n2:11:摘要\n1:15:Mulan Permissive Software "
	  "License\n" },
	{ "empty document", "a.txt", "", "" },
	{ "controls in a title are made inert", "a.md",
	  "# a\x1b[31mb\tc\x80\n",
	  "1:1:a\xEF\xBF\xBD[31mb c\xEF\xBF\xBD\n" },
};

static void
test_outline_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof outline_cases / sizeof outline_cases[0];
	    i++) {
		const struct outline_case *c = &outline_cases[i];
		char *got = outline_of(c->name, c->text, ANNOT_SHOW, NULL);

		if (strcmp(got, c->want) != 0)
			print_error("case '%s'\nwant:\n%sgot:\n%s", c->what,
			    c->want, got);
		assert_string_equal(got, c->want);
		free(got);
	}
}

/* Annotations change no decision; hidden ones leave the title. */
static void
test_outline_annotations(void **state)
{
	static const char text[] =
	    "這是一個完整的段落(luò)，講述了背景(jǐng)，內容足夠長，結束了。\n"
	    "組(zǔ)織(zhī)革(gé)命(mìng):AI驅(qū)動(dòng)效(xiào)率(lǜ)與(yǔ)"
	    "機(jī)制(zhì)創(chuàng)新(xīn)\n"
	    "除了業務協同，還需要運用AI重塑組織運作方式，這是一個很長的句子。\n";
	char *got;

	(void)state;
	got = outline_of("a.txt", text, ANNOT_SHOW, NULL);
	assert_string_equal(got, "1:2:組(zǔ)織(zhī)革(gé)命(mìng):AI驅(qū)動(dòng)"
	    "效(xiào)率(lǜ)與(yǔ)機(jī)制(zhì)創(chuàng)新(xīn)\n");
	free(got);
	got = outline_of("a.txt", text, ANNOT_HIDE, NULL);
	assert_string_equal(got, "1:2:組織革命:AI驅動效率與機制創新\n");
	free(got);
	/* AUTO resolves per document: this one is dense with them. */
	got = outline_of("a.txt", text, ANNOT_AUTO, NULL);
	assert_string_equal(got, "1:2:組織革命:AI驅動效率與機制創新\n");
	free(got);
}

/* --heading: matching lines; the first group that matched is the level. */
static void
test_outline_regex(void **state)
{
	static const char text[] =
	    "卷一\n甲篇\n正文。\n乙篇\n正文。\n  卷二  \n丙篇\n";
	struct doc *doc;
	struct outline *ol = NULL;
	struct outline_opts oo = { ANNOT_SHOW, "([", NULL, NULL };
	char *got, *err = NULL;

	(void)state;
	got = outline_of("a.txt", text, ANNOT_SHOW, "篇$");
	assert_string_equal(got, "1:2:甲篇\n1:4:乙篇\n1:7:丙篇\n");
	free(got);
	got = outline_of("a.txt", text, ANNOT_SHOW, "^\\s*(卷)|(篇)$");
	assert_string_equal(got, "1:1:卷一\n2:2:甲篇\n2:4:乙篇\n1:6:卷二\n"
	    "2:7:丙篇\n");
	free(got);
	/* Only the second group matches anywhere: levels are relative. */
	got = outline_of("a.txt", text, ANNOT_SHOW, "(章)|(篇)");
	assert_string_equal(got, "1:2:甲篇\n1:4:乙篇\n1:7:丙篇\n");
	free(got);
	/* A pattern overrides detection, Markdown included. */
	got = outline_of("a.md", "# 不是\n第一章\n", ANNOT_SHOW, "^第");
	assert_string_equal(got, "1:2:第一章\n");
	free(got);

	doc = doc_new_mem(text, strlen(text), "a.txt");
	assert_int_equal(outline_build(&ol, doc, &oo, &err), -1);
	assert_null(ol);
	assert_non_null(err);
	assert_non_null(strstr(err, "invalid --heading pattern '(['"));
	free(err);
	doc_free(doc);

	assert_int_equal(outline_check_regex("^第.+章$", &err), 0);
	assert_null(err);
	assert_int_equal(outline_check_regex("(", &err), -1);
	assert_non_null(strstr(err, "missing closing parenthesis"));
	free(err);
}

/* outline_section_of(): the last heading at or before an offset. */
static void
test_outline_section_of(void **state)
{
	static const char text[] =
	    "前面的话。\n\n# 一\n\n正文。\n\n## 二\n\n正文。\n";
	struct doc *doc = doc_new_mem(text, strlen(text), "a.md");
	struct outline *ol;
	struct outline empty = { NULL, 0 };
	char *err;
	size_t h1, h2;

	(void)state;
	assert_int_equal(outline_build(&ol, doc, NULL, &err), 0);
	assert_int_equal(ol->n, 2);
	h1 = ol->v[0].off;
	h2 = ol->v[1].off;
	assert_int_equal(h1, doc_line_start(doc, 2));
	assert_int_equal(h2, doc_line_start(doc, 6));
	assert_int_equal(outline_section_of(ol, 0), (size_t)-1);
	assert_int_equal(outline_section_of(ol, h1 - 1), (size_t)-1);
	assert_int_equal(outline_section_of(ol, h1), 0);
	assert_int_equal(outline_section_of(ol, h1 + 3), 0);
	assert_int_equal(outline_section_of(ol, h2 - 1), 0);
	assert_int_equal(outline_section_of(ol, h2), 1);
	assert_int_equal(outline_section_of(ol, doc->len), 1);
	assert_int_equal(outline_section_of(ol, (size_t)-1), 1);
	assert_int_equal(outline_section_of(&empty, 5), (size_t)-1);
	assert_int_equal(outline_section_of(NULL, 5), (size_t)-1);
	outline_free(ol);
	outline_free(NULL);
	doc_free(doc);
}

/* Name sniffing: a Markdown file is read as Markdown, a .txt as text. */
static void
test_outline_markdown_by_name(void **state)
{
	static const char text[] = "# 一\n\n正文。\n\n# 二\n\n正文。\n";
	char *got;

	(void)state;
	got = outline_of("README.MD", text, ANNOT_SHOW, NULL);
	assert_string_equal(got, "1:1:一\n1:5:二\n");
	free(got);
	got = outline_of("-", text, ANNOT_SHOW, NULL);
	assert_string_equal(got, "1:1:一\n1:5:二\n");
	free(got);
	got = outline_of("notes.txt", text, ANNOT_SHOW, NULL);
	assert_string_equal(got, "");
	free(got);
}

/*
 * Another thread can stop a build (the reader closing the document): the
 * passes end at once and the outline comes back partial, never broken;
 * the same for the sections' reading times.  Unstopped, the same text
 * gives every heading.
 */
static void
test_outline_stop(void **st)
{
	char *text = xstrdup("");
	struct doc *doc;
	struct outline *ol;
	struct outline_opts oo = { ANNOT_AUTO, NULL, NULL, NULL };
	atomic_int stop;
	char *err = NULL;
	struct readtime_count rt[64];

	for (int i = 1; i <= 40; i++) {
		char *t = xasprintf("%s第%d章 标题\n\n　　正文，很长的正文，"
		    "说了很多话。\n\n", text, i);
		free(text);
		text = t;
	}
	doc = doc_new_mem(text, strlen(text), "stop.txt");
	assert_int_equal(outline_build(&ol, doc, &oo, &err), 0);
	assert_int_equal(ol->n, 40);
	readtime_sections_stop(doc, ol, rt, NULL);
	assert_true(rt[39].chars > 0);
	atomic_init(&stop, 1);
	readtime_sections_stop(doc, ol, rt, &stop);
	assert_int_equal(rt[39].chars, 0);
	outline_free(ol);
	oo.stop = &stop;
	assert_int_equal(outline_build(&ol, doc, &oo, &err), 0);
	assert_true(ol->n < 40);
	outline_free(ol);
	doc_free(doc);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outline_cases),
		cmocka_unit_test(test_outline_annotations),
		cmocka_unit_test(test_outline_regex),
		cmocka_unit_test(test_outline_section_of),
		cmocka_unit_test(test_outline_markdown_by_name),
		cmocka_unit_test(test_outline_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
