/*
 * Hard faults and fatal signals (see fault.h).  The handlers only use
 * async-signal-safe calls: write(2), tcsetattr(), sigaction(), raise()
 * and mmap(2) (a system call on Linux) to put zero pages over the pages a
 * shrunk file no longer has.  The table of mappings is filled and read
 * with atomics, so a fault on a reading thread finds it.
 */
#include "yuedu/fault.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define FAULT_MAPS 16
#define FAULT_RESET_MAX 256

static struct {
	atomic_uintptr_t base;	/* 0: a free slot */
	atomic_size_t len;
	atomic_size_t lost;	/* first page lost, from base; -1: none */
} fault_maps[FAULT_MAPS];

static const int fault_fatal_sigs[] = {
	SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGABRT, SIGSEGV,
	SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ,
	SIGVTALRM, SIGPROF,
};
#define FAULT_NSIGS (sizeof fault_fatal_sigs / sizeof fault_fatal_sigs[0])

static struct sigaction fault_old[FAULT_NSIGS];
static atomic_int fault_inited;

static char fault_reset[FAULT_RESET_MAX];
static volatile sig_atomic_t fault_reset_len;
static int fault_out_fd = -1, fault_tty_fd = -1;
static struct termios fault_tio;
static volatile sig_atomic_t fault_tio_set;

void
fault_set_reset(int out_fd, const char *bytes, size_t len, int tty_fd,
    const struct termios *tio)
{
	fault_reset_len = 0;
	fault_tio_set = 0;
	if (len > FAULT_RESET_MAX)
		len = FAULT_RESET_MAX;
	if (len > 0)
		memcpy(fault_reset, bytes, len);
	fault_out_fd = out_fd;
	fault_tty_fd = tty_fd;
	if (tio != NULL) {
		fault_tio = *tio;
		fault_tio_set = 1;
	}
	fault_reset_len = (sig_atomic_t)len;
}

void
fault_reset_now(void)
{
	int e = errno;
	size_t n = (size_t)fault_reset_len, done = 0;

	fault_reset_len = 0;
	while (done < n) {
		ssize_t w = write(fault_out_fd, fault_reset + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	if (fault_tio_set) {
		fault_tio_set = 0;
		tcsetattr(fault_tty_fd, TCSADRAIN, &fault_tio);
	}
	errno = e;
}

/* Zero pages over the rest of a watched mapping holding ADDR: 1 if so. */
static int
fault_patch(uintptr_t addr)
{
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);

	for (size_t i = 0; i < FAULT_MAPS; i++) {
		uintptr_t base = atomic_load(&fault_maps[i].base);
		size_t len = atomic_load(&fault_maps[i].len);
		uintptr_t from, to;
		size_t lost;

		if (base == 0 || addr < base || addr >= base + len)
			continue;
		from = addr & ~(page - 1);
		to = (base + len + page - 1) & ~(page - 1);
		if (mmap((void *)from, to - from, PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
		    MAP_FAILED)
			return 0;
		lost = atomic_load(&fault_maps[i].lost);
		while (from - base < lost && !atomic_compare_exchange_weak(
		    &fault_maps[i].lost, &lost, from - base))
			;
		return 1;
	}
	return 0;
}

static void
fault_on_signal(int sig, siginfo_t *si, void *uc)
{
	size_t k;

	(void)uc;
	if (sig == SIGBUS && si != NULL && si->si_code > 0 &&
	    fault_patch((uintptr_t)si->si_addr))
		return;		/* the read is done again, on zeros */
	fault_reset_now();
	for (k = 0; k < FAULT_NSIGS; k++)
		if (fault_fatal_sigs[k] == sig)
			break;
	if (k < FAULT_NSIGS)
		sigaction(sig, &fault_old[k], NULL);
	else
		signal(sig, SIG_DFL);
	/* A fault made by an instruction comes again when this returns,
	 * now to the old action; a signal sent is sent again. */
	if (si == NULL || si->si_code <= 0 || (sig != SIGSEGV &&
	    sig != SIGBUS && sig != SIGFPE && sig != SIGILL &&
	    sig != SIGTRAP))
		raise(sig);
}

void
fault_init(void)
{
	struct sigaction sa;
	int expect = 0;

	if (!atomic_compare_exchange_strong(&fault_inited, &expect, 1))
		return;
	for (size_t i = 0; i < FAULT_MAPS; i++)
		atomic_store(&fault_maps[i].lost, (size_t)-1);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = fault_on_signal;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	for (size_t k = 0; k < FAULT_NSIGS; k++) {
		if (sigaction(fault_fatal_sigs[k], NULL, &fault_old[k]) != 0)
			continue;
		if (!(fault_old[k].sa_flags & SA_SIGINFO) &&
		    fault_old[k].sa_handler == SIG_IGN)
			continue;
		sigaction(fault_fatal_sigs[k], &sa, NULL);
	}
}

int
fault_map_add(const void *base, size_t len)
{
	fault_init();
	for (size_t i = 0; i < FAULT_MAPS; i++) {
		uintptr_t expect = 0;

		if (atomic_load(&fault_maps[i].base) != 0)
			continue;
		atomic_store(&fault_maps[i].len, 0);
		atomic_store(&fault_maps[i].lost, (size_t)-1);
		if (!atomic_compare_exchange_strong(&fault_maps[i].base,
		    &expect, (uintptr_t)base))
			continue;
		atomic_store(&fault_maps[i].len, len);
		return 0;
	}
	return -1;
}

static int
fault_slot(const void *base)
{
	for (size_t i = 0; i < FAULT_MAPS; i++)
		if (atomic_load(&fault_maps[i].base) == (uintptr_t)base)
			return (int)i;
	return -1;
}

void
fault_map_remove(const void *base)
{
	int i = fault_slot(base);

	if (i < 0)
		return;
	atomic_store(&fault_maps[i].len, 0);
	atomic_store(&fault_maps[i].base, 0);
}

size_t
fault_map_lost(const void *base)
{
	int i = base != NULL ? fault_slot(base) : -1;

	return i < 0 ? (size_t)-1 : atomic_load(&fault_maps[i].lost);
}
