#!/bin/bash
# A rendered EPUB chapter with its outline panel, whole screen, against
# tests/screen/expected/epub_outline.txt (80x24): the book's nav nesting
# (part > chapter > section) in the panel, the chapter's text without
# markup, the book's title and author on the status line.  --update
# rewrites the expected screen (read the diff).
. "$(dirname "$0")/lib.sh"
exp=$YUEDU_SRC/tests/screen/expected/epub_outline.txt
books=$TM_TMP/books
python3 "$YUEDU_DATA/make_books.py" "$books" >/dev/null || exit 1

tm_start 80 24 "'$YUEDU' +/谋攻第三 '$books/book3.epub'"
tm_wait "谋攻第三" || not_ok "the book opens"
tm_keys t
tm_wait "Outline (16)" || not_ok "the outline panel opens"
tm_wait "1/1" && tm_wait "孙子兵法 · 孙武" || not_ok "the status line names the book"
if [ "${1:-}" = --update ]; then
	tm_cap >"$exp"
	echo "updated $exp"
	exit 0
fi
if [ "$(tm_cap)" = "$(cat "$exp")" ]; then
	ok "rendered chapter and outline panel as expected"
else
	not_ok "rendered chapter and outline panel differ from $exp"
	diff <(tm_cap) "$exp" | sed 's/^/  /'
fi
finish
