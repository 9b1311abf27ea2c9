#!/bin/bash
# The outline evaluation: runs `yuedu --outline` on every document that has
# an expected outline in tests/outline/expected/ (labelled by hand, see
# README.md), prints precision, recall and F1 per document and overall, and
# fails when the overall F1 is below 0.95 or the sample article's outline is
# not exactly its label.  A heading matches when its line and level agree.
#   usage: test_outline_eval.sh [-v]    (-v lists every mismatch)
set -u
: "${YUEDU:?YUEDU must name the yuedu binary}"
: "${YUEDU_DATA:?YUEDU_DATA must name tests/data}"
here=$(cd "$(dirname "$0")" && pwd)
verbose=0
[ "${1:-}" = "-v" ] && verbose=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seed=000_4230cdcea687e942.txt
status=0
tp_all=0 fp_all=0 fn_all=0

printf '%-34s %5s %5s %5s %7s %7s %7s\n' document exp got match P R F1
for exp in "$here"/expected/*.outline; do
	name=$(basename "$exp" .outline)
	doc="$YUEDU_DATA/$name"
	if [ ! -f "$doc" ]; then
		echo "missing document $doc" >&2
		status=1
		continue
	fi
	# Annotations are kept in titles so they can be compared verbatim.
	if ! "$YUEDU" --outline --pinyin=show "$doc" >"$tmp/got" 2>"$tmp/err"; then
		echo "FAIL: yuedu --outline $name exited non-zero:" >&2
		cat "$tmp/err" >&2
		status=1
		continue
	fi
	read -r e g m < <(awk -F'\t' '
		FNR == NR { want[$2 "\t" $1] = 1; ne++; next }
		{ ng++; if (($2 "\t" $1) in want) nm++ }
		END { printf "%d %d %d\n", ne, ng, nm }' "$exp" "$tmp/got")
	awk -v e="$e" -v g="$g" -v m="$m" -v n="$name" 'BEGIN {
		p = g ? m / g : (e ? 0 : 1); r = e ? m / e : 1
		f = p + r ? 2 * p * r / (p + r) : 0
		printf "%-34s %5d %5d %5d %7.3f %7.3f %7.3f\n", n, e, g, m, p, r, f }'
	tp_all=$((tp_all + m)); fp_all=$((fp_all + g - m)); fn_all=$((fn_all + e - m))
	if [ "$verbose" = 1 ] || [ "$name" = "$seed" ]; then
		awk -F'\t' '
			FNR == NR { want[$2 "\t" $1] = $0; next }
			{ k = $2 "\t" $1; if (k in want) delete want[k];
			  else print "    extra:   " $0 }
			END { for (k in want) print "    missing: " want[k] }' \
			"$exp" "$tmp/got" | sort -t$'\t' -k2,2n
	fi
	if [ "$name" = "$seed" ] && ! cmp -s "$exp" "$tmp/got"; then
		echo "FAIL: the sample article's outline is not exactly its label:" >&2
		diff "$exp" "$tmp/got" >&2
		status=1
	fi
done
awk -v tp="$tp_all" -v fp="$fp_all" -v fn="$fn_all" 'BEGIN {
	p = tp / (tp + fp); r = tp / (tp + fn); f = 2 * p * r / (p + r)
	printf "%-34s %5d %5d %5d %7.3f %7.3f %7.3f\n", "OVERALL (micro)", tp + fn, tp + fp, tp, p, r, f
	if (f < 0.95) { print "FAIL: overall F1 below 0.95"; exit 1 } }' || status=1
exit $status
