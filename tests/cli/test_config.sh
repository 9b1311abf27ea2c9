#!/bin/bash
# Configuration on the command line: the config file under a temporary
# XDG_CONFIG_HOME, YUEDU_OPTS and arguments in that order of precedence,
# a bad line warned about with its file and line while the rest applies,
# and --print-config naming where each setting came from.
. "$(dirname "$0")/lib.sh"
: "${YUEDU:?}" "${YUEDU_DATA:?}"
export XDG_CONFIG_HOME=$tmp/config HOME=$tmp/home
unset YUEDU_OPTS
mkdir -p "$XDG_CONFIG_HOME/yuedu" "$HOME"
conf=$XDG_CONFIG_HOME/yuedu/config
doc=$YUEDU_DATA/000_4230cdcea687e942.txt

widest() {	# columns of the widest row of --dump output
	"$YUEDU" --dump "$@" "$doc" | wc -L
}

# No config file: the defaults, each marked so.
out=$("$YUEDU" --print-config); rc=$?
check "--print-config exits 0" 0 "$rc"
check "without a config file cpm is the default" "cpm = 300 # default" \
	"$(printf '%s\n' "$out" | grep '^cpm =' | tr -s ' ')"
check "it says the file is missing" "# config file: $conf (none)" \
	"$(printf '%s\n' "$out" | grep '^# config file')"
check "the dump wraps at 80 by default" 80 "$(widest)"

# The file applies: width = 30 makes --dump wrap at 30.
cat >"$conf" <<'CONF'
# my settings
width = 30

pinyin = hide
cpm = 450
CONF
check "width = 30 in the file wraps at 30" 30 "$(widest)"
out=$("$YUEDU" --print-config)
check "--print-config names the file and line" "width = 30 # $conf:2" \
	"$(printf '%s\n' "$out" | grep '^width =' | tr -s ' ')"
check "and the value of another line" "cpm = 450 # $conf:5" \
	"$(printf '%s\n' "$out" | grep '^cpm =' | tr -s ' ')"

# The environment beats the file; the command line beats both.
check "YUEDU_OPTS beats the file" 40 "$(YUEDU_OPTS='-w 40' widest)"
check "the command line beats YUEDU_OPTS" 50 \
	"$(YUEDU_OPTS='-w 40' widest --width=50)"
out=$(YUEDU_OPTS="-w 40 --cpm=500 --bind='J line-down'" "$YUEDU" --print-config --cpm 600)
check "--print-config: YUEDU_OPTS" "width = 40 # YUEDU_OPTS" \
	"$(printf '%s\n' "$out" | grep '^width =' | tr -s ' ')"
check "--print-config: command line" "cpm = 600 # command line" \
	"$(printf '%s\n' "$out" | grep '^cpm =' | tr -s ' ')"
check "--print-config: a quoted bind from YUEDU_OPTS" \
	"bind = J line-down # YUEDU_OPTS" \
	"$(printf '%s\n' "$out" | grep '^bind =' | tr -s ' ')"
check "--print-config: untouched settings are defaults" \
	"wpm = 240 # default" "$(printf '%s\n' "$out" | grep '^wpm =' | tr -s ' ')"

# A bad line: one warning with file and line number; the rest applies.
cat >"$conf" <<'CONF'
width = 30
width = wide
colour = red
no-remember = perhaps
bind = J line-down
pinyin = hide
CONF
"$YUEDU" --dump "$doc" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a bad line does not stop yuedu" 0 "$rc"
check "the good lines still apply" 30 "$(wc -L <"$tmp/out")"
check "each bad line is one warning naming FILE:LINE" \
	"yuedu: $conf:2: invalid width 'wide' (expected 1 to 10000)
yuedu: $conf:3: unknown setting 'colour'
yuedu: $conf:4: invalid value 'perhaps' for no-remember (expected true, false, yes or no)" \
	"$(cat "$tmp/err")"

# Booleans: yes and no.
printf 'no-remember = yes\n' >"$conf"
check "no-remember = yes" "no-remember = true # $conf:1" \
	"$("$YUEDU" --print-config | grep '^no-remember' | tr -s ' ')"
printf 'no-remember = no\n' >"$conf"
check "no-remember = no" "no-remember = false # $conf:1" \
	"$("$YUEDU" --print-config | grep '^no-remember' | tr -s ' ')"

# A bad option on the command line is still fatal.
"$YUEDU" --width=0 --print-config >/dev/null 2>"$tmp/err"; rc=$?
check "a bad command-line option exits 2" 2 "$rc"
# ...but a bad YUEDU_OPTS option is a warning.
YUEDU_OPTS='--width=0 --cpm=350' "$YUEDU" --print-config >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a bad YUEDU_OPTS option is only a warning" 0 "$rc"
check "its message" "yuedu: YUEDU_OPTS: invalid width '0' (expected 1 to 10000)" \
	"$(cat "$tmp/err")"
check "the rest of YUEDU_OPTS applies" "cpm = 350 # YUEDU_OPTS" \
	"$(grep '^cpm =' "$tmp/out" | tr -s ' ')"

# The file's place: XDG_CONFIG_HOME, else ~/.config.
mkdir -p "$HOME/.config/yuedu"
printf 'wpm = 123\n' >"$HOME/.config/yuedu/config"
check "without XDG_CONFIG_HOME the file is ~/.config/yuedu/config" \
	"wpm = 123 # $HOME/.config/yuedu/config:1" \
	"$(env -u XDG_CONFIG_HOME "$YUEDU" --print-config | grep '^wpm' | tr -s ' ')"

# An unreadable config file (a directory in its place): a warning only.
rm -f "$conf"; mkdir "$conf"
"$YUEDU" --dump "$doc" >/dev/null 2>"$tmp/err"; rc=$?
check "a config path that is a directory: still runs" 0 "$rc"
check "with one line of warning" 1 "$(wc -l <"$tmp/err")"

exit $fail
