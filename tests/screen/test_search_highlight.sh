# Highlight terms on the sample article at 80x24: typed with =, added from
# the search with +, removed with - N, cleared with _, given with
# --highlight; each in its own colour (six told apart), and told apart by
# underline/bold/reverse under NO_COLOR.
. "$(dirname "$0")/lib.sh"

rows_e() { $TM capture-pane -e -p -t "$TM_T"; }
# sgr ROW TEXT: the SGR codes just in front of the first TEXT on ROW.
sgr() {
	rows_e | sed -n "$1p" | grep -oE $'(\e\\[[0-9;]*m)+'"$2" | head -1 |
	    sed "s/$2\$//"
}

tm_start 80 24 "$YUEDU --ambiguous=narrow $SAMPLE"
check "the article is shown" tm_wait_row 1 "(網經社訊)"
plain_row1=$(tm_cap | sed -n 1p)
tm_keys '=' '阿里' Enter
check "= types a term: message" tm_wait "highlight 1: 阿里"
tm_keys '=' 'ceo' Enter
check "a second term" tm_wait "highlight 2: ceo"
a=$(sgr 1 阿里) c=$(sgr 1 CEO)
check "阿里 is coloured (green background)" grep -q '42m' <<<"$a"
check "ceo finds CEO, coloured (cyan background)" grep -q '46m' <<<"$c"
check "the two terms have different colours" test "$a" != "$c"
check "the text itself is unchanged" test "$(tm_cap | sed -n 1p)" = "$plain_row1"

tm_keys '/' '网经社' Enter
tm_wait "1/2 [" >/dev/null
tm_keys '+'
check "+ adds the current search as term 3" tm_wait "highlight 3: 网经社"
tm_keys '+'
check "adding it twice is refused" tm_wait "already highlighted (3): 网经社"
tm_keys '-'
check "- asks which term, listing them" \
    tm_wait "remove which highlight? 1 阿里 2 ceo 3"
tm_keys 1
check "1 removes the first" tm_wait "highlight 1 removed: 阿里"
check "阿里 is no longer coloured" test -z "$(sgr 1 阿里 | grep '42m')"
check "ceo keeps a colour" test -n "$(sgr 1 CEO)"
tm_keys '_'
check "_ clears every term" tm_wait "highlights cleared"
check "CEO is plain again" test -z "$(sgr 1 CEO | grep -E '4[0-9]m')"
tm_keys h
check "the help opens" tm_wait "yuedu keys"
tm_keys f
check "the help scrolls to the highlight keys" tm_wait "highlight the current search"
tm_keys q

# Six terms from the command line, six colours.
terms=(阿里 CEO 吳泳銘 初心 帖子 集團)
args=()
for t in "${terms[@]}"; do args+=(--highlight "$t"); done
tm_start 80 24 "$YUEDU --ambiguous=narrow ${args[*]} $SAMPLE"
check "six --highlight terms: the article is shown" tm_wait_row 1 "(網經社訊)"
sleep 0.2
looks=$(for t in "${terms[@]}"; do
	for r in 1 2; do sgr "$r" "$t"; done | head -1
	echo
done | grep -c .)
distinct=$(for t in "${terms[@]}"; do
	for r in 1 2; do sgr "$r" "$t"; done | head -1
done | sort -u | grep -c .)
check "each of the six terms is highlighted" test "$looks" = 6
check "six different colours" test "$distinct" = 6

# NO_COLOR: no colour codes, yet the two terms look different.
tm_start 80 24 "env NO_COLOR=1 $YUEDU --ambiguous=narrow --highlight 阿里 --highlight ceo $SAMPLE"
check "NO_COLOR: the article is shown" tm_wait_row 1 "(網經社訊)"
sleep 0.2
a=$(sgr 1 阿里) c=$(sgr 1 CEO)
check "NO_COLOR: no colour at all" test -z "$(rows_e | grep -oE $'\e\\[[0-9;]*(3[0-7]|4[0-7])m')"
check "NO_COLOR: 阿里 underlined" grep -qE '(\[|;)4(;|m)' <<<"$a"
check "NO_COLOR: ceo looks different" test -n "$c" -a "$a" != "$c"
finish
