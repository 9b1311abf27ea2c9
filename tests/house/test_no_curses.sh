#!/bin/bash
# The core is pure: no file of it includes curses.  Only the terminal and
# drawing files (src/screen*.c, src/screen_int.h) and main.c may; every
# other file of src/, include/yuedu/ and tools/ is core.  The core library
# does not link ncursesw either, so a call would fail to link; this keeps
# the headers honest too.  The checker is first run on a made-up tree that
# breaks the rule, so it is known to be able to fail.
set -u
: "${YUEDU_SRC:?YUEDU_SRC must name the source tree}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# curses_in_core ROOT: the core files under ROOT that include a curses
# header (curses.h, ncurses.h, ncursesw/…, term.h, panel.h, menu.h,
# form.h), one "file:line: text" each.
curses_in_core() {
	local root=$1 f
	for f in "$root"/src/*.[ch] "$root"/include/yuedu/*.h \
	    "$root"/tools/*.[ch]; do
		[ -e "$f" ] || continue
		case ${f#"$root"/} in
		src/screen*.c | src/screen_int.h | src/main.c) continue ;;
		esac
		grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([a-z]*curses[a-z]*/)?(n?cursesw?|term|panel|menu|form)\.h[>"]' \
		    "$f" | sed "s|^|${f#"$root"/}:|"
	done
}

# The checker on a tree where src/pager.c includes <curses.h>: it must
# name that file, and only it (screen.c may).
mkdir -p "$tmp/src" "$tmp/include/yuedu" "$tmp/tools"
printf '#include "yuedu/pager.h"\n#include <curses.h>\n' >"$tmp/src/pager.c"
printf '#include <ncursesw/ncurses.h>\n' >"$tmp/include/yuedu/draw.h"
printf '#include <curses.h>\n' >"$tmp/src/screen.c"
printf '/* a comment: <curses.h> is not included here */\n' >"$tmp/src/doc.c"
got=$(curses_in_core "$tmp")
want='src/pager.c:2:#include <curses.h>'
want+=$'\ninclude/yuedu/draw.h:1:#include <ncursesw/ncurses.h>'
if [ "$(sort <<<"$got")" = "$(sort <<<"$want")" ]; then
	echo "ok: the check finds curses included in a core file"
else
	echo "FAIL: the check does not find what it should; got:"
	echo "$got"
	fail=1
fi

got=$(curses_in_core "$YUEDU_SRC")
if [ -z "$got" ]; then
	echo "ok: no core file includes curses"
else
	echo "FAIL: core files include curses (only src/screen*.c and main.c may):"
	echo "$got"
	fail=1
fi
exit $fail
