#!/bin/bash
# HTML pages and EPUB books (made by tests/data/make_books.py from texts in
# tests/data/): the article without the page around it, charsets declared
# by the page, ruby as annotations, links and images; books in spine order
# with their table of contents as the outline (NCX, nav with nesting, the
# chapters' headings), GBK chapters, --grep as FILE:CHAPTER:LINE, --raw,
# the shelf's titles; and hostile books, each refused with a message or
# shown inertly.
. "$(dirname "$0")/lib.sh"
: "${YUEDU_DATA:?}"

b=$tmp/books
python3 "$YUEDU_DATA/make_books.py" "$b" || { echo "FAIL: make_books.py"; exit 1; }
Y() { timeout 20 "$YUEDU" "$@"; }
has() { case "$2" in *"$1"*) echo yes ;; *) echo no ;; esac; }

# ---- A web page.
out=$(Y --dump -w 200 "$b/page.html")
check "page: the article's text" yes "$(has 孙子曰：兵者，国之大事 "$out")"
for junk in 首页 关于我们 网站标语 热门文章 广告一 版权所有 脚本 注释不显示 \
    表单不显示 'color: red' '<p>' '<h2'; do
	check "page: no '$junk' (chrome, script, style, comment, form, tags)" \
		no "$(has "$junk" "$out")"
done
check "page: the header's h1 is the top heading" 孙子兵法 \
	"$(printf '%s\n' "$out" | head -1)"
check "page: entities decoded (&nbsp; a no-break space)" yes \
	"$(has "<兵法> & “计篇”"$'\u00a0'"见" "$out")"
check "page: a link has its number and its address listed" \
	"yes yes" "$(has 维基文库[1] "$out") $(has \
	'[1] https://zh.wikisource.org/wiki/孫子兵法' "$out")"
check "page: an image is its alt text" yes "$(has '图：[图: 孙子像]。' "$out")"
check "page: a list with numbers nested" yes "$(has '  2. 其二' "$out")"
check "page: <pre> keeps its blanks" yes "$(has '  代码  保留' "$out")"
check "page: a table laid out by display width" yes "$(has '| 始计 | 三百 |' "$out")"
check "page: ruby shown as an annotation (rp dropped)" yes \
	"$(has '（孫(sūn)武(wǔ)）' "$(Y --dump -w 200 --pinyin=show "$b/page.html")")"
check "page: ruby hidden with --pinyin=hide" yes \
	"$(has '孙子（孫武），' "$(Y --dump -w 200 --pinyin=hide "$b/page.html")")"
check "page: outline from h1/h2" "1	孙子兵法
2	始计第一
2	作战第二" "$(Y --outline "$b/page.html" | cut -f1,3)"
check "page: the outline's lines are source lines" \
	"$(grep -n '<h2 id="top">始计第一' "$b/page.html" | cut -d: -f1)" \
	"$(Y --outline "$b/page.html" | sed -n 2p | cut -f2)"
check "page: --grep gives the source line" \
	"$(grep -n '知彼知己' "$b/page.html" | cut -d: -f1)" \
	"$(Y --grep 知彼知己 "$b/page.html" | cut -d: -f1)"
check "page: --raw shows the source" yes \
	"$(has '<nav><a href="/">首页</a>' "$(Y --raw --dump -w 300 "$b/page.html")")"
check "page: script views work on the rendered text" yes \
	"$(has 孫子曰：兵者，國之大事 "$(Y --script=traditional --dump -w 200 \
	"$b/page.html")")"
check "page: /粗体 kind of search across a link's markup" 1 \
	"$(Y --grep 见维基文库 "$b/page.html" | wc -l)"

# ---- Pages in GBK and Big5.
out=$(Y --dump -w 200 "$b/page_gbk.html")
check "GBK page (meta charset): decoded" yes "$(has 孙子曰：兵者 "$out")"
check "GBK page: no U+FFFD" no "$(has '�' "$out")"
out=$(Y --dump -w 200 "$b/page_big5.htm")
check "Big5 page (http-equiv): decoded" yes "$(has 孫子曰：兵者 "$out")"
check "Big5 page: the densest block, not the comments" no "$(has 留言 "$out")"

# ---- EPUB 2 with an NCX.
check "EPUB 2: the NCX is the outline, CHAPTER:LINE" "1	1:6	始計第一
1	2:6	作戰第二" "$(Y --outline "$b/book2.epub" | head -2)"
out=$(Y --dump -w 200 "$b/book2.epub")
check "EPUB 2: chapters in spine order" "始計第一 作戰第二 謀攻第三" \
	"$(printf '%s\n' "$out" | grep -E '^..第.$' | head -3 | tr '\n' ' ' |
	sed 's/ $//')"
check "EPUB 2: no markup" no "$(has '<' "$out")"
check "EPUB 2: --grep is CHAPTER:LINE:TEXT" "10:7" \
	"$(Y --grep 知彼知己 "$b/book2.epub" | cut -d: -f1,2)"
check "EPUB 2: that is the chapter's source line" yes \
	"$(unzip -p "$b/book2.epub" OEBPS/ch10.xhtml | sed -n 7p | grep -c 知彼知己 |
	sed 's/1/yes/')"
check "EPUB: --grep over files is FILE:CHAPTER:LINE" "$b/book2.epub:10:7" \
	"$(Y --grep 知彼知己 "$b/book2.epub" "$b/page.html" | head -1 |
	cut -d: -f1-3)"

# ---- EPUB 3 with a nav document: part > chapter > section.
check "EPUB 3: nav nesting as levels" "1	上篇
2	始计第一
3	始计第一·下半
2	作战第二" "$(Y --outline "$b/book3.epub" | head -4 | cut -f1,3)"
check "EPUB 3: the second part" "1	下篇" \
	"$(Y --outline "$b/book3.epub" | grep 下篇 | cut -f1,3)"
check "EPUB: --raw shows the chapters' sources" yes \
	"$(has '<h2 id="c1">始计第一</h2>' "$(Y --raw --dump -w 300 "$b/book3.epub")")"
check "EPUB: script view on the rendered book" yes \
	"$(has 孫子曰：兵者，國之大事 "$(Y --script=traditional --dump -w 200 \
	"$b/book3.epub")")"

# ---- GBK-declared XHTML; no table of contents.
check "EPUB with GBK chapters: decoded" yes \
	"$(has 孙子曰：兵者 "$(Y --dump -w 200 "$b/book_gbk.epub")")"
check "EPUB without toc: the chapters' headings" "1	始计第一
1	作战第二" "$(Y --outline "$b/book_notoc.epub" | cut -f1,3)"

# ---- The shelf.
mkdir "$tmp/shelf"
cp "$b/book2.epub" "$b/book3.epub" "$b/page.html" "$b/page_big5.htm" \
	"$tmp/shelf/"
check "shelf: pages and books with their titles" "book2.epub 孫子兵法
book3.epub 孙子兵法
page.html 孙子兵法 - 读书网
page_big5.htm 孫子兵法" "$(Y "$tmp/shelf" | while IFS='	' read -r p t _; do
	echo "${p##*/} $t"; done)"

# ---- Hostile books.
out=$(Y --dump -w 200 "$b/hostile_xxe.epub" 2>&1); rc=$?
check "XXE: opens" 0 "$rc"
check "XXE: no file read" no "$(has SECRET "$out")"
check "XXE: the reference shown inertly" yes "$(has '前&xxe;后&net;。' "$out")"
check "XXE: nothing from the entity in the title" "外部实体" \
	"$(Y "$tmp/shelf" >/dev/null; cp "$b/hostile_xxe.epub" "$tmp/shelf/" &&
	Y "$tmp/shelf" | grep xxe | cut -f2)"
out=$(Y --dump -w 200 "$b/hostile_laughs.epub" 2>&1); rc=$?
check "billion laughs: opens, text after it kept" "0 yes" \
	"$rc $(has 正文。 "$out")"
check "billion laughs: nothing expanded" yes \
	"$([ "$(printf '%s' "$out" | wc -c)" -lt 1000 ] && echo yes)"
out=$(Y --dump -w 200 "$b/hostile_bomb.epub" 2>&1); rc=$?
check "zip bomb: refused with a message, the rest shown" "0 yes yes" \
	"$rc $(has '[missing chapter: OEBPS/bomb.xhtml: expands to 80 MB, past the 64 MB limit: refused]' "$out") $(has 炸弹之后。 "$out")"
out=$(Y --dump -w 200 "$b/hostile_liar.epub" 2>&1); rc=$?
check "zip lying about sizes: refused while reading" "0 yes" \
	"$rc $(has 'bomb.xhtml: expands past the 64 MB limit: refused' "$out")"
out=$(Y --dump -w 200 "$b/hostile_paths.epub" 2>&1); rc=$?
check "../ and absolute hrefs: never followed" "0 no no yes yes" \
	"$rc $(has root: "$out") $(has escaped "$out") $(has \
	'[missing chapter: ../../../../etc/passwd: points outside the book]' \
	"$out") $(has '[missing chapter: /etc/passwd: points outside the book]' \
	"$out")"
out=$(Y --dump -w 200 "$b/hostile_missing.epub" 2>&1); rc=$?
check "missing chapter: shown as missing, the next one read" "0 yes yes" \
	"$rc $(has '[missing chapter: OEBPS/gone.xhtml: not in the book]' \
	"$out") $(has 也有。 "$out")"
out=$(Y --dump -w 200 "$b/hostile_broken.epub" 2>&1); rc=$?
check "broken XHTML: rendered as far as it parses" "0 yes yes yes" \
	"$rc $(has 第一段粗斜没关 "$out") $(has 嵌套 "$out") $(has 截断在中间 "$out")"
Y --dump "$b/not_a_book.epub" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a zip that is no book: exit 2, a message, nothing shown" \
	"2 yes 0" "$rc $(has 'not_a_book.epub: no META-INF/container.xml: not an EPUB book' "$(cat "$tmp/err")") $(wc -c <"$tmp/out")"

exit $fail
