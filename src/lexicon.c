/*
 * The lexicon owns the mapped reading-aid files (words.bin, cedict.bin):
 * finding them, checking every offset they hold before it is used, and the
 * lookups of characters, words and dictionary entries.  The layouts are in
 * include/yuedu/lexicon.h; nothing is parsed or copied at open.
 */
#include "yuedu/lexicon.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "yuedu/uchar.h"
#include "yuedu/util.h"

#define LEXICON_SYL_BYTES 8
#define LEXICON_CHAR_BYTES 20
#define LEXICON_KEY_MAX 255

struct lexicon {
	char *dir;
	const unsigned char *w;	/* words.bin */
	size_t w_len;
	const unsigned char *c;	/* cedict.bin */
	size_t c_len;
	int w_mapped, c_mapped;
	/* words.bin */
	uint32_t nsyl, nchar, nword, nblock;
	const unsigned char *syl, *chars, *bidx, *blk;
	size_t blk_len;
	double log_total;
	/* cedict.bin */
	uint32_t nent, block_ents;
	const unsigned char *keyidx, *tradidx, *zidx, *keys, *z;
	size_t keys_len, z_len;
};

static uint32_t
lexicon_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static unsigned
lexicon_u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* 1 if [off, off + count * size) lies inside a file of LEN bytes. */
static int
lexicon_fits(size_t len, uint64_t off, uint64_t count, uint64_t size)
{
	if (off > len)
		return 0;
	if (size != 0 && count > (len - off) / size)
		return 0;
	return 1;
}

static int
lexicon_check_words(struct lexicon *lex)
{
	const unsigned char *h = lex->w;
	size_t len = lex->w_len;
	float lt;

	if (len < 64 || memcmp(h, "YDWORDS1", 8) != 0)
		return 0;
	lex->nsyl = lexicon_u32(h + 8);
	uint32_t syl_off = lexicon_u32(h + 12);
	lex->nchar = lexicon_u32(h + 16);
	uint32_t char_off = lexicon_u32(h + 20);
	lex->nword = lexicon_u32(h + 24);
	uint32_t block_words = lexicon_u32(h + 28);
	lex->nblock = lexicon_u32(h + 32);
	uint32_t idx_off = lexicon_u32(h + 36);
	uint32_t blk_off = lexicon_u32(h + 40);
	uint32_t blk_len = lexicon_u32(h + 44);
	memcpy(&lt, h + 48, sizeof lt);
	if (!lexicon_fits(len, syl_off, lex->nsyl, LEXICON_SYL_BYTES) ||
	    !lexicon_fits(len, char_off, lex->nchar, LEXICON_CHAR_BYTES) ||
	    !lexicon_fits(len, idx_off, (uint64_t)lex->nblock + 1, 4) ||
	    !lexicon_fits(len, blk_off, blk_len, 1) || block_words == 0 ||
	    !isfinite(lt) || lt < 0 || lt > 100)
		return 0;
	lex->syl = h + syl_off;
	lex->chars = h + char_off;
	lex->bidx = h + idx_off;
	lex->blk = h + blk_off;
	lex->blk_len = blk_len;
	lex->log_total = lt;
	/* Syllables must be NUL-terminated within their 8 bytes. */
	for (uint32_t i = 0; i < lex->nsyl; i++)
		if (lex->syl[i * LEXICON_SYL_BYTES + LEXICON_SYL_BYTES - 1])
			return 0;
	/* Block offsets must rise within the blocks. */
	uint32_t prev = 0;
	for (uint32_t i = 0; i <= lex->nblock; i++) {
		uint32_t o = lexicon_u32(lex->bidx + 4 * (size_t)i);
		if (o < prev || o > blk_len)
			return 0;
		prev = o;
	}
	return 1;
}

static int
lexicon_check_cedict(struct lexicon *lex)
{
	const unsigned char *h = lex->c;
	size_t len = lex->c_len;

	if (len < 64 || memcmp(h, "YDCEDIC1", 8) != 0)
		return 0;
	lex->nent = lexicon_u32(h + 8);
	lex->block_ents = lexicon_u32(h + 12);
	uint32_t keyidx = lexicon_u32(h + 16), tradidx = lexicon_u32(h + 20);
	uint32_t zidx = lexicon_u32(h + 24), keys = lexicon_u32(h + 28);
	uint32_t keys_len = lexicon_u32(h + 32), z = lexicon_u32(h + 36);
	uint32_t z_len = lexicon_u32(h + 40);
	if (lex->block_ents == 0)
		return 0;
	uint64_t nblock = ((uint64_t)lex->nent + lex->block_ents - 1) /
	    lex->block_ents;
	if (!lexicon_fits(len, keyidx, lex->nent, 4) ||
	    !lexicon_fits(len, tradidx, lex->nent, 4) ||
	    !lexicon_fits(len, zidx, nblock + 1, 8) ||
	    !lexicon_fits(len, keys, keys_len, 1) ||
	    !lexicon_fits(len, z, z_len, 1))
		return 0;
	lex->keyidx = h + keyidx;
	lex->tradidx = h + tradidx;
	lex->zidx = h + zidx;
	lex->keys = h + keys;
	lex->keys_len = keys_len;
	lex->z = h + z;
	lex->z_len = z_len;
	/* The keys must end in NUL so that every key read stops inside. */
	if (keys_len == 0 ? lex->nent != 0 : lex->keys[keys_len - 1] != 0)
		return 0;
	for (uint32_t i = 0; i < lex->nent; i++) {
		if (lexicon_u32(lex->keyidx + 4 * (size_t)i) >= keys_len ||
		    lexicon_u32(lex->tradidx + 4 * (size_t)i) >= lex->nent)
			return 0;
	}
	return 1;
}

struct lexicon *
lexicon_open_mem(const void *words, size_t words_len, const void *cedict,
    size_t cedict_len, enum lexicon_status *status)
{
	struct lexicon *lex = xcalloc(1, sizeof *lex);

	lex->dir = xstrdup("");
	lex->w = words;
	lex->w_len = words ? words_len : 0;
	lex->c = cedict;
	lex->c_len = cedict ? cedict_len : 0;
	if ((words && !lexicon_check_words(lex)) ||
	    (cedict && !lexicon_check_cedict(lex))) {
		lexicon_free(lex);
		if (status)
			*status = LEXICON_BAD;
		return NULL;
	}
	if (!words)
		lex->w = NULL;
	if (status)
		*status = LEXICON_OK;
	return lex;
}

static const void *
lexicon_map(const char *dir, const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *p = NULL;

	free(path);
	*len = 0;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size < (uint64_t)1 << 31) {
		p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED)
			p = NULL;
		else
			*len = (size_t)st.st_size;
	}
	close(fd);
	return p;
}

struct lexicon *
lexicon_open(const char *dir, enum lexicon_status *status)
{
	size_t wl, cl;
	const void *w = lexicon_map(dir, "words.bin", &wl);
	const void *c = lexicon_map(dir, "cedict.bin", &cl);
	struct lexicon *lex;

	if (!w || !c) {
		if (w)
			munmap((void *)w, wl);
		if (c)
			munmap((void *)c, cl);
		if (status)
			*status = LEXICON_MISSING;
		return NULL;
	}
	lex = lexicon_open_mem(w, wl, c, cl, status);
	if (!lex) {
		munmap((void *)w, wl);
		munmap((void *)c, cl);
		return NULL;
	}
	lex->w_mapped = lex->c_mapped = 1;
	free(lex->dir);
	lex->dir = xstrdup(dir);
	return lex;
}

void
lexicon_free(struct lexicon *lex)
{
	if (!lex)
		return;
	if (lex->w_mapped)
		munmap((void *)lex->w, lex->w_len);
	if (lex->c_mapped)
		munmap((void *)lex->c, lex->c_len);
	free(lex->dir);
	free(lex);
}

const char *
lexicon_dir(const struct lexicon *lex)
{
	return lex->dir;
}

static pthread_once_t lexicon_once = PTHREAD_ONCE_INIT;
static struct lexicon *lexicon_shared;
static enum lexicon_status lexicon_shared_status = LEXICON_MISSING;

static void
lexicon_try(const char *dir)
{
	enum lexicon_status st;

	if (lexicon_shared || !dir || !*dir)
		return;
	lexicon_shared = lexicon_open(dir, &st);
	/* A bad file is worth reporting over a missing one. */
	if (!lexicon_shared && st == LEXICON_BAD)
		lexicon_shared_status = st;
}

static void
lexicon_init(void)
{
	char exe[PATH_MAX];
	ssize_t n;

	lexicon_try(getenv("YUEDU_LEXICON"));
	if (!getenv("YUEDU_LEXICON")) {
		n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n > 0) {
			exe[n] = '\0';
			char *slash = strrchr(exe, '/');
			if (slash) {
				*slash = '\0';
				char *d = xasprintf("%s/../share/yuedu", exe);
				lexicon_try(d);
				free(d);
			}
		}
#ifdef YUEDU_DATA_INSTALL_DIR
		lexicon_try(YUEDU_DATA_INSTALL_DIR);
#endif
#ifdef YUEDU_DATA_SOURCE_DIR
		lexicon_try(YUEDU_DATA_SOURCE_DIR);
#endif
	}
	if (lexicon_shared)
		lexicon_shared_status = LEXICON_OK;
}

struct lexicon *
lexicon_get(enum lexicon_status *status)
{
	pthread_once(&lexicon_once, lexicon_init);
	if (status)
		*status = lexicon_shared_status;
	return lexicon_shared;
}

const char *
lexicon_syllable(const struct lexicon *lex, unsigned id)
{
	if (!lex->w || id >= lex->nsyl)
		return "";
	return (const char *)lex->syl + (size_t)id * LEXICON_SYL_BYTES;
}

static double
lexicon_logp(const struct lexicon *lex, unsigned q)
{
	double lf = q == 0 ? 0.0 : (q - 1) / 12.0;
	return lf - lex->log_total;
}

int
lexicon_char(const struct lexicon *lex, uint32_t cp, struct lexicon_char *out)
{
	size_t lo = 0, hi;

	if (!lex || !lex->w)
		return 0;
	hi = lex->nchar;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const unsigned char *r = lex->chars + mid * LEXICON_CHAR_BYTES;
		uint32_t c = lexicon_u32(r);
		if (c == cp) {
			uint32_t simp = lexicon_u32(r + 4);
			out->simp = simp ? simp : cp;
			out->reading = lexicon_syllable(lex, lexicon_u16(r + 8));
			size_t k = 0;
			for (int i = 0; i < 4; i++) {
				unsigned id = lexicon_u16(r + 10 + 2 * i);
				if (id)
					out->alt[k++] = lexicon_syllable(lex, id);
			}
			for (; k < 4; k++)
				out->alt[k] = NULL;
			out->logp = lexicon_logp(lex, r[18]);
			return 1;
		}
		if (c < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
lexicon_is_han(const struct lexicon *lex, uint32_t cp)
{
	struct lexicon_char c;

	if (uchar_is_han(cp))
		return 1;
	return lexicon_char(lex, cp, &c);
}

/* Compare A (AN bytes) with B (BN bytes) as unsigned bytes. */
static int
lexicon_cmp(const unsigned char *a, size_t an, const unsigned char *b,
    size_t bn)
{
	size_t n = an < bn ? an : bn;
	int r = memcmp(a, b, n);

	if (r)
		return r;
	return an < bn ? -1 : an > bn;
}

/* The first key of block B into KEY (at most LEXICON_KEY_MAX bytes);
 * returns its length, or -1 when the block is malformed or empty. */
static int
lexicon_block_first(const struct lexicon *lex, uint32_t b, unsigned char *key)
{
	uint32_t o = lexicon_u32(lex->bidx + 4 * (size_t)b);
	uint32_t e = lexicon_u32(lex->bidx + 4 * (size_t)b + 4);

	if (e > lex->blk_len || o > e || e - o < 3)
		return -1;
	const unsigned char *p = lex->blk + o;
	size_t n = p[1] & 0x7f;
	if (p[0] != 0 || n > e - o - 3)
		return -1;
	memcpy(key, p + 3, n);
	return (int)n;
}

int
lexicon_word(const struct lexicon *lex, const char *key, size_t n,
    struct lexicon_word *out, int *longer)
{
	unsigned char cur[LEXICON_KEY_MAX + 1];
	const unsigned char *k = (const unsigned char *)key;
	size_t lo = 0, hi;
	int found = 0;

	if (longer)
		*longer = 0;
	if (!lex || !lex->w || lex->nblock == 0 || n == 0 ||
	    n > LEXICON_KEY_MAX)
		return 0;
	/* The last block whose first key is <= KEY. */
	hi = lex->nblock;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cl = lexicon_block_first(lex, (uint32_t)mid, cur);
		if (cl < 0)
			return 0;
		if (lexicon_cmp(cur, (size_t)cl, k, n) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t b = lo == 0 ? 0 : lo - 1;
	/* Walk this block (and the next one's start) to KEY's place. */
	for (; b < lex->nblock; b++) {
		uint32_t o = lexicon_u32(lex->bidx + 4 * b);
		uint32_t e = lexicon_u32(lex->bidx + 4 * b + 4);
		size_t cl = 0;
		if (e > lex->blk_len || o > e)
			return found;
		while (o < e) {
			if (e - o < 3)
				return found;
			const unsigned char *p = lex->blk + o;
			size_t shared = p[0], sn = p[1] & 0x7f;
			int has = p[1] >> 7;
			if (shared > cl || shared + sn > LEXICON_KEY_MAX ||
			    sn > e - o - 3)
				return found;
			memcpy(cur + shared, p + 3, sn);
			cl = shared + sn;
			o += 3 + (uint32_t)sn;
			int c = lexicon_cmp(cur, cl, k, n);
			size_t chars = 0;
			if (has) {
				for (size_t i = 0; i < cl; i++)
					chars += (cur[i] & 0xc0) != 0x80;
				if ((uint64_t)e - o < 2 * (uint64_t)chars)
					return found;
			}
			if (c == 0) {
				found = 1;
				if (out) {
					out->logp = lexicon_logp(lex, p[2]);
					out->has_reading = has;
					out->reading = has ? lex->blk + o : NULL;
				}
			} else if (c > 0) {
				if (longer)
					*longer = cl > n && memcmp(cur, k, n) == 0;
				return found;
			}
			o += has ? 2 * (uint32_t)chars : 0;
		}
	}
	return found;
}

/* Entry I's keys: *simp and *trad point into the mapped keys. */
static void
lexicon_entry_keys(const struct lexicon *lex, uint32_t i, const char **simp,
    const char **trad)
{
	uint32_t o = lexicon_u32(lex->keyidx + 4 * (size_t)i);
	const char *s = (const char *)lex->keys + o;
	size_t sl = strlen(s);

	*simp = s;
	/* The keys end in NUL, so a key at the very end has an empty twin. */
	if (o + sl + 1 >= lex->keys_len)
		*trad = "";
	else
		*trad = s + sl + 1;
	if (!**trad)
		*trad = s;
}

/* The first index in [0, nent) whose key (by simplified if !TRAD, else
 * traditional through the permutation) is >= WORD. */
static uint32_t
lexicon_lower(const struct lexicon *lex, const char *word, size_t n, int trad)
{
	uint32_t lo = 0, hi = lex->nent;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		uint32_t e = trad ? lexicon_u32(lex->tradidx + 4 * (size_t)mid) :
		    mid;
		const char *s, *t;
		lexicon_entry_keys(lex, e, &s, &t);
		const char *key = trad ? t : s;
		if (lexicon_cmp((const unsigned char *)key, strlen(key),
		    (const unsigned char *)word, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Pinyin and senses of entry E, from its zlib block.  0 on a bad block. */
static int
lexicon_entry_text(const struct lexicon *lex, uint32_t e,
    struct lexicon_entry *out)
{
	uint32_t b = e / lex->block_ents;
	const unsigned char *zi = lex->zidx + 8 * (size_t)b;
	uint32_t o = lexicon_u32(zi), raw = lexicon_u32(zi + 4);
	uint32_t next = lexicon_u32(zi + 8);
	uLongf got = raw;
	unsigned char *buf;

	if (next < o || next > lex->z_len || raw > (1u << 24))
		return 0;
	buf = xmalloc((size_t)raw + 1);
	if (uncompress(buf, &got, lex->z + o, next - o) != Z_OK) {
		free(buf);
		return 0;
	}
	buf[got] = '\0';
	/* Skip to line e % block_ents. */
	char *p = (char *)buf, *end = (char *)buf + got;
	for (uint32_t k = e % lex->block_ents; k > 0; k--) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl) {
			free(buf);
			return 0;
		}
		p = nl + 1;
	}
	char *nl = memchr(p, '\n', (size_t)(end - p));
	char *tab = memchr(p, '\t', (size_t)((nl ? nl : end) - p));
	if (!tab) {
		free(buf);
		return 0;
	}
	out->pinyin = xstrndup(p, (size_t)(tab - p));
	out->senses = xstrndup(tab + 1, (size_t)((nl ? nl : end) - tab - 1));
	free(buf);
	return 1;
}

static int
lexicon_u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

size_t
lexicon_define(const struct lexicon *lex, const char *word, size_t n,
    struct lexicon_entry **out)
{
	uint32_t *ids = NULL;
	size_t nids = 0, cap = 0, nout = 0;

	*out = NULL;
	if (!lex || !lex->c || n == 0)
		return 0;
	for (int trad = 0; trad < 2; trad++) {
		for (uint32_t i = lexicon_lower(lex, word, n, trad);
		    i < lex->nent; i++) {
			uint32_t e = trad ?
			    lexicon_u32(lex->tradidx + 4 * (size_t)i) : i;
			const char *s, *t;
			lexicon_entry_keys(lex, e, &s, &t);
			const char *key = trad ? t : s;
			if (strlen(key) != n || memcmp(key, word, n) != 0)
				break;
			ids = xgrow(ids, &cap, nids + 1, sizeof *ids);
			ids[nids++] = e;
		}
	}
	if (nids == 0)
		return 0;
	/* Sorted by entry number, duplicates (same in both scripts) once. */
	qsort(ids, nids, sizeof *ids, lexicon_u32_cmp);
	*out = xcalloc(nids, sizeof **out);
	for (size_t i = 0; i < nids; i++) {
		if (i > 0 && ids[i] == ids[i - 1])
			continue;
		struct lexicon_entry *en = &(*out)[nout];
		const char *s, *t;
		lexicon_entry_keys(lex, ids[i], &s, &t);
		if (!lexicon_entry_text(lex, ids[i], en))
			continue;
		en->simp = xstrdup(s);
		en->trad = xstrdup(t);
		nout++;
	}
	free(ids);
	if (nout == 0) {
		free(*out);
		*out = NULL;
	}
	return nout;
}

void
lexicon_entries_free(struct lexicon_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].simp);
		free(e[i].trad);
		free(e[i].pinyin);
		free(e[i].senses);
	}
	free(e);
}

static int
lexicon_str_len_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t xl = strlen(x), yl = strlen(y);

	return xl < yl ? -1 : xl > yl ? 1 : strcmp(x, y);
}

size_t
lexicon_longer(const struct lexicon *lex, const char *word, size_t n,
    size_t max, char ***out)
{
	size_t count = 0, cap = 0;

	*out = NULL;
	if (!lex || !lex->c || n == 0 || max == 0)
		return 0;
	for (int trad = 0; trad < 2 && count == 0; trad++) {
		/* Look at a bounded number of candidates: a common first
		 * character starts thousands of words. */
		size_t seen = 0;
		for (uint32_t i = lexicon_lower(lex, word, n, trad);
		    i < lex->nent && seen < 4 * max + 64; i++, seen++) {
			uint32_t e = trad ?
			    lexicon_u32(lex->tradidx + 4 * (size_t)i) : i;
			const char *s, *t;
			lexicon_entry_keys(lex, e, &s, &t);
			const char *key = trad ? t : s;
			size_t kl = strlen(key);
			if (kl < n || memcmp(key, word, n) != 0)
				break;
			if (kl == n)
				continue;
			int dup = 0;
			for (size_t k = 0; k < count && !dup; k++)
				dup = strcmp((*out)[k], s) == 0;
			if (dup)
				continue;
			*out = xgrow(*out, &cap, count + 1, sizeof **out);
			(*out)[count++] = xstrdup(s);
		}
	}
	if (count > 1)
		qsort(*out, count, sizeof **out, lexicon_str_len_cmp);
	while (count > max)
		free((*out)[--count]);
	return count;
}
