#!/usr/bin/env python3
"""Build the HTML pages and EPUB books the tests read, from texts in
tests/data/ (孙子兵法, 紅樓夢), at test time: nothing binary is kept in the
repository.  Usage: make_books.py OUTDIR [--bench-epub MB] [--bench-html MB]

Books and pages made (all deterministic):
  page.html          UTF-8 article among nav/header/footer/aside chrome,
                     entities, ruby, a list, a quote, code, a table, links
  page_gbk.html      GBK bytes, <meta charset="gbk">
  page_big5.htm      Big5 bytes, <meta http-equiv=... charset=big5>
  book2.epub         EPUB 2, table of contents in an NCX (traditional text)
  book3.epub         EPUB 3, nav document nesting part > chapter > section
  book_gbk.epub      EPUB 2 whose XHTML chapters are GBK-declared
  book_notoc.epub    EPUB 3 without nav or NCX: the chapters' headings
  hostile_xxe.epub   external entities (a file, an address) in every XML
  hostile_laughs.epub  billion laughs in the OPF and a chapter
  hostile_bomb.epub  a chapter that expands to 80 MB (refused)
  hostile_liar.epub  the same, its zip headers claiming the chapter is
                     100 bytes (refused while reading)
  hostile_paths.epub hrefs with ../, absolute paths and URLs; entries
                     named ../ and /etc/...
  hostile_missing.epub  a spine chapter absent from the archive
  hostile_broken.epub   chapters of broken XHTML
  not_a_book.epub    a zip without META-INF/container.xml
"""
import os
import re
import shutil
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def sunzi(name):
    """(title, [paragraph, ...]) chapters of a Sunzi text in tests/data."""
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        text = f.read()
    text = text.split("--------", 1)[1]
    chapters = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if re.fullmatch(r"\S{2,4}第[一二三四五六七八九十]+", line):
            chapters.append((line, []))
        elif chapters:
            chapters[-1][1].append(line)
    return chapters


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xhtml(title, body, encoding="utf-8"):
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            '<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops">\n'
            f'<head><title>{esc(title)}</title></head>\n'
            f'<body>\n{body}</body>\n</html>\n')


def chapter_body(title, paras, hid=None, section=None):
    out = [f'<h2 id="{hid or "top"}">{esc(title)}</h2>\n']
    for i, p in enumerate(paras):
        if section and i == len(paras) // 2:
            out.append(f'<h3 id="{section[0]}">{esc(section[1])}</h3>\n')
        out.append(f"<p>{esc(p)}</p>\n")
    return "".join(out)


CONTAINER = ('<?xml version="1.0"?>\n'
             '<container version="1.0" '
             'xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
             '<rootfiles><rootfile full-path="OEBPS/content.opf" '
             'media-type="application/oebps-package+xml"/></rootfiles>\n'
             '</container>\n')


def opf(title, author, items, spine, version="3.0", toc_id=None,
        prolog=""):
    man = "\n".join(
        f'<item id="{i}" href="{h}" media-type="{m}"'
        + (f' properties="{p}"' if p else "") + "/>"
        for i, h, m, p in items)
    sp = "\n".join(f'<itemref idref="{i}"/>' for i in spine)
    toc = f' toc="{toc_id}"' if toc_id else ""
    return (f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}'
            f'<package xmlns="http://www.idpf.org/2007/opf" '
            f'version="{version}" unique-identifier="id">\n'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            f'<dc:identifier id="id">yuedu-test-{abs(hash(title)) % 997}'
            '</dc:identifier>\n'
            f'<dc:title>{title}</dc:title>\n'
            f'<dc:creator>{author}</dc:creator>\n'
            '<dc:language>zh</dc:language>\n'
            f'</metadata>\n<manifest>\n{man}\n</manifest>\n'
            f'<spine{toc}>\n{sp}\n</spine>\n</package>\n')


def write_epub(path, files, mimetype=True):
    """FILES: [(name, bytes or str)], written after the stored mimetype."""
    with zipfile.ZipFile(path, "w") as z:
        if mimetype:
            z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip",
                       compress_type=zipfile.ZIP_STORED)
        for name, data in files:
            if isinstance(data, str):
                data = data.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def ncx(points):
    """POINTS: [(title, src, [children])] -> NCX text."""
    n = [0]

    def one(p):
        n[0] += 1
        kids = "".join(one(c) for c in p[2])
        return (f'<navPoint id="p{n[0]}" playOrder="{n[0]}">'
                f'<navLabel><text>{esc(p[0])}</text></navLabel>'
                f'<content src="{p[1]}"/>{kids}</navPoint>\n')
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
            'version="2005-1"><head/><docTitle><text>t</text></docTitle>\n'
            '<navMap>\n' + "".join(one(p) for p in points)
            + '</navMap></ncx>\n')


def nav(points):
    def one(p):
        kids = ("<ol>" + "".join(one(c) for c in p[2]) + "</ol>"
                if p[2] else "")
        label = (f'<a href="{p[1]}">{esc(p[0])}</a>' if p[1]
                 else f"<span>{esc(p[0])}</span>")
        return f"<li>{label}{kids}</li>\n"
    return xhtml("目录", '<nav epub:type="toc" id="toc"><h1>目录</h1><ol>\n'
                 + "".join(one(p) for p in points) + "</ol></nav>\n")


def book2(out):
    ch = sunzi("sunzi-bingfa-traditional-utf-8.txt")
    files, items, spine, points = [], [], [], []
    for i, (t, ps) in enumerate(ch, 1):
        name = f"ch{i:02d}.xhtml"
        files.append((f"OEBPS/{name}", xhtml(t, chapter_body(t, ps))))
        items.append((f"c{i}", name, "application/xhtml+xml", None))
        spine.append(f"c{i}")
        points.append((t, name, []))
    items.append(("ncx", "toc.ncx", "application/x-dtbncx+xml", None))
    files.append(("OEBPS/toc.ncx", ncx(points)))
    files.insert(0, ("OEBPS/content.opf",
                     opf("孫子兵法", "孫武", items, spine, "2.0", "ncx")))
    files.insert(0, ("META-INF/container.xml", CONTAINER))
    write_epub(os.path.join(out, "book2.epub"), files)


def book3(out):
    ch = sunzi("sunzi-bingfa-simplified-utf-8.txt")
    files, items, spine = [], [], []
    parts = [("上篇", None, []), ("下篇", None, [])]
    for i, (t, ps) in enumerate(ch, 1):
        name = f"text/ch{i:02d}.xhtml"
        sec = ("s1", f"{t}·下半") if i == 1 else None
        files.append((f"OEBPS/{name}",
                      xhtml(t, chapter_body(t, ps, f"c{i}", sec))))
        items.append((f"c{i}", name, "application/xhtml+xml", None))
        spine.append(f"c{i}")
        kids = [(sec[1], f"{name}#s1", [])] if sec else []
        parts[0 if i <= 6 else 1][2].append((t, f"{name}#c{i}", kids))
    items.append(("nav", "nav.xhtml", "application/xhtml+xml", "nav"))
    files.append(("OEBPS/nav.xhtml", nav(parts)))
    files.insert(0, ("OEBPS/content.opf",
                     opf("孙子兵法", "孙武", items, spine)))
    files.insert(0, ("META-INF/container.xml", CONTAINER))
    write_epub(os.path.join(out, "book3.epub"), files)


def book_gbk(out):
    ch = sunzi("sunzi-bingfa-simplified-utf-8.txt")[:3]
    files, items, spine, points = [], [], [], []
    for i, (t, ps) in enumerate(ch, 1):
        name = f"ch{i}.xhtml"
        body = xhtml(t, chapter_body(t, ps), "GBK")
        files.append((f"OEBPS/{name}", body.encode("gbk")))
        items.append((f"c{i}", name, "application/xhtml+xml", None))
        spine.append(f"c{i}")
        points.append((t, name, []))
    items.append(("ncx", "toc.ncx", "application/x-dtbncx+xml", None))
    files.append(("OEBPS/toc.ncx", ncx(points)))
    files.insert(0, ("OEBPS/content.opf",
                     opf("孙子兵法（GBK）", "孙武", items, spine, "2.0",
                         "ncx")))
    files.insert(0, ("META-INF/container.xml", CONTAINER))
    write_epub(os.path.join(out, "book_gbk.epub"), files)


def book_notoc(out):
    ch = sunzi("sunzi-bingfa-simplified-utf-8.txt")[:2]
    files, items, spine = [], [], []
    for i, (t, ps) in enumerate(ch, 1):
        name = f"c{i}.xhtml"
        files.append((f"OEBPS/{name}", xhtml(t, chapter_body(t, ps))))
        items.append((f"c{i}", name, "application/xhtml+xml", None))
        spine.append(f"c{i}")
    files.insert(0, ("OEBPS/content.opf", opf("无目录", "佚名", items,
                                              spine)))
    files.insert(0, ("META-INF/container.xml", CONTAINER))
    write_epub(os.path.join(out, "book_notoc.epub"), files)


def simple_book(out, fname, chapters, prolog="", extra=(), title="测试"):
    """CHAPTERS: [(href, text or None)] (None: left out of the archive)."""
    files, items, spine = [], [], []
    for i, (href, text) in enumerate(chapters, 1):
        items.append((f"c{i}", href, "application/xhtml+xml", None))
        spine.append(f"c{i}")
        if text is not None:
            files.append((f"OEBPS/{href}", text))
    files.insert(0, ("OEBPS/content.opf",
                     opf(title, "测试", items, spine, prolog=prolog)))
    files.insert(0, ("META-INF/container.xml", CONTAINER))
    files.extend(extra)
    write_epub(os.path.join(out, fname), files)


def hostile(out, secret):
    ent = (f'<!DOCTYPE p [<!ENTITY xxe SYSTEM "file://{secret}">'
           '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>\n')
    chap = ('<?xml version="1.0" encoding="utf-8"?>\n' + ent.replace(
        "DOCTYPE p", "DOCTYPE html") + '<html><body><h1>外部实体</h1>'
            '<p>前&xxe;后&net;。</p></body></html>\n')
    simple_book(out, "hostile_xxe.epub", [("c1.xhtml", chap)],
                prolog=ent.replace("DOCTYPE p", "DOCTYPE package"),
                title="外部&xxe;实体")
    lol = ('<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
           + "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};"
                     * 10 + '">' for i in range(1, 10))
           + "]>\n")
    chap = ('<?xml version="1.0" encoding="utf-8"?>\n'
            + lol.replace("lolz", "html")
            + "<html><body><h1>笑</h1><p>&lol9;</p><p>正文。</p>"
              "</body></html>\n")
    simple_book(out, "hostile_laughs.epub", [("c1.xhtml", chap)],
                prolog=lol.replace("lolz", "package"), title="笑&lol9;")
    # 80 MB of one character: a few hundred kB deflated.
    big = "<html><body><p>" + "炸" * ((80 << 20) // 3) + "</p></body></html>"
    simple_book(out, "hostile_bomb.epub",
                [("c1.xhtml", xhtml("前", "<p>炸弹之前。</p>")),
                 ("bomb.xhtml", big),
                 ("c3.xhtml", xhtml("后", "<p>炸弹之后。</p>"))],
                title="炸弹")
    # The same book, its zip headers claiming the chapter is 100 bytes.
    path = os.path.join(out, "hostile_liar.epub")
    shutil.copyfile(os.path.join(out, "hostile_bomb.epub"), path)
    lie_sizes(path, "OEBPS/bomb.xhtml", 100)
    paths = xhtml("路径", '<p>正常章节。<a href="../../../etc/passwd">'
                  "上跳</a><img src=\"/etc/passwd\" alt=\"绝对\"/></p>")
    simple_book(out, "hostile_paths.epub",
                [("c1.xhtml", paths), ("../../../../etc/passwd", None),
                 ("/etc/passwd", None), ("http://127.0.0.1:9/x.xhtml",
                                         None)],
                extra=[("../evil.xhtml", "<p>escaped</p>"),
                       ("/abs.xhtml", "<p>absolute</p>")],
                title="路径")
    simple_book(out, "hostile_missing.epub",
                [("c1.xhtml", xhtml("一", "<h1>第一章</h1><p>有。</p>")),
                 ("gone.xhtml", None),
                 ("c3.xhtml", xhtml("三", "<h1>第三章</h1><p>也有。</p>"))],
                title="缺章")
    broken = ('<?xml version="1.0"?><html><body><h1>破损</h1><p>第一段'
              '<b>粗<i>斜</b>没关<p>第二段 &bogus; &#xD800; &#0;'
              '<div><table><tr><td>格<p>嵌套</table></span></div>'
              '<p>截断在中间<a href="')
    simple_book(out, "hostile_broken.epub", [("c1.xhtml", broken)],
                title="破损")
    write_epub(os.path.join(out, "not_a_book.epub"),
               [("readme.txt", "just a zip")])


def lie_sizes(path, name, size):
    """Rewrite NAME's uncompressed size in the zip headers to SIZE."""
    data = bytearray(open(path, "rb").read())
    enc = name.encode()
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        nl, = struct.unpack_from("<H", data, i + 26)
        if data[i + 30:i + 30 + nl] == enc:
            struct.pack_into("<I", data, i + 22, size)
        i += 4
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        nl, = struct.unpack_from("<H", data, i + 28)
        if data[i + 46:i + 46 + nl] == enc:
            struct.pack_into("<I", data, i + 24, size)
        i += 4
    open(path, "wb").write(data)


def pages(out):
    ch = sunzi("sunzi-bingfa-simplified-utf-8.txt")
    arts = "".join(chapter_body(t, ps) for t, ps in ch[:2])
    chrome_top = ('<nav><a href="/">首页</a> <a href="/news">新闻</a> '
                  '<a href="/about">关于我们</a></nav>\n'
                  '<header><h1>孙子兵法</h1><p>网站标语：读古书。</p>'
                  '</header>\n')
    chrome_end = ('<aside><h3>热门文章</h3><ul><li><a href="/1">广告一'
                  '</a></li><li><a href="/2">广告二</a></li></ul></aside>\n'
                  '<footer>版权所有 &copy; 2024 读书网</footer>\n'
                  '<script>document.write("脚本")</script>\n')
    extra = ('<p>孙子（<ruby>孫<rp>(</rp><rt>sūn</rt><rp>)</rp></ruby>'
             '<ruby>武<rt>wǔ</rt></ruby>），字长卿。&lt;兵法&gt; &amp; '
             '“计篇”&nbsp;见<a href="https://zh.wikisource.org/wiki/孫子兵法">'
             '维基文库</a>。</p>\n'
             '<blockquote><p>知彼知己，百战不殆。</p></blockquote>\n'
             '<ul><li>始计</li><li>作战<ol><li>其一</li><li>其二</li></ol>'
             '</li></ul>\n'
             '<pre>  代码  保留\n    空格</pre>\n'
             '<table><tr><th>篇</th><th>字数</th></tr>'
             '<tr><td>始计</td><td>三百</td></tr></table>\n'
             '<p>图：<img src="sun.png" alt="孙子像"/>。<!-- 注释不显示 -->'
             '<form><input value="表单不显示"/></form></p>\n')
    html = ('<!DOCTYPE html>\n<html lang="zh"><head>\n'
            '<meta charset="utf-8">\n<title>孙子兵法 - 读书网</title>\n'
            '<meta property="og:title" content="孙子兵法">\n'
            '<style>p { color: red }</style></head>\n<body>\n'
            + chrome_top + '<main><article>\n' + arts + extra
            + '</article></main>\n' + chrome_end + '</body></html>\n')
    with open(os.path.join(out, "page.html"), "w", encoding="utf-8") as f:
        f.write(html)
    gbk = html.replace('<meta charset="utf-8">', '<meta charset="gbk">')
    with open(os.path.join(out, "page_gbk.html"), "wb") as f:
        f.write(gbk.encode("gbk", "xmlcharrefreplace"))
    trad = sunzi("sunzi-bingfa-traditional-utf-8.txt")
    body = "".join(chapter_body(t, ps) for t, ps in trad[:2])
    big5 = ('<html><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=big5">\n<title>孫子兵法</title>'
            '</head>\n<body><div class="content">\n' + body
            + '</div>\n<div class="comments"><p>留言：好</p></div>'
            '</body></html>\n')
    with open(os.path.join(out, "page_big5.htm"), "wb") as f:
        f.write(big5.encode("big5", "xmlcharrefreplace"))


def bench_epub(out, mb):
    """A book of about MB megabytes of XHTML: 紅樓夢 chapters repeated."""
    with open(os.path.join(HERE, "hongloumeng_trad_ch1-5.txt"),
              encoding="utf-8") as f:
        text = f.read()
    paras = [esc(p) for p in text.split("\n") if p.strip()]
    chunk = "".join(f"<p>{p}</p>\n" for p in paras)
    files, items, spine, points, plain = [], [], [], [], []
    n = max(1, (mb << 20) // len(chunk.encode()))
    for i in range(1, n + 1):
        t = f"第{i}卷"
        name = f"v{i:04d}.xhtml"
        files.append((f"OEBPS/{name}", xhtml(t, f"<h2>{t}</h2>\n" + chunk)))
        items.append((f"v{i}", name, "application/xhtml+xml", None))
        spine.append(f"v{i}")
        points.append((t, name, []))
        plain.append(t + "\n\n" + "\n\n".join(
            p for p in text.split("\n") if p.strip()) + "\n\n")
    items.append(("ncx", "toc.ncx", "application/x-dtbncx+xml", None))
    files.append(("OEBPS/toc.ncx", ncx(points)))
    files.insert(0, ("OEBPS/content.opf", opf("紅樓夢（測試）", "曹雪芹",
                                              items, spine, "2.0", "ncx")))
    files.insert(0, ("META-INF/container.xml", CONTAINER))
    write_epub(os.path.join(out, "bench.epub"), files)
    with open(os.path.join(out, "bench_epub.txt"), "w",
              encoding="utf-8") as f:
        f.write("".join(plain))


def bench_html(out, mb):
    with open(os.path.join(HERE, "hongloumeng_trad_ch1-5.txt"),
              encoding="utf-8") as f:
        text = f.read()
    paras = [p for p in text.split("\n") if p.strip()]
    body, plain, size, i = [], [], 0, 0
    while size < mb << 20:
        p = paras[i % len(paras)]
        if i % 200 == 0:
            h = f"第{i // 200 + 1}節"
            body.append(f"<h2>{h}</h2>\n")
            plain.append(h + "\n\n")
        body.append(f"<p>{esc(p)}</p>\n")
        plain.append(p + "\n\n")
        size += len(p.encode()) + 8
        i += 1
    with open(os.path.join(out, "bench.html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8">'
                "<title>紅樓夢</title></head><body><article>\n"
                + "".join(body) + "</article></body></html>\n")
    with open(os.path.join(out, "bench_html.txt"), "w",
              encoding="utf-8") as f:
        f.write("".join(plain))


def main(argv):
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    if "--bench-epub" in argv:
        bench_epub(out, int(argv[argv.index("--bench-epub") + 1]))
        return
    if "--bench-html" in argv:
        bench_html(out, int(argv[argv.index("--bench-html") + 1]))
        return
    secret = os.path.join(out, "secret.txt")
    with open(secret, "w") as f:
        f.write("SECRET-DO-NOT-SHOW\n")
    pages(out)
    book2(out)
    book3(out)
    book_gbk(out)
    book_notoc(out)
    hostile(out, secret)


if __name__ == "__main__":
    main(sys.argv)
