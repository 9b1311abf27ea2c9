#!/bin/bash
# The script view (--script): the sample article in simplified characters,
# converted outline titles, the Taiwan phrase table, a bad value.
set -eu
A=$YUEDU_SRC/articles/01-ali-ai-zhanyi.txt
fail=0
check() { if [ "$1" = ok ]; then echo "ok: $2"; else echo "FAIL: $2"; fail=1; fi; }
out=$("$YUEDU" --dump --script=simplified -w 80 "$A")
grep -q '网经社讯' <<<"$out" && r=ok || r=no; check $r "simplified view shows 网经社讯"
grep -q '集团' <<<"$out" && r=ok || r=no; check $r "simplified view shows 集团"
grep -q '集團' <<<"$out" && r=no || r=ok; check $r "no 集團 left in the simplified view"
orig=$("$YUEDU" --dump -w 80 "$A")
grep -q '網經社訊' <<<"$orig" && r=ok || r=no; check $r "original view keeps 網經社訊"
t=$("$YUEDU" --outline --script=simplified "$A" | sed -n 2p)
[ "$t" = $'1\t6\t组织革命:AI驱动效率与机制创新' ] && r=ok || r=no; check $r "outline titles converted: $t"
t=$(printf '内存和软件\n' | "$YUEDU" --dump --script=taiwan)
[ "$t" = "記憶體和軟體" ] && r=ok || r=no; check $r "Taiwan phrases: $t"
t=$(printf '這裡的資訊\n' | "$YUEDU" --dump --script=simplified)
[ "$t" = "这里的资讯" ] && r=ok || r=no; check $r "traditional to simplified: $t"
set +e
"$YUEDU" --dump --script=martian "$A" >/dev/null 2>/tmp/yuedu-script-err.$$; st=$?
set -e
[ $st -eq 2 ] && grep -q "invalid --script 'martian'" /tmp/yuedu-script-err.$$ && r=ok || r=no
check $r "bad --script: message, exit 2"
rm -f /tmp/yuedu-script-err.$$
exit $fail
