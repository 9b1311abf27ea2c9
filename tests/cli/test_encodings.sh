#!/bin/bash
# Legacy encodings: Big5, GBK, GB18030 (with 4-byte characters) and HZ
# files --dump to exactly the rows of their UTF-8 twins; pipes work; the
# GBK novel finds its 第N回 headings; --encoding overrides.
set -eu
D=$YUEDU_DATA
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if [ "$1" = ok ]; then echo "ok: $2"; else echo "FAIL: $2"; fail=1; fi; }

for w in 80 33 12; do
	"$YUEDU" --dump -w $w "$D/sunzi-bingfa-traditional-big5.txt" > "$tmp/a"
	"$YUEDU" --dump -w $w "$D/sunzi-bingfa-traditional-utf-8.txt" > "$tmp/b"
	cmp -s "$tmp/a" "$tmp/b" && r=ok || r=no; check $r "Big5 rows = UTF-8 twin's at width $w"
	"$YUEDU" --dump -w $w "$D/sunzi-bingfa-simplified-gbk.txt" > "$tmp/a"
	"$YUEDU" --dump -w $w "$D/sunzi-bingfa-simplified-utf-8.txt" > "$tmp/b"
	cmp -s "$tmp/a" "$tmp/b" && r=ok || r=no; check $r "GBK rows = UTF-8 twin's at width $w"
done

# GB18030 with 4-byte sequences (CJK Ext B, an emoji, U+20AC), written by iconv.
{ printf '𠀀𪚥€😀四字节字符在此。\n'; cat "$D/sunzi-bingfa-simplified-utf-8.txt"; } > "$tmp/u8.txt"
iconv -f UTF-8 -t GB18030 "$tmp/u8.txt" > "$tmp/gb18030.txt"
LC_ALL=C grep -qa $'\x95\x32\x82\x36' "$tmp/gb18030.txt" && r=ok || r=no; check $r "test file really has 4-byte GB18030 sequences"
"$YUEDU" --dump -w 40 "$tmp/gb18030.txt" > "$tmp/a"
"$YUEDU" --dump -w 40 "$tmp/u8.txt" > "$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && r=ok || r=no; check $r "GB18030 rows = UTF-8 rows"
"$YUEDU" --dump -w 40 - < "$tmp/gb18030.txt" > "$tmp/a"
cmp -s "$tmp/a" "$tmp/b" && r=ok || r=no; check $r "GB18030 through a pipe"

# HZ: the same as a reference decoder (Python's hz codec) gives.
if command -v python3 >/dev/null; then
	python3 -c 'import sys; sys.stdout.write(open(sys.argv[1],"rb").read().decode("hz"))' \
	    "$D/sunzi-bingfa-gb-levels-1-and-2-hz-gb2312.txt" > "$tmp/hz-ref.txt"
	"$YUEDU" --dump -w 60 "$D/sunzi-bingfa-gb-levels-1-and-2-hz-gb2312.txt" > "$tmp/a"
	"$YUEDU" --dump -w 60 "$tmp/hz-ref.txt" > "$tmp/b"
	cmp -s "$tmp/a" "$tmp/b" && r=ok || r=no; check $r "HZ decodes as the reference decoder"
	grep -q '孙子曰' "$tmp/a" && r=ok || r=no; check $r "HZ text is Chinese"
else
	echo "FAIL: python3 (reference HZ decoder) missing"; fail=1
fi

# The GBK novel excerpt: 15 chapters, found as headings.
n=$("$YUEDU" --outline "$D/sanguo_simp_gbk_excerpt.txt" | grep -c $'\t第.*回')
[ "$n" -eq 15 ] && r=ok || r=no; check $r "GBK 三国演义 excerpt: $n of 15 第N回 headings"
"$YUEDU" --outline "$D/sanguo_simp_gbk_excerpt.txt" | head -1 | grep -q '第一回　宴桃园豪杰三结义' && r=ok || r=no
check $r "first heading decoded"

# --encoding overrides detection; an unknown name is an error.
"$YUEDU" --dump --encoding=big5 "$D/sunzi-bingfa-simplified-gbk.txt" > "$tmp/a"
cmp -s "$tmp/a" <("$YUEDU" --dump "$D/sunzi-bingfa-simplified-gbk.txt") && r=no || r=ok
check $r "--encoding=big5 is obeyed"
set +e
"$YUEDU" --dump --encoding=klingon "$D/uchardet_zh_utf-8.txt" >/dev/null 2>"$tmp/err"; st=$?
set -e
[ $st -eq 2 ] && grep -q "unknown encoding 'klingon'" "$tmp/err" && r=ok || r=no
check $r "unknown --encoding: message and exit 2"

# Bytes that are no encoding: shown as UTF-8 with U+FFFD and a note.
printf 'abc\x80\x81\xfe\xff def\n' > "$tmp/junk"
out=$("$YUEDU" --dump "$tmp/junk" 2>"$tmp/err")
[ "$out" = "abc� def" ] && grep -q "shown as UTF-8" "$tmp/err" && r=ok || r=no
check $r "undecodable bytes: one U+FFFD and a note"
exit $fail
