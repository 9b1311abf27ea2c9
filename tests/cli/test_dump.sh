#!/bin/bash
# --dump on real text as a reader sees it: at many widths no row is wider
# than asked, no row starts with closing punctuation, and the rows join
# back to the text (less the spaces dropped at breaks).
. "$(dirname "$0")/lib.sh"
: "${YUEDU:?}" "${YUEDU_DATA:?}" "${YUEDU_SRC:?}"

# wc -L measures with the C library, code point by code point; our policy
# counts an emoji sequence (👨‍👩‍👧, 👍🏽) as its first emoji, so keep that.
width() {
	perl -Mutf8 -CSD -pe 's/(\p{Extended_Pictographic})(?:\x{FE0F}|[\x{1F3FB}-\x{1F3FF}]|\x{200D}\p{Extended_Pictographic})+/$1/g' |
		wc -L
}

# Marks that may not begin a row (ASCII ones after Chinese text).
bad_start='^(。|，|、|；|：|？|！|”|’|」|』|）|】|》|…|,|:|;|\?|!)'
for f in "$YUEDU_DATA/000_4230cdcea687e942.txt" \
	"$YUEDU_DATA/hongloumeng_trad_ch1-5.txt" \
	"$YUEDU_DATA/zhengfu_gongzuo_baogao_2024.txt" \
	"$YUEDU_SRC/articles/02-zhongduan-yuedu.md"; do
	# Tabs become spaces; spaces at breaks are dropped.
	text=$(tr -d '\r\n\t ' < "$f")
	# Source lines may start with a mark; rows made by wrapping may not.
	starts=$(tr -d '\r' < "$f" | grep -cE "$bad_start")
	# A hard-wrapped novel is reflowed: its old line starts are gone.
	[ "${f##*/}" = hongloumeng_trad_ch1-5.txt ] && starts=0
	# From 16 columns up every mark can stay with what it follows (at
	# fewer, “战（zhàn）”。 in the article is wider than a row).
	for w in 16 20 27 33 40 57 80; do
		# The layout's promises on the source as it is (Markdown
		# rendering has tests of its own).
		out=$("$YUEDU" --dump --format=text --pinyin=show -w "$w" "$f")
		check "${f##*/} -w $w: widest row <= $w" 1 \
			"$(( $(printf '%s\n' "$out" | width) <= w ))"
		check "${f##*/} -w $w: no row starts with closing punctuation" "$starts" \
			"$(printf '%s\n' "$out" | grep -cE "$bad_start")"
		check "${f##*/} -w $w: rows join to the text" "$text" \
			"$(printf '%s' "$out" | tr -d '\n ')"
	done
done
# Without reflow the novel's old line starts are rows again.
check "hongloumeng --reflow=off keeps the source's line starts" \
	"$(grep -cE "$bad_start" "$YUEDU_DATA/hongloumeng_trad_ch1-5.txt")" \
	"$("$YUEDU" --dump --reflow=off -w 80 "$YUEDU_DATA/hongloumeng_trad_ch1-5.txt" | grep -cE "$bad_start")"

# A novel whose wrap width drifts as it goes (64, 58, 54 columns here; the
# whole book goes from 66 to 52 and then 70): each stretch is joined at its
# own width.  Three rows are left starting with a mark: the source broke
# those lines short of its width.
drift=$YUEDU_DATA/hongloumeng_trad_gutenberg_3301-4500.txt
check "drifting widths: the source has many line starts with a mark" yes \
	"$([ "$(grep -cE "$bad_start" "$drift")" -ge 25 ] && echo yes)"
for w in 40 80; do
	n=$("$YUEDU" --dump -w "$w" "$drift" | grep -cE "$bad_start")
	check "drifting widths -w $w: joined, at most 3 rows start with a mark ($n)" \
		yes "$([ "$n" -le 3 ] && echo yes)"
done

# The sample article at 40 columns, as the README shows it.
check "sample article at -w 40 starts as expected" \
	"$(printf '%s\n' '(網經社訊)在第21個510阿里日到來之際,阿里' \
		'巴巴集團CEO吳泳銘在內網發布了題目為《回' '歸初心 重新創業》的帖子。吳泳銘多次強調')" \
	"$("$YUEDU" -w 40 "$YUEDU_DATA/000_4230cdcea687e942.txt" | head -3)"

exit $fail
