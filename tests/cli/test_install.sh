#!/bin/bash
# Install to a temporary prefix with `cmake --install` (the build that made
# $YUEDU), then run the installed binary and render its man page.
. "$(dirname "$0")/lib.sh"
: "${YUEDU:?}" "${YUEDU_SRC:?}" "${YUEDU_DATA:?}"
build=$(dirname "$YUEDU")

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1; rc=$?
check "cmake --install to a prefix exits 0" 0 "$rc"
[ $rc -eq 0 ] || cat "$tmp/log"
bin=$tmp/prefix/bin/yuedu
page=$(find "$tmp/prefix" -name yuedu.1 | head -1)
check "the binary is installed in PREFIX/bin" yes "$([ -x "$bin" ] && echo yes)"
check "the man page is installed in PREFIX/share/man/man1" \
	"$tmp/prefix/share/man/man1/yuedu.1" "$page"

check "the installed binary runs" "yuedu $(sed -n 's/^project(yuedu VERSION \([0-9.]*\).*/\1/p' "$YUEDU_SRC/CMakeLists.txt")" \
	"$("$bin" --version)"
check "it reads an article" "$("$YUEDU" --dump -w 40 "$YUEDU_DATA/xianfa.md")" \
	"$(env -i PATH=/usr/bin:/bin "$bin" --dump -w 40 "$YUEDU_DATA/xianfa.md")"

# The message catalogs are installed, and the installed binary finds them.
for lang in zh_CN zh_TW; do
	check "$lang catalog in PREFIX/share/locale" yes "$([ -f \
		"$tmp/prefix/share/locale/$lang/LC_MESSAGES/yuedu.mo" ] && echo yes)"
done
check "the installed binary speaks Chinese under LANG=zh_TW.UTF-8" \
	"用法：yuedu [選項]... [+行號 | +/模式] [檔案]..." \
	"$(env -i PATH=/usr/bin:/bin LANG=zh_TW.UTF-8 "$bin" --help | head -1)"

# The page renders, without a warning, in a UTF-8 and in the C locale.
for loc in C.UTF-8 C; do
	out=$(LC_ALL=$loc MANWIDTH=80 man --warnings -l "$page" 2>"$tmp/err")
	check "man -l renders the page ($loc)" yes \
		"$(printf '%s' "$out" | grep -q '^EXIT STATUS' && echo yes)"
	check "with no warnings ($loc)" "" "$(cat "$tmp/err")"
done
check "groff -man -ww finds nothing to warn about" "" \
	"$(groff -man -ww -z "$page" 2>&1)"
# The man page installed is the one in the source tree.
check "installed page = source page" "" "$(cmp "$page" "$YUEDU_SRC/yuedu.1")"

exit $fail
