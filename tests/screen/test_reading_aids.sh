# Reading aids in the reader: the status line names the encoding; s cycles
# the script (simplified shows 网经社讯 and 集团), / finds 集團 in the
# simplified view and highlights it; p cycles the pinyin to ruby, each
# syllable on the row above its character at 80 and 40 columns; every
# switch keeps the top row.  Outline titles follow the script, and a
# Taiwan phrase that changes the length is highlighted whole.
. "$(dirname "$0")/lib.sh"

# ruby_ok COLS [strict]: the screen is in ruby mode from its first row:
# each even row (1-based) is text, the row above it holds pinyin, each
# syllable is centred over a Han character (with strict, in the original
# script, the very character the article annotates with it); syllables
# never overlap and nothing is wider than COLS.
ruby_ok() {
	tm_cap | python3 -c '
import re, sys, unicodedata
W, strict = int(sys.argv[2]), len(sys.argv) > 3
src = open(sys.argv[1], encoding="utf-8").read()
pairs = set(re.findall(r"([\u3400-\u9fff])[(（]([^()（）]+)[)）]", src))
syl_ok = {}
for ch, py in pairs: syl_ok.setdefault(py, set()).add(ch)
def cw(ch):
    if unicodedata.combining(ch): return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
rows = sys.stdin.read().split("\n")[:-2]	# less the status line
bad = seen = 0
for i in range(0, len(rows) - 1, 2):
    ruby, text = rows[i], rows[i + 1]
    cols, c = {}, 0
    for ch in text:
        for k in range(cw(ch)): cols[c + k] = ch
        c += cw(ch)
    if c > W or len(ruby) > W:
        print("row wider than", W, repr(ruby), repr(text)); bad += 1
    end = -1
    for m in re.finditer(r"\S+", ruby):
        seen += 1
        if m.start() <= end:
            print("syllables touch:", repr(ruby)); bad += 1
        end = m.end()
        ch = cols.get(m.start() + (len(m.group()) - 1) // 2)
        if not re.fullmatch(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+", m.group()):
            print("not pinyin on a ruby row:", repr(ruby)); bad += 1
        elif ch is None or not "\u3400" <= ch <= "\u9fff":
            print(m.group(), "over", repr(ch)); bad += 1
        elif m.group() not in syl_ok:
            print("unknown syllable", m.group()); bad += 1
        elif strict and ch not in syl_ok[m.group()]:
            print(m.group(), "over", ch); bad += 1
sys.exit(1 if bad or seen < 3 else 0)
' "$SAMPLE" "$@"
}

# The top text row, less padding; in ruby mode the second screen row.
top_text() { tm_cap | sed -n "${1:-1}p" | tr -d ' '; }

tm_start 80 24 "$YUEDU --ambiguous=narrow $SAMPLE"
check "status line names the encoding (UTF-8)" tm_wait_in_row 24 "01-ali"
check "status line: UTF-8 before the place" row_wait_match 24 'UTF-8 line 1/25 +0%$'

tm_keys 3 j
check "3j: the fourth row on top" tm_wait_row 1 "價值的機會。同時,如何運用AI技術"
tm_keys s
check "s: simplified, top row kept" \
    tm_wait_row 1 "价值的机会。同时,如何运用AI技术"
check "s: status line names the script" row_matches 24 'UTF-8 simplified line'
tm_keys g
check "simplified view shows 网经社讯 and 集团" \
    tm_wait_row 1 "(网经社讯)在第21个510阿里日到来之际,阿里巴巴集团CEO吴泳铭"
tm_keys / 集團 Enter
check "/集團 finds it in the simplified view" tm_wait_in_row 24 "1/3"
row1=$($TM capture-pane -e -p -t "$TM_T" | sed -n 1p)
check "集团 is highlighted" grep -qE $'\e\\[[0-9;]*m(\e\\[[0-9;]*m)*集团\e' <<<"$row1"
check "only 集团 is highlighted on the row" \
    grep -qE $'^[^\e]*阿里巴巴\e' <<<"$row1"

# A fresh start for the pinyin: no search on the status line.
tm_start 80 24 "$YUEDU --ambiguous=narrow --script=simplified $SAMPLE"
tm_wait_in_row 24 "01-ali" >/dev/null
tm_keys 3 j
tm_wait_row 1 "价值的机会" >/dev/null
tm_keys p
check "p: pinyin shown inline, top row kept" tm_wait_in_row 1 "价值的机会"
check "p: the message says so" tm_wait_in_row 24 "pinyin: show"
tm_keys C-l	# the message goes; the status line has room again
check "p: status line says pinyin" tm_wait 'simplified pinyin line'
tm_keys p
check "p p: ruby, the place on the top text row, under its pinyin" \
    eval 'tm_wait_in_row 24 "ruby line" && tm_cap | sed -n 2p | grep -q "价值的机会"'
tm_keys C-l
check "p p: status line says ruby" tm_wait 'simplified ruby line'
check "ruby at 80 columns: pinyin over its characters" ruby_ok 80
tm_keys g
check "g: ruby over the first row" tm_wait_row 1 " wǎng jīng"
check "ruby from the top at 80 columns" ruby_ok 80
tm_keys s s s s
check "s x4: back to the original script" tm_wait_in_row 24 "script: original"
check "s x4: the original script in ruby mode" \
    tm_wait_row 2 "( 網   經  社訊)在第21個510阿里日"
tm_keys C-l
check "status line: no script named for the original" \
    tm_wait 'UTF-8 ruby line'
check "ruby at 80 columns in the original script" ruby_ok 80 strict
tm_keys G
check "G in ruby mode: the last text row on the last row pair" \
    tm_wait_row 22 "許正是阿里的背水一 戰  之年。"
check "G in ruby mode: its pinyin above it" row_matches 21 '^ +zhàn$'
tm_keys k
check "k in ruby mode: one text row up" \
    tm_wait_row 22 "正如帖文 標  題所示"
tm_keys j j
check "j at the end in ruby mode: the last row stays at the bottom" \
    tm_wait_row 22 "許正是阿里的背水一"
tm_keys g
$TM resize-window -t "$TM_T" -x 40 -y 24
check "40 columns: ruby rows re-laid" tm_wait_row 2 "( 網   經  社訊)在第21個510阿"
check "ruby at 40 columns: pinyin over its characters" ruby_ok 40 strict
check "40 columns: the status line fits (the aids go first)" \
    row_matches 24 '^01-ali.* line 1/25 +[0-9]+%$'
tm_keys p
check "p at 40 columns: hidden again, top row kept" \
    tm_wait_row 1 "(網經社訊)在第21個510阿里日到來之際,"

# Outline titles and the section title on the status line follow the
# script; the panel opens with the converted titles.
tm_start 100 24 "$YUEDU --ambiguous=narrow --script=simplified $SAMPLE"
tm_wait_in_row 24 "01-ali" >/dev/null
tm_keys ']'
check "] in simplified view: section title converted on the status line" \
    tm_wait_in_row 24 "01-ali-ai-zhanyi.txt · AI协同效应:从业务割裂到全局价值重构"
tm_keys Tab
check "outline panel: titles in the simplified script" \
    tm_wait "组织革命:AI驱动效率与机制创新"
absent_trad() { absent "組織革命"; }
check "outline panel: no traditional title left" absent_trad
tm_keys / 组织
check "outline filter in simplified: 组织 finds 組織革命" tm_wait "(1)"
check "the filtered entry is the converted title" \
    tm_wait "组织革命:AI驱动效率与机制创新"

# Taiwan phrases change lengths (全局 -> 全域性): a search for 全局 lights
# all of 全域性, and not 區域性 (局部) next to it.
tm_start 80 24 "$YUEDU --ambiguous=narrow --script=taiwan $SAMPLE"
tm_wait_in_row 24 "01-ali" >/dev/null
tm_keys / 全局 Enter
check "--script=taiwan: /全局 finds it" tm_wait_in_row 24 "1/4"
rows=$($TM capture-pane -e -p -t "$TM_T")
check "全域性 lit as a whole (current match)" \
    grep -qE $'和\e\[[0-9;]*m(\e\[[0-9;]*m)*全域性\e\[0m' <<<"$rows"
check "區域性 not lit" grep -qE $'^區域性價值' <<<"$rows"

# A GBK file names its encoding.
tm_start 80 24 "$YUEDU --ambiguous=narrow $YUEDU_DATA/sunzi-bingfa-simplified-gbk.txt"
check "GBK file: status line says GB18030" tm_wait_in_row 24 "GB18030"
check "GBK file without pinyin: no pinyin mode named" \
    row_matches 24 ' GB18030 line 1[/ ]'
check "GBK file: text decoded" eval 'tm_cap | grep -q "孙子"'

# --script and --pinyin=ruby on the command line.
tm_start 80 24 "$YUEDU --ambiguous=narrow --script=simplified --pinyin=ruby $SAMPLE"
check "--script=simplified --pinyin=ruby: ruby over simplified text" \
    tm_wait_row 2 "( 网   经  社讯)"
check "--script --pinyin=ruby: both on the status line" \
    row_matches 24 'UTF-8 simplified ruby line'
finish
