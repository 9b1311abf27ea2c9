#!/usr/bin/python3
"""Run a terminal program inside an emulated terminal (pyte) and read its screen, optionally as a terminal
that draws East Asian Ambiguous characters two columns wide (xterm -cjk_width, many CJK terminal setups).

    vtscreen.py [--cols 80] [--rows 24] [--timeout 30] [--ambiguous narrow|wide] [--ghosts] [--env K=V]... STEP... -- CMD [ARG...]

Steps, in order:
  wait:TEXT    wait until TEXT is on the screen (time recorded in "marks")
  gone:TEXT    wait until TEXT has left the screen
  send:KEYS    type KEYS (Python escapes: \\r Enter, \\x1b Esc, \\x0c ^L, \\x1b[A up)
  sleep:SEC    let the program run for SEC seconds, reading its output
  snap:NAME    record the screen as NAME in "snaps"
  resize:CxR   resize the terminal to C columns and R rows (SIGWINCH)
Prints one JSON object: {"ok": bool, "marks": [[step, seconds]], "snaps": {NAME: [rows]}, "screen": [rows]}.
Exit status 0 when every wait was met. Needs Debian's python3-pyte (run with /usr/bin/python3).

In the wide mode a character such as “ — … · │ ǎ occupies two cells, as such a terminal draws it; a program
that counts it as one column shows up here as shifted or lost text, and cells that a redraw forgot show up as
a difference between a snapshot and the snapshot taken after ^L.

--ghosts paints as xterm -cjk_width does: an ambiguous character drawn two cells wide is a narrow glyph that
covers its first cell only, and what was painted in its second cell stays visible until that cell is erased
or written over; snapshots show the painted cells (a forgotten cell shows as a stray character)."""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time, unicodedata
import pyte
import pyte.screens

class DecGraphics:
    """pyte ignores ESC ( 0 and SO/SI in UTF-8 mode, but xterm honours them: ncurses draws its line characters
    (ACS_VLINE ...) that way. This filter turns such characters into the Unicode ones xterm shows (│ ─ ┌ ...),
    which are East Asian Ambiguous, so that the wide mode sees them as a CJK terminal draws them."""
    MAP = dict(zip(b'`abcdefghijklmnopqrstuvwxyz{|}~', '◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·'))

    def __init__(self):
        self.g, self.shift, self.pending = [False, False], 0, b''

    def __call__(self, data):
        data, self.pending = self.pending + data, b''
        out, i, n = bytearray(), 0, len(data)
        while i < n:
            b = data[i]
            if b == 0x1b:
                j = self.escape_end(data, i)
                if j is None:
                    self.pending = data[i:]; break
                seq = data[i:j]
                if len(seq) == 3 and seq[1:2] in (b'(', b')'):
                    self.g[0 if seq[1:2] == b'(' else 1] = seq[2:3] == b'0'
                else:
                    out += seq
                i = j; continue
            if b in (0x0e, 0x0f):
                self.shift = 1 if b == 0x0e else 0
            elif self.g[self.shift] and b in self.MAP:
                out += self.MAP[b].encode()
            else:
                out.append(b)
            i += 1
        return bytes(out)

    @staticmethod
    def escape_end(d, i):
        if i + 1 >= len(d):
            return None
        c = d[i + 1]
        if c == ord('['):
            for j in range(i + 2, len(d)):
                if 0x40 <= d[j] <= 0x7e:
                    return j + 1
            return None
        if c == ord(']'):
            for j in range(i + 2, len(d)):
                if d[j] == 0x07:
                    return j + 1
                if d[j] == 0x1b and j + 1 < len(d) and d[j + 1] == ord('\\'):
                    return j + 2
            return None
        if c in b'()#%':
            return i + 3 if i + 2 < len(d) else None
        return i + 2


def main(argv):
    cols, rows, timeout, amb, env = 80, 24, 30.0, 'narrow', dict(os.environ)
    ghosts = False
    steps, i = [], 0
    while i < len(argv) and argv[i] != '--':
        a = argv[i]
        if a == '--ghosts':
            ghosts = True; i += 1; continue
        if a in ('--cols', '--rows', '--timeout', '--ambiguous', '--env'):
            v = argv[i + 1]; i += 2
            if a == '--cols': cols = int(v)
            elif a == '--rows': rows = int(v)
            elif a == '--timeout': timeout = float(v)
            elif a == '--ambiguous': amb = v
            else:
                k, _, val = v.partition('='); env[k] = val
            continue
        steps.append(a); i += 1
    cmd = argv[i + 1:]
    if not cmd:
        print(__doc__, file=sys.stderr); return 2
    if amb == 'wide':
        base = pyte.screens.wcwidth
        def wide_wcwidth(ch):
            w = base(ch)
            return 2 if w == 1 and unicodedata.east_asian_width(ch) == 'A' else w
        pyte.screens.wcwidth = wide_wcwidth
    env.update(COLUMNS=str(cols), LINES=str(rows), TERM=env.get('TERM', 'xterm-256color') or 'xterm-256color')
    env.pop('COLUMNS', None); env.pop('LINES', None)

    class Screen(pyte.Screen):
        def select_graphic_rendition(self, *attrs, **kw):  # tolerate private SGR forms
            super().select_graphic_rendition(*attrs)

        # CSI n S and CSI n T (scroll the region up or down): xterm honours them and ncurses uses them to
        # scroll part of the screen; pyte does not know them.
        def scroll_up(self, count=None, *rest, **kw):
            top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
            for _ in range(min(count or 1, bottom - top + 1)):
                for y in range(top, bottom):
                    self.buffer[y] = self.buffer[y + 1]
                self.buffer.pop(bottom, None)
            self.dirty.update(range(self.lines))

        def scroll_down(self, count=None, *rest, **kw):
            if rest:  # CSI T with five parameters is xterm's mouse tracking, not a scroll
                return
            top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
            for _ in range(min(count or 1, bottom - top + 1)):
                for y in range(bottom, top, -1):
                    self.buffer[y] = self.buffer[y - 1]
                self.buffer.pop(top, None)
            self.dirty.update(range(self.lines))

    class GhostScreen(Screen):
        """The cells as painted (see --ghosts): self.painted[y][x]."""
        def __init__(self, c, r):
            super().__init__(c, r)
            self.painted = {}

        def row(self, y):
            if y not in self.painted:
                self.painted[y] = [self.buffer[y][x].data for x in range(self.columns)]
            p = self.painted[y]
            if len(p) != self.columns:
                p[:] = (p + [' '] * self.columns)[:self.columns]
            return p

        def sync(self, y, x0=0, x1=None):
            p = self.row(y)
            for x in range(max(0, x0), min(self.columns, self.columns if x1 is None else x1)):
                p[x] = self.buffer[y][x].data

        def resync_dirty(self):
            for y in list(self.dirty):
                if 0 <= y < self.lines:
                    self.sync(y)
            self.dirty.clear()

        def draw(self, data):
            for ch in data:
                self.resync_dirty()
                super().draw(ch)
                self.dirty.clear()
                y, w = self.cursor.y, pyte.screens.wcwidth(ch)
                x = self.cursor.x - max(w, 0)
                p = self.row(y)
                if w <= 0:
                    self.sync(y, self.cursor.x - 1, self.cursor.x)
                    continue
                self.sync(y, x - 1, x + 1)
                if w == 2 and unicodedata.east_asian_width(ch) == 'A':
                    # A narrow glyph: its second cell keeps what was painted there (a blank shows nothing).
                    if x + 1 < self.columns and p[x + 1] == ' ':
                        p[x + 1] = ''
                    continue
                self.sync(y, x + 1, x + w)

        def erase_in_line(self, how=0, *a, **kw):
            self.resync_dirty()
            x = self.cursor.x
            super().erase_in_line(how, *a, **kw)
            self.dirty.clear()
            self.sync(self.cursor.y, *((x, None) if how == 0 else (0, x + 1) if how == 1 else (0, None)))

        def erase_characters(self, count=None, *a, **kw):
            self.resync_dirty()
            super().erase_characters(count, *a, **kw)
            self.dirty.clear()
            self.sync(self.cursor.y, self.cursor.x, self.cursor.x + (count or 1))

        def snapshot(self):
            self.resync_dirty()
            return [''.join(self.row(y)) for y in range(self.lines)]

    class Stream(pyte.ByteStream):
        csi = dict(pyte.ByteStream.csi, S='scroll_up', T='scroll_down')
    screen = GhostScreen(cols, rows) if ghosts else Screen(cols, rows)
    stream = Stream(screen)
    dec = DecGraphics()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
        os.execvpe(cmd[0], cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    t0 = time.monotonic()
    marks, snaps, ok = [], {}, True

    def pump(deadline):
        r, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not r:
            return True
        try:
            data = os.read(fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        stream.feed(dec(data))
        if b'\x1b[6n' in data:  # answer cursor-position probes (how --ambiguous=auto asks the terminal)
            os.write(fd, f'\x1b[{screen.cursor.y + 1};{screen.cursor.x + 1}R'.encode())
        return True

    def screen_rows():
        if ghosts:
            return screen.snapshot()
        return [''.join(screen.buffer[y][x].data for x in range(screen.columns)) for y in range(screen.lines)]

    for s in steps:
        kind, _, arg = s.partition(':')
        arg = arg.encode().decode('unicode_escape').encode('latin-1').decode('utf-8') if arg else arg
        if kind in ('wait', 'gone'):
            deadline = t0 + timeout
            while (arg in '\n'.join(screen_rows())) != (kind == 'wait'):
                if time.monotonic() >= deadline or not pump(min(deadline, time.monotonic() + 0.05)):
                    ok = False; break
            marks.append([s, round(time.monotonic() - t0, 4)])
            if not ok:
                break
        elif kind == 'send':
            os.write(fd, arg.encode())
        elif kind == 'sleep':
            end = time.monotonic() + float(arg)
            while time.monotonic() < end and pump(end):
                pass
        elif kind == 'snap':
            snaps[arg] = screen_rows()
        elif kind == 'resize':
            c, _, r = arg.partition('x')
            cols, rows = int(c), int(r)
            screen.resize(rows, cols)
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
            os.kill(pid, signal.SIGWINCH)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    print(json.dumps({'ok': ok, 'marks': marks, 'snaps': snaps, 'screen': screen_rows()}, ensure_ascii=False))
    return 0 if ok else 1

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
