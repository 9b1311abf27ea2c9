#!/bin/bash
# Strings from outside the file's text - file names, config values,
# YUEDU_OPTS, arguments - reach stdout and stderr inert: ESC shows as ^[,
# BEL as ^G, C1 controls as <9B>, invalid bytes as U+FFFD.  A name such as
# x<ESC>]52;c;...<BEL>.txt would otherwise write the terminal's clipboard.
. "$(dirname "$0")/lib.sh"

esc=$(printf '\033')
bel=$(printf '\007')
evil="x${esc}]52;c;cHduZWQ=${bel}y"
d=$tmp/dir
mkdir "$d"
printf 'hi there\n' >"$d/$evil.txt"
printf 'hi \377\376 bad\n' >"$d/${evil}2.txt"

"$YUEDU" --grep hi "$d" >"$tmp/o" 2>"$tmp/e"
inert "--grep over a directory, stdout" "$tmp/o"
inert "--grep over a directory, stderr (not valid UTF-8 note)" "$tmp/e"
check "--grep: the name shows as ^[ and ^G" 1 \
	"$(grep -c 'x^\[\]52;c;cHduZWQ=^Gy.txt:1:hi there' "$tmp/o")"

"$YUEDU" "$d" >"$tmp/o" 2>"$tmp/e" </dev/null
inert "the shelf listing (yuedu DIR | cat), stdout" "$tmp/o"
inert "the shelf listing, stderr" "$tmp/e"

"$YUEDU" --dump "$d/${evil}2.txt" >"$tmp/o" 2>"$tmp/e"
inert "--dump of a file not in UTF-8: its note" "$tmp/e"
"$YUEDU" --dump "$d/${evil}-missing" >"$tmp/o" 2>"$tmp/e"
inert "a missing file's error" "$tmp/e"

# Title of an outline, printed by --outline.
printf '# a\033]0;pwned\007title\n\ntext\n' >"$tmp/t.md"
"$YUEDU" --outline "$tmp/t.md" >"$tmp/o" 2>"$tmp/e"
inert "--outline titles" "$tmp/o"

# Config values and the config path, through --print-config and warnings.
cfgdir=$tmp/cfg${evil}
mkdir -p "$cfgdir/yuedu"
printf 'highlight = a\033[2Jb\nheading = ^x\033]0;t\007\nbogus\033[31m = 1\nwidth = 5\033c\n' \
	>"$cfgdir/yuedu/config"
XDG_CONFIG_HOME=$cfgdir "$YUEDU" --print-config >"$tmp/o" 2>"$tmp/e"
inert "--print-config, stdout" "$tmp/o"
inert "config warnings (unknown setting, invalid width)" "$tmp/e"
check "config warnings were given" 1 "$([ -s "$tmp/e" ] && echo 1)"

YUEDU_OPTS="--bogus$esc[5m --width=1${esc}c --encoding=x${esc}]0;t$bel" \
	"$YUEDU" --dump "$d/$evil.txt" >"$tmp/o" 2>"$tmp/e"
inert "YUEDU_OPTS warnings" "$tmp/e"
"$YUEDU" "--width=2${esc}[H" "$d/$evil.txt" >"$tmp/o" 2>"$tmp/e"
inert "argument error (invalid width)" "$tmp/e"
"$YUEDU" "--encoding=z${esc}]0;t${bel}" "$d/$evil.txt" >"$tmp/o" 2>"$tmp/e"
inert "argument error (unknown encoding)" "$tmp/e"
"$YUEDU" "--bog${esc}[2J" >"$tmp/o" 2>"$tmp/e"
inert "argument error (unknown option)" "$tmp/e"
"$YUEDU" --grep hi --dump "$tmp/$(printf 'n\302\233x')" >"$tmp/o" 2>"$tmp/e"
inert "a C1 control (U+009B) in a name" "$tmp/e"
exit $fail
