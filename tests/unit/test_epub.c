/*
 * EPUB packages (books made here in memory with libzip) and the HTML
 * helpers they use: hrefs resolved inside the archive only, the spine,
 * the table of contents from the nav document or the NCX with its
 * nesting, title and author, and hostile books (external entities,
 * billion laughs, names leaving the archive) read inertly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "yuedu/epub.h"
#include "yuedu/html.h"
#include "yuedu/util.h"

/* A zip in memory of NAMES[i] -> DATA[i] (NULL-ended), the first entry
 * stored.  Caller frees. */
static char *
make_zip(const char *const *names, const char *const *data, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_stat_t st;
	char *buf;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	for (size_t i = 0; names[i] != NULL; i++) {
		zip_source_t *s = zip_source_buffer(z, data[i],
		    strlen(data[i]), 0);
		zip_int64_t idx = zip_file_add(z, names[i], s,
		    ZIP_FL_ENC_UTF_8);
		assert_true(idx >= 0);
		if (i == 0)
			zip_set_file_compression(z, (zip_uint64_t)idx,
			    ZIP_CM_STORE, 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	buf = xmalloc(st.size);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, buf, st.size), (zip_int64_t)
	    st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = st.size;
	return buf;
}

static const char container[] =
    "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:"
    "names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
    "full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-"
    "package+xml\"/></rootfiles></container>";

#define OPF_HEAD(prolog, title) \
    "<?xml version=\"1.0\"?>" prolog "<package xmlns=\"http://www.idpf.org/" \
    "2007/opf\" version=\"3.0\"><metadata xmlns:dc=\"http://purl.org/dc/" \
    "elements/1.1/\"><dc:title>" title "</dc:title><dc:creator>曹雪芹" \
    "</dc:creator></metadata>"

static const char chapter[] =
    "<html><body><h1>第一回</h1><p>正文。</p></body></html>";

static void
test_resolve(void **st)
{
	static const struct {
		const char *base, *href, *want, *frag;
	} cases[] = {
		{ "OEBPS/content.opf", "ch1.xhtml", "OEBPS/ch1.xhtml", NULL },
		{ "OEBPS/content.opf", "text/ch1.xhtml#c1",
		    "OEBPS/text/ch1.xhtml", "c1" },
		{ "OEBPS/text/nav.xhtml", "../text/a.xhtml", "OEBPS/text/"
		    "a.xhtml", NULL },
		{ "OEBPS/content.opf", "./x/../y.xhtml", "OEBPS/y.xhtml",
		    NULL },
		{ "OEBPS/content.opf", "a%20b.xhtml", "OEBPS/a b.xhtml",
		    NULL },
		{ "OEBPS/content.opf", "%E7%AB%A0.xhtml", "OEBPS/章.xhtml",
		    NULL },
		{ NULL, "OEBPS/content.opf", "OEBPS/content.opf", NULL },
		/* Leaving the archive. */
		{ "OEBPS/content.opf", "../../etc/passwd", NULL, NULL },
		{ "OEBPS/content.opf", "../../../x", NULL, NULL },
		{ "OEBPS/content.opf", "/etc/passwd", NULL, NULL },
		{ "OEBPS/content.opf", "file:///etc/passwd", NULL, NULL },
		{ "OEBPS/content.opf", "http://127.0.0.1/x", NULL, NULL },
		{ "OEBPS/content.opf", "a%00b", NULL, NULL },
	};

	(void)st;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *frag, *got = epub_resolve(cases[i].base, cases[i].href,
		    &frag);

		if (cases[i].want == NULL)
			assert_null(got);
		else {
			assert_non_null(got);
			assert_string_equal(got, cases[i].want);
		}
		if (cases[i].frag != NULL)
			assert_string_equal(frag, cases[i].frag);
		else if (got != NULL)
			assert_null(frag);
		free(got);
		free(frag);
	}
}

static void
test_epub3_nav(void **st)
{
	const char *names[] = { "mimetype", "META-INF/container.xml",
	    "OEBPS/content.opf", "OEBPS/nav.xhtml", "OEBPS/c1.xhtml",
	    "OEBPS/c2.xhtml", NULL };
	const char *data[] = { "application/epub+zip", container,
	    OPF_HEAD("", "紅樓夢") "<manifest>"
	    "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/"
	    "xhtml+xml\" properties=\"nav\"/>"
	    "<item id=\"c1\" href=\"c1.xhtml\" media-type=\"application/"
	    "xhtml+xml\"/><item id=\"c2\" href=\"c2.xhtml\" media-type=\""
	    "application/xhtml+xml\"/></manifest><spine><itemref idref=\"c1\"/>"
	    "<itemref idref=\"c2\" linear=\"no\"/></spine></package>",
	    "<html xmlns:epub=\"http://www.idpf.org/2007/ops\"><body>"
	    "<nav epub:type=\"landmarks\"><ol><li><a href=\"c2.xhtml\">封底"
	    "</a></li></ol></nav>"
	    "<nav epub:type=\"toc\"><ol><li><span>上卷</span><ol>"
	    "<li><a href=\"c1.xhtml\">第一回</a><ol><li><a href=\"c1.xhtml#s\">"
	    "一節</a></li></ol></li></ol></li>"
	    "<li><a href=\"c2.xhtml\">第二回</a></li></ol></nav></body></html>",
	    chapter, chapter };
	size_t len;
	char *zip = make_zip(names, data, &len), *err = NULL;
	struct epub *ep;

	(void)st;
	assert_true(epub_sniff(zip, len));
	ep = epub_open_mem(zip, len, &err);
	assert_non_null(ep);
	assert_string_equal(ep->title, "紅樓夢");
	assert_string_equal(ep->author, "曹雪芹");
	assert_int_equal(ep->nchapters, 2);
	assert_string_equal(ep->chapters[0].path, "OEBPS/c1.xhtml");
	assert_int_equal(ep->chapters[1].linear, 0);
	assert_string_equal(ep->toc_from, "nav");
	/* The toc nav, not the landmarks; part > chapter > section. */
	assert_int_equal(ep->ntoc, 4);
	assert_string_equal(ep->toc[0].title, "上卷");
	assert_int_equal(ep->toc[0].level, 1);
	assert_int_equal(ep->toc[0].chapter, (size_t)-1);
	assert_string_equal(ep->toc[1].title, "第一回");
	assert_int_equal(ep->toc[1].level, 2);
	assert_int_equal(ep->toc[1].chapter, 0);
	assert_string_equal(ep->toc[2].title, "一節");
	assert_int_equal(ep->toc[2].level, 3);
	assert_string_equal(ep->toc[2].fragment, "s");
	assert_int_equal(ep->toc[3].chapter, 1);
	assert_int_equal(ep->toc[3].level, 1);
	epub_free(ep);
	free(zip);
}

static void
test_epub2_ncx(void **st)
{
	const char *names[] = { "mimetype", "META-INF/container.xml",
	    "OEBPS/content.opf", "OEBPS/toc.ncx", "OEBPS/Text/c1.xhtml",
	    NULL };
	const char *data[] = { "application/epub+zip", container,
	    OPF_HEAD("", "三國演義") "<manifest>"
	    "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/"
	    "x-dtbncx+xml\"/><item id=\"c1\" href=\"Text/c1.xhtml\" "
	    "media-type=\"application/xhtml+xml\"/></manifest>"
	    "<spine toc=\"ncx\"><itemref idref=\"c1\"/></spine></package>",
	    "<?xml version=\"1.0\"?><ncx xmlns=\"http://www.daisy.org/z3986/"
	    "2005/ncx/\"><navMap><navPoint id=\"a\"><navLabel><text>第一回"
	    "</text></navLabel><content src=\"Text/c1.xhtml\"/><navPoint "
	    "id=\"b\"><navLabel><text>  宴桃園  </text></navLabel><content "
	    "src=\"Text/c1.xhtml#x\"/></navPoint></navPoint></navMap></ncx>",
	    chapter };
	size_t len;
	char *zip = make_zip(names, data, &len), *err = NULL, *out;
	struct epub *ep;

	(void)st;
	ep = epub_open_mem(zip, len, &err);
	assert_non_null(ep);
	assert_string_equal(ep->toc_from, "ncx");
	assert_int_equal(ep->ntoc, 2);
	assert_int_equal(ep->toc[1].level, 2);
	assert_string_equal(ep->toc[1].title, "宴桃園");
	assert_int_equal(ep->toc[1].chapter, 0);
	assert_int_equal(epub_chapter_source(ep, 0, &out, &len, &err), 0);
	assert_string_equal(out, chapter);
	free(out);
	epub_free(ep);
	free(zip);
}

static void
test_not_a_book(void **st)
{
	const char *names[] = { "readme.txt", NULL };
	const char *data[] = { "hello", NULL };
	const char *names2[] = { "mimetype", "META-INF/container.xml",
	    "OEBPS/content.opf", NULL };
	const char *data2[] = { "application/epub+zip", container,
	    OPF_HEAD("", "空") "<manifest/><spine/></package>" };
	size_t len;
	char *zip = make_zip(names, data, &len), *err = NULL;

	(void)st;
	assert_false(epub_sniff(zip, len));
	assert_null(epub_open_mem(zip, len, &err));
	assert_non_null(strstr(err, "META-INF/container.xml"));
	free(err);
	free(zip);
	assert_null(epub_open_mem("PK\3\4 not really", 16, &err));
	assert_non_null(strstr(err, "not an EPUB book"));
	free(err);
	zip = make_zip(names2, data2, &len);
	assert_null(epub_open_mem(zip, len, &err));
	assert_non_null(strstr(err, "names no chapters"));
	free(err);
	free(zip);
}

/* External entities and billion laughs in the package document: the
 * book opens, nothing outside is read, nothing explodes. */
static void
test_hostile_package(void **st)
{
	const char *names[] = { "mimetype", "META-INF/container.xml",
	    "OEBPS/content.opf", "OEBPS/c1.xhtml", NULL };
	const char *data[] = { "application/epub+zip", container,
	    OPF_HEAD("<!DOCTYPE package [<!ENTITY x SYSTEM \"file:///etc/"
	    "passwd\"><!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;"
	    "&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;"
	    "&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
	    "書&x;&d;名") "<manifest><item id=\"c1\" href=\"../../../etc/"
	    "passwd\" media-type=\"application/xhtml+xml\"/></manifest>"
	    "<spine><itemref idref=\"c1\"/><itemref idref=\"nowhere\"/>"
	    "</spine></package>", chapter };
	size_t len;
	char *zip = make_zip(names, data, &len), *err = NULL, *out;
	struct epub *ep;

	(void)st;
	ep = epub_open_mem(zip, len, &err);
	assert_non_null(ep);
	assert_string_equal(ep->title, "書名");
	assert_int_equal(ep->nchapters, 2);
	assert_null(ep->chapters[0].path);
	assert_int_equal(epub_chapter_source(ep, 0, &out, &len, &err), -1);
	assert_non_null(strstr(err, "outside the book"));
	free(err);
	assert_int_equal(epub_chapter_source(ep, 1, &out, &len, &err), -1);
	free(err);
	assert_int_equal(epub_read(ep, "OEBPS/none", &out, &len, &err), -1);
	assert_non_null(strstr(err, "not in the book"));
	free(err);
	epub_free(ep);
	free(zip);
}

static void
test_charset(void **st)
{
	static const struct {
		const char *html, *want;
	} cases[] = {
		{ "<html><head><meta charset=\"gbk\">", "GB18030" },
		{ "<meta charset=GB2312>", "GB18030" },
		{ "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
		    "charset=big5\">", "BIG5" },
		{ "<meta content='text/html;charset=gb18030' "
		    "http-equiv='content-type'>", "GB18030" },
		{ "<?xml version=\"1.0\" encoding=\"GBK\"?><html>", "GB18030" },
		{ "\xEF\xBB\xBF<meta charset=gbk>", "UTF-8" },
		{ "<meta charset=\"utf-8\">", "UTF-8" },
		{ "<metadata charset=gbk>", NULL },
		{ "<html><p>no declaration</p>", NULL },
	};
	char buf[64];

	(void)st;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = html_declared_charset(cases[i].html,
		    strlen(cases[i].html), buf, sizeof buf);
		if (cases[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].want);
	}
	assert_true(html_sniff("<!DOCTYPE html><p>", 18));
	{
		const char *x = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n"
		    "<!-- c --><html>";
		assert_true(html_sniff(x, strlen(x)));
	}
	assert_true(html_sniff("  <HTML>", 8));
	assert_false(html_sniff("# 标题\n<html>", 15));
	assert_true(html_is_html_name("a.HTM"));
	assert_true(html_is_html_name("b.xhtml"));
	assert_false(html_is_html_name("c.md"));
	assert_true(epub_is_epub_name("书.EPUB"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_epub3_nav),
		cmocka_unit_test(test_epub2_ncx),
		cmocka_unit_test(test_not_a_book),
		cmocka_unit_test(test_hostile_package),
		cmocka_unit_test(test_charset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
