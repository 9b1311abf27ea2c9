/*
 * Hard faults and fatal signals.  A mapped file that shrinks while it is
 * read raises SIGBUS on the pages past its new end: those pages are
 * replaced by zero pages and the first one lost is remembered, so reading
 * goes on and the reader can say so.  Every other fatal signal (QUIT,
 * USR1, USR2, ALRM, PIPE, ABRT, SEGV, BUS, FPE, ILL, ...) first puts the
 * terminal back as the screen asked (fault_set_reset()), then takes the
 * action it had before.  Nothing here knows about curses.
 */
#ifndef YUEDU_FAULT_H
#define YUEDU_FAULT_H

#include <stddef.h>
#include <termios.h>

/*
 * Install the handlers (once; later calls do nothing).  A signal that was
 * ignored when the program started stays ignored.
 */
void fault_init(void);

/*
 * Watch the file mapping [BASE, BASE + LEN): a SIGBUS inside it is
 * answered with zero pages.  0, or -1 when the table of mappings is full
 * (the mapping is then not watched).  Calls fault_init().
 */
int fault_map_add(const void *base, size_t len);
/* Stop watching the mapping at BASE (before it is unmapped). */
void fault_map_remove(const void *base);
/*
 * The offset from BASE of the first page of its mapping that faulted
 * (the file is shorter than it was), or (size_t)-1 when none did.
 * Safe from any thread.
 */
size_t fault_map_lost(const void *base);

/*
 * Before dying of a signal: write LEN bytes of BYTES to OUT_FD (e.g. the
 * terminal's reset: leave the alternate screen, show the cursor) and set
 * TIO on TTY_FD when TIO is not NULL.  The bytes are copied (at most 256).
 * LEN 0 and TIO NULL: nothing to restore.
 */
void fault_set_reset(int out_fd, const char *bytes, size_t len, int tty_fd,
    const struct termios *tio);

/*
 * Restore the terminal now, as a fatal signal would (async-signal-safe,
 * write(2) and tcsetattr() only), and forget the reset.
 */
void fault_reset_now(void);

#endif
