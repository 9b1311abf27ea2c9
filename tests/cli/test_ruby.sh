#!/bin/bash
# Pinyin as ruby (--pinyin=ruby --dump): every syllable of the sample
# article appears, in order, on the row above its character, centred on
# it; syllables never touch or overlap; no row is wider than W (a
# syllable wider than the row is cut to it).  At 3 columns plain text
# such as "nèi)" looks like a ruby row to this check, so there only the
# widths are checked (tests/unit/test_layout.c checks the groups).
set -eu
A=$YUEDU_SRC/articles/01-ali-ai-zhanyi.txt
fail=0
for w in 80 40 20 12 9 3; do
	"$YUEDU" --dump --pinyin=ruby -w $w "$A" > /tmp/yuedu-ruby.$$
	if python3 - "$A" /tmp/yuedu-ruby.$$ $w <<'PY'
import re, sys, unicodedata
src, dump, W = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2], int(sys.argv[3])
rows = open(dump, encoding="utf-8").read().split("\n")[:-1]
def cw(ch):
    if unicodedata.combining(ch): return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
han = r"[\u3400-\u9fff]"
want = [(m.group(1), m.group(2)) for m in re.finditer("(" + han + r")[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)[)）]", src)]
pyline = re.compile(r"^[ a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$")
got, i, bad = 0, 0, 0
while i < len(rows):
    r = rows[i]
    if sum(cw(c) for c in r) > W:
        print("row wider than %d: %r" % (W, r)); bad += 1
    if W > 3 and r.strip() and pyline.match(r) and i + 1 < len(rows):
        text = rows[i + 1]
        cols, c = {}, 0
        for ch in text:
            for k in range(cw(ch)): cols[c + k] = ch
            c += cw(ch)
        prev_end = -2
        for m in re.finditer(r"\S+", r):
            s, syl = m.start(), m.group()
            if s <= prev_end:
                print("syllables touch at col %d: %r" % (s, r)); bad += 1
            prev_end = m.end()
            if got >= len(want):
                print("extra syllable", syl); bad += 1; continue
            ch, py = want[got]; got += 1
            centre = s + (len(syl) - 1) // 2
            if len(py) > W: py = py[:W]
            if syl != py or cols.get(centre) != ch:
                print("w=%d: %s over %r, expected %s over %s" % (W, syl, cols.get(centre), py, ch)); bad += 1
        i += 2
        continue
    i += 1
if got != len(want) and W > 3:
    print("saw %d of %d syllables" % (got, len(want))); bad += 1
print("width %d: %d syllables checked, %d problems" % (W, got, bad))
sys.exit(1 if bad else 0)
PY
	then echo "ok: ruby at width $w"; else echo "FAIL: ruby at width $w"; fail=1; fi
done
rm -f /tmp/yuedu-ruby.$$
exit $fail
