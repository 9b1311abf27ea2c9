#!/bin/bash
# The message catalogs are complete: every message of the sources (what
# xgettext finds marked with _() N_() P_(), and the tables' help through
# build/gen_pot) has a translation in po/zh_CN.po and po/zh_TW.po that is
# neither empty nor fuzzy, and msgfmt --check finds the format directives
# of each the same as its msgid's.  A message added without translating
# it fails here: run `make po` and translate it in both.
. "$(dirname "$0")/lib.sh"
set -o pipefail
: "${YUEDU_SRC:?}"
build=$(dirname "$YUEDU")

sh "$YUEDU_SRC/scripts/po.sh" pot "$tmp/yuedu.pot" "$build/gen_pot" \
	2>"$tmp/err"
check "the template is made from the sources" 0 "$?"
n=$(grep -c '^msgid "' "$tmp/yuedu.pot")
check "it holds the tables' and the code's messages (>= 250)" yes \
	"$([ "$n" -ge 250 ] && echo yes)"
for lang in zh_CN zh_TW; do
	po=$YUEDU_SRC/po/$lang.po
	msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" \
		"$tmp/yuedu.pot"
	check "$lang: merged with the template" 0 "$?"
	msgattrib --force-po --untranslated --no-obsolete -o "$tmp/untr" "$tmp/$lang.po"
	check "$lang: msgattrib reads it" 0 "$?"
	check "$lang: every message translated" "" \
		"$(grep '^msgid "' "$tmp/untr" 2>&1 | grep -v '^msgid ""$')"
	msgattrib --force-po --only-fuzzy --no-obsolete -o "$tmp/fuzzy" "$tmp/$lang.po"
	check "$lang: no fuzzy translation" "" \
		"$(grep '^msgid "' "$tmp/fuzzy" 2>&1 | grep -v '^msgid ""$')"
	msgfmt --check -o /dev/null "$tmp/$lang.po" 2>"$tmp/fmt"
	check "$lang: msgfmt --check (format directives match)" "0 " \
		"$? $(cat "$tmp/fmt")"
	# Nothing left in the catalog that the sources no longer say.
	stale=$(msgattrib --only-obsolete "$tmp/$lang.po" | grep -c '^#~ msgid' ||
		true)
	check "$lang: no translation of a message gone from the sources" 0 \
		"$stale"
done
# The template in po/ is the one the sources make (`make po` keeps it).
check "po/yuedu.pot is up to date (make po)" "" \
	"$(diff "$YUEDU_SRC/po/yuedu.pot" "$tmp/yuedu.pot")"

# A message newly marked and not translated is caught.
mkdir -p "$tmp/src/src" "$tmp/src/include/yuedu" "$tmp/src/scripts"
cp "$YUEDU_SRC/scripts/po.sh" "$tmp/src/scripts/"
printf '#define _(s) s\nconst char *m = _("a message nobody translated");\n' \
	>"$tmp/src/src/new.c"
: >"$tmp/src/include/yuedu/none.h"
sh "$tmp/src/scripts/po.sh" pot "$tmp/new.pot" "$build/gen_pot" 2>/dev/null
msgmerge --quiet -o "$tmp/new.po" "$YUEDU_SRC/po/zh_CN.po" "$tmp/new.pot"
check "a new message shows untranslated" 'msgid "a message nobody translated"' \
	"$(msgattrib --untranslated "$tmp/new.po" | grep 'nobody')"
exit $fail
