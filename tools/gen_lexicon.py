#!/usr/bin/env python3
"""Make yuedu's reading-aid data files from their upstream sources.

Writes, into the directory given by --out (default: data/ of the checkout):

  words.bin   every Han word of the three sources with its frequency and,
              where it differs from its characters' usual readings, its
              reading; and every Han character with its usual reading, its
              other readings and its simplified form (for traditional text).
  cedict.bin  CC-CEDICT: headwords in both scripts, tone-marked pinyin and
              senses, searchable by either headword.  CC BY-SA 4.0; its
              header is copied to CEDICT-HEADER.txt.

Sources (none is needed to build yuedu; run this only to refresh the data):
  --cedict     cedict_ts.u8, or hanzi 3.2.0's lib/data/cedict_ts.u8.js
  --pinyin-pro the json/ directory of @pinyin-pro/data 1.3.1
  --jieba      jieba's dict.txt (Debian python3-jieba)
  --unihan     Unihan_Readings.txt(.bz2) (Debian unicode-data)
  --extra      tools/lexicon_extra.txt (our own phrase readings)

The formats are described in include/yuedu/lexicon.h; both are little-endian,
sorted by UTF-8 bytes, and read in place through mmap.
"""

import argparse
import bz2
import json
import math
import os
import re
import struct
import sys
import zlib

TONES = {
    'a': 'āáǎà', 'e': 'ēéěè', 'i': 'īíǐì', 'o': 'ōóǒò', 'u': 'ūúǔù', 'ü': 'ǖǘǚǜ',
}
MARKED = {}
for base, marks in TONES.items():
    for t, m in enumerate(marks):
        MARKED[m] = (base, t + 1)


def is_han(ch):
    c = ord(ch)
    return (0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or
            0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x323AF or c == 0x3007)


def numbered_to_marked(syl):
    """'hang2' -> 'háng'; 'lu:4'/'lv4' -> 'lǜ'; 'r5' -> 'r'; None if not pinyin."""
    m = re.fullmatch(r"([A-Za-zü:]+)([1-5]?)", syl)
    if not m:
        return None
    s = m.group(1).lower().replace('u:', 'ü').replace('v', 'ü')
    tone = int(m.group(2) or 5)
    if tone == 5:
        return s
    for v in ('a', 'e'):
        i = s.find(v)
        if i >= 0:
            break
    else:
        i = s.find('ou')
        if i < 0:
            idx = [k for k, c in enumerate(s) if c in 'aeiouü']
            if not idx:
                return s
            i = idx[-1]
    return s[:i] + TONES[s[i]][tone - 1] + s[i + 1:]


def toneless(syl):
    out = []
    for ch in syl:
        if ch in MARKED:
            out.append(MARKED[ch][0])
        else:
            out.append(ch)
    return ''.join(out)


def read_cedict(path):
    if path.endswith('.js'):
        text = open(path, encoding='utf-8').read()
        start = text.index('`') + 1
        end = text.rindex('`')
        text = text[start:end]
    else:
        text = open(path, encoding='utf-8').read()
    header = []
    entries = []
    for line in text.split('\n'):
        line = line.rstrip('\r')
        if line.startswith('#'):
            header.append(line)
            continue
        m = re.match(r'^(\S+) (\S+) \[([^\]]*)\] /(.*)/$', line)
        if not m:
            continue
        entries.append((m.group(1), m.group(2), m.group(3), m.group(4)))
    return header, entries


def cedict_marked(pinyin):
    out = []
    for s in pinyin.split(' '):
        m = numbered_to_marked(s)
        out.append(m if m is not None else s)
    return ' '.join(out)


def tone_of(syl):
    for ch in syl:
        if ch in MARKED:
            return MARKED[ch][1]
    return 5


NUMERALS = set('〇零一二三四五六七八九十百千万亿第两')


def sandhi(word, syls):
    """CEDICT writes 一 and 不 in their citation tones; pinyin-pro and our
    readings write them as spoken (不要 bú yào, 一天 yì tiān)."""
    out = list(syls)
    for i, c in enumerate(word):
        if i + 1 >= len(word):
            break
        nxt = tone_of(syls[i + 1])
        if c == '不' and syls[i] == 'bù' and nxt == 4:
            out[i] = 'bú'
        elif c == '一' and syls[i] == 'yī' and word[i + 1] not in NUMERALS and \
                (i == 0 or word[i - 1] not in NUMERALS):
            out[i] = 'yí' if nxt == 4 else ('yì' if nxt in (1, 2, 3) else 'yī')
    return out


def read_unihan(path):
    opener = bz2.open if path.endswith('.bz2') else open
    mandarin = {}
    alts = {}
    with opener(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cp, field, value = line.rstrip('\n').split('\t', 2)
            ch = chr(int(cp[2:], 16))
            if field == 'kMandarin':
                mandarin[ch] = value.split()[0]
                alts.setdefault(ch, set()).update(value.split())
            elif field in ('kHanyuPinyin', 'kXHC1983', 'kTGHZ2013'):
                for part in value.split():
                    rs = part.split(':', 1)[-1]
                    alts.setdefault(ch, set()).update(rs.split(','))
    return mandarin, alts


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cedict', required=True)
    ap.add_argument('--pinyin-pro', required=True)
    ap.add_argument('--jieba', default='/usr/lib/python3/dist-packages/jieba/dict.txt')
    ap.add_argument('--unihan', default='/usr/share/unicode/Unihan_Readings.txt.bz2')
    ap.add_argument('--extra', default=os.path.join(here, 'lexicon_extra.txt'))
    ap.add_argument('--out', default=os.path.join(here, '..', 'data'))
    a = ap.parse_args()

    header, cedict = read_cedict(a.cedict)
    pp = json.load(open(os.path.join(a.pinyin_pro, 'complete.json'), encoding='utf-8'))
    t2s_pp = json.load(open(os.path.join(a.pinyin_pro, 'traditional.json'), encoding='utf-8'))
    mandarin, ualts = read_unihan(a.unihan)

    # Frequencies: jieba counts; pinyin-pro's are the same counts times 1e-12.
    freq = {}
    for line in open(a.jieba, encoding='utf-8'):
        p = line.split()
        if len(p) >= 2 and all(is_han(c) for c in p[0]):
            freq[p[0]] = max(freq.get(p[0], 0), int(p[1]))
    reading = {}          # word -> list of syllables (tone-marked)
    for w, (r, f) in pp.items():
        if not all(is_han(c) for c in w):
            continue
        syls = r.split(' ')
        if len(syls) != len(w):
            continue
        reading[w] = syls
        freq[w] = max(freq.get(w, 0), int(round(f * 1e12)))
    extra = []
    for line in open(a.extra, encoding='utf-8'):
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        p = line.split()
        w, syls = p[0], p[1:]
        f = None
        if syls and syls[-1].isdigit():
            f = int(syls.pop())
        if len(syls) != len(w):
            sys.exit('lexicon_extra: %s: %d syllables for %d characters' % (w, len(syls), len(w)))
        extra.append((w, syls, f))

    # Simplified forms of traditional characters.
    t2s = dict(t2s_pp)
    cand = {}
    for trad, simp, _, _ in cedict:
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            cand.setdefault(trad, set()).add(simp)
    for t, ss in cand.items():
        if t not in t2s and len(ss) == 1:
            t2s[t] = next(iter(ss))
    # Characters whose traditional form is also a simplified character in
    # its own right (乾 干, 著 着) fold too; words such as 乾隆 are added
    # below under their folded key, so they still find their reading.
    def fold(s):
        return ''.join(t2s.get(c, c) for c in s)

    # Readings of single characters: pinyin-pro's, then Unihan's.
    charread = {}
    for ch, r in mandarin.items():
        charread[ch] = r
    for w, syls in reading.items():
        if len(w) == 1:
            charread[w] = syls[0]
    charread['不'] = 'bù'
    for w, syls, _ in extra:
        if len(w) == 1:
            charread[w] = syls[0]
    charread['〇'] = 'líng'
    for trad, simp, py, _ in cedict:
        if len(simp) == 1 and is_han(simp) and simp not in charread:
            m = numbered_to_marked(py.split(' ')[0])
            if m:
                charread[simp] = m.lower()

    # Words from CEDICT (both scripts fold to one key).
    for trad, simp, py, _ in cedict:
        if not all(is_han(c) for c in simp) or len(simp) < 2:
            continue
        syls = [numbered_to_marked(s) for s in py.split(' ')]
        if len(syls) != len(simp) or any(s is None for s in syls):
            continue
        syls = sandhi(simp, [s.lower() for s in syls])
        if simp not in reading:
            # A proper name's reading (capitalised in CEDICT) is still a reading.
            reading[simp] = syls
        freq.setdefault(simp, 0)
        ft = fold(trad)
        if ft != simp and all(is_han(c) for c in ft):
            if ft not in reading:
                reading[ft] = reading[simp]
                freq[ft] = max(freq.get(ft, 0), freq.get(simp, 0))
    for w, syls, f in extra:
        if len(w) == 1:
            continue
        reading[w] = syls
        # Our phrases need enough weight to win the segmentation.
        freq[w] = f if f is not None else max(freq.get(w, 0), 1000)

    # Other readings of each character (for search by pinyin), toneless.
    calts = {}
    for ch, r in charread.items():
        calts.setdefault(ch, []).append(toneless(r))
    for w, syls in reading.items():
        for c, s in zip(w, syls):
            t = toneless(s)
            lst = calts.setdefault(c, [])
            if t not in lst:
                lst.append(t)
    for ch, rs in ualts.items():
        lst = calts.setdefault(ch, [])
        for r in rs:
            t = toneless(r)
            if t and t not in lst:
                lst.append(t)

    # Syllable table.
    syl_ids = {}
    syl_list = []

    def sid(s):
        if s not in syl_ids:
            b = s.encode('utf-8')
            if len(b) > 7:
                raise ValueError('syllable too long: %r' % s)
            syl_ids[s] = len(syl_list)
            syl_list.append(s)
        return syl_ids[s]
    sid('')  # id 0: no reading

    # Character table: cp, simplified cp, usual reading, up to 4 others.
    chars = set(charread) | set(t2s)
    chars = sorted(c for c in chars if is_han(c))
    char_rec = []
    for c in chars:
        r = charread.get(c)
        if r is None:
            r = charread.get(t2s.get(c, c), '')
        alts = [x for x in calts.get(c, []) if x != toneless(r)][:4]
        ids = [sid(x) for x in alts] + [0] * (4 - len(alts))
        f = max(freq.get(c, 0), freq.get(t2s.get(c, c), 0))
        q = 0 if f <= 0 else min(255, int(round(math.log(f) * 12)) + 1)
        char_rec.append(struct.pack('<IIH4HBB', ord(c), ord(t2s.get(c, c)) if c in t2s else 0,
                                    sid(r), *ids, q, 0))

    # Word table: every Han word of two characters or more, keyed by its
    # folded (simplified) form.
    def default_reading(w):
        return [charread.get(c, charread.get(t2s.get(c, c), '')) for c in w]

    words = {}
    for w in set(freq) | set(reading):
        if len(w) < 2 or not all(is_han(c) for c in w):
            continue
        k = fold(w)
        r = reading.get(w) or reading.get(k)
        f = max(freq.get(w, 0), freq.get(k, 0))
        if k in words:
            of, orr = words[k]
            f = max(f, of)
            r = r or orr
        words[k] = (f, r)
    total = sum(freq.get(w, 0) for w in freq)
    keys = sorted(words, key=lambda w: w.encode('utf-8'))
    BLOCK = 16
    blocks = []
    block_index = []
    cur = bytearray()
    prev = b''
    nread = 0
    for i, k in enumerate(keys):
        f, r = words[k]
        kb = k.encode('utf-8')
        q = 0 if f <= 0 else min(255, int(round(math.log(f) * 12)) + 1)
        if r is not None and r != default_reading(k):
            flags = 1
            nread += 1
        else:
            flags = 0
        if i % BLOCK == 0:
            if cur:
                blocks.append(bytes(cur))
            cur = bytearray()
            prev = b''
        shared = 0
        while shared < min(len(prev), len(kb), 255) and prev[shared] == kb[shared]:
            shared += 1
        suffix = kb[shared:]
        if len(suffix) > 127:
            raise ValueError('word too long: %s' % k)
        cur += bytes([shared, len(suffix) | (flags << 7), q]) + suffix
        if flags:
            cur += b''.join(struct.pack('<H', sid(s)) for s in r)
        prev = kb
    if cur:
        blocks.append(bytes(cur))
    # Block index: offset of each block, and each block's first key in full.
    blob = bytearray()
    offs = []
    for b in blocks:
        offs.append(len(blob))
        blob += b
    offs.append(len(blob))

    syl_blob = b''.join(s.encode('utf-8').ljust(8, b'\0') for s in syl_list)
    char_blob = b''.join(char_rec)
    idx_blob = b''.join(struct.pack('<I', o) for o in offs)
    hdr_len = 64
    syl_off = hdr_len
    char_off = syl_off + len(syl_blob)
    idx_off = char_off + len(char_blob)
    blk_off = idx_off + len(idx_blob)
    hdr = struct.pack('<8sIIIIIIIIIIf', b'YDWORDS1', len(syl_list), syl_off,
                      len(char_rec), char_off, len(keys), BLOCK, len(blocks),
                      idx_off, blk_off, len(blob), math.log(total))
    hdr = hdr.ljust(hdr_len, b'\0')
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, 'words.bin'), 'wb') as f:
        f.write(hdr + syl_blob + char_blob + idx_blob + blob)
    print('words.bin: %d syllables, %d characters, %d words (%d with their own reading), %d bytes'
          % (len(syl_list), len(char_rec), len(keys), nread,
             len(hdr) + len(syl_blob) + len(char_blob) + len(idx_blob) + len(blob)))

    # CEDICT: entries sorted by simplified headword (then traditional, then
    # file order); keys in the clear, pinyin and senses in zlib blocks.
    ents = [(s, t, cedict_marked(p), d) for (t, s, p, d) in cedict]
    order = sorted(range(len(ents)), key=lambda i: (ents[i][0].encode('utf-8'),
                                                    ents[i][1].encode('utf-8'), i))
    ents = [ents[i] for i in order]
    CB = 128
    key_blob = bytearray()
    key_offs = []
    for s, t, _, _ in ents:
        key_offs.append(len(key_blob))
        # The traditional headword is left empty when it is the simplified.
        key_blob += s.encode('utf-8') + b'\0' + (t.encode('utf-8') if t != s else b'') + b'\0'
    trad_order = sorted(range(len(ents)), key=lambda i: (ents[i][1].encode('utf-8'), i))
    zblocks = bytearray()
    zoffs = []
    for b in range(0, len(ents), CB):
        text = ''.join('%s\t%s\n' % (p, d) for _, _, p, d in ents[b:b + CB]).encode('utf-8')
        zoffs.append((len(zblocks), len(text)))
        zblocks += zlib.compress(text, 9)
    zoffs.append((len(zblocks), 0))
    keyidx = b''.join(struct.pack('<I', o) for o in key_offs)
    tradidx = b''.join(struct.pack('<I', i) for i in trad_order)
    zidx = b''.join(struct.pack('<II', o, n) for o, n in zoffs)
    hdr_len = 64
    o_keyidx = hdr_len
    o_tradidx = o_keyidx + len(keyidx)
    o_zidx = o_tradidx + len(tradidx)
    o_keys = o_zidx + len(zidx)
    o_z = o_keys + len(key_blob)
    hdr = struct.pack('<8sIIIIIIIII', b'YDCEDIC1', len(ents), CB, o_keyidx, o_tradidx,
                      o_zidx, o_keys, len(key_blob), o_z, len(zblocks)).ljust(hdr_len, b'\0')
    with open(os.path.join(a.out, 'cedict.bin'), 'wb') as f:
        f.write(hdr + keyidx + tradidx + zidx + key_blob + zblocks)
    with open(os.path.join(a.out, 'CEDICT-HEADER.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(header) + '\n')
    print('cedict.bin: %d entries, %d bytes' % (len(ents), len(hdr) + len(keyidx) + len(tradidx)
                                                + len(zidx) + len(key_blob) + len(zblocks)))


if __name__ == '__main__':
    main()
