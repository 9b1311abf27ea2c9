/*
 * Encoding detection and conversion.  Detection looks at a prefix: a BOM
 * decides at once; valid UTF-8 wins next unless it reads as noise where a
 * legacy decoding is plainly Chinese (short GBK can be valid UTF-8);
 * otherwise each legacy encoding is decoded, a few bad sequences
 * tolerated, and scored by how much of the result is common Chinese
 * characters and punctuation, so a short file is not mistaken.
 * Conversion goes through the C library's iconv.
 */
#include "yuedu/enc.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>
#include <utf8proc.h>

#include "yuedu/doc.h"
#include "yuedu/epub.h"
#include "yuedu/html.h"
#include "yuedu/i18n.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define ENC_PROBE (64 * 1024)	/* bytes looked at to detect */

static const struct {
	const char *alias;
	const char *name;
} enc_aliases[] = {
	{ "UTF-8", "UTF-8" }, { "UTF8", "UTF-8" },
	{ "UTF-16LE", "UTF-16LE" }, { "UTF-16BE", "UTF-16BE" },
	{ "GB18030", "GB18030" }, { "GBK", "GB18030" }, { "GB2312", "GB18030" },
	{ "CP936", "GB18030" }, { "EUC-CN", "GB18030" },
	{ "BIG5", "BIG5" }, { "BIG-5", "BIG5" }, { "CP950", "BIG5" },
	{ "BIG5-HKSCS", "BIG5-HKSCS" }, { "BIG5HKSCS", "BIG5-HKSCS" },
	{ "EUC-TW", "EUC-TW" },
	{ "HZ-GB-2312", "HZ-GB-2312" }, { "HZ", "HZ-GB-2312" },
};

const char *
enc_canonical(const char *name)
{
	for (size_t i = 0; i < sizeof enc_aliases / sizeof enc_aliases[0]; i++)
		if (strcasecmp(name, enc_aliases[i].alias) == 0)
			return enc_aliases[i].name;
	return NULL;
}

/*
 * HZ-GB-2312 to EUC-CN: "~{" enters GB mode (byte pairs 0x21-0x7E, add
 * 0x80 to each), "~}" leaves it, "~~" is '~', "~\n" joins lines.
 * Returns -1 on a malformed sequence when STRICT.
 */
static int
enc_hz_to_euc(const char *s, size_t n, int strict, char **out, size_t *len)
{
	char *o = xmalloc(n + 1);
	size_t i = 0, k = 0;
	int gb = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == '~' && i + 1 < n) {
			char d = s[i + 1];
			if (d == '{') { gb = 1; i += 2; continue; }
			if (d == '}') { gb = 0; i += 2; continue; }
			if (d == '~' && !gb) { o[k++] = '~'; i += 2; continue; }
			if (d == '\n' && !gb) { i += 2; continue; }
		}
		if (gb && c != '\n' && c != '\r') {
			if (i + 1 < n && c >= 0x21 && c <= 0x7E &&
			    (unsigned char)s[i + 1] >= 0x21 &&
			    (unsigned char)s[i + 1] <= 0x7E) {
				o[k++] = (char)(c | 0x80);
				o[k++] = (char)(s[i + 1] | 0x80);
				i += 2;
				continue;
			}
			if (strict) {
				free(o);
				return -1;
			}
		}
		if (c >= 0x80 && strict) {
			free(o);
			return -1;
		}
		o[k++] = (char)c;
		if (c == '\n' || c == '\r')
			gb = 0;
		i++;
	}
	*out = o;
	*len = k;
	return 0;
}

/*
 * Convert with iconv.  STRICT: stop at the first undecodable byte and
 * return -1 (an incomplete sequence at the very end is allowed, since S
 * may be a prefix).  Otherwise each undecodable run becomes one U+FFFD.
 */
static int (*enc_progress_fn)(void *, size_t, size_t);
static void *enc_progress_arg;

void
enc_set_progress(int (*fn)(void *arg, size_t done, size_t total), void *arg)
{
	enc_progress_fn = fn;
	enc_progress_arg = arg;
}

static int
enc_iconv_count(const char *name, const char *s, size_t n, int strict,
    char **out, size_t *out_len, size_t *nbad)
{
	iconv_t cd = iconv_open("UTF-8", name);
	size_t cap = n * 2 + 16, k = 0;
	char *o, *in = (char *)s;
	size_t in_left = n;
	int in_bad = 0;

	if (cd == (iconv_t)-1)
		return -1;
	o = xmalloc(cap);
	while (in_left > 0) {
		char *op = o + k;
		/* A step at a time, so progress can be told. */
		size_t room = cap - k - 4, op_left = room < ENC_STEP_BYTES ?
		    room : ENC_STEP_BYTES;
		size_t r = iconv(cd, &in, &in_left, &op, &op_left);

		k = (size_t)(op - o);
		if (r != (size_t)-1) {
			in_bad = 0;
			continue;
		}
		if (errno == E2BIG) {
			if (!strict && enc_progress_fn != NULL &&
			    enc_progress_fn(enc_progress_arg, n - in_left, n)) {
				free(o);
				iconv_close(cd);
				return -2;
			}
			if (cap - k - 4 < 64) {
				cap *= 2;
				o = xrealloc(o, cap);
			}
			continue;
		}
		if (strict && (errno == EILSEQ || in_left > 8)) {
			free(o);
			iconv_close(cd);
			return -1;
		}
		if (strict)
			break;
		/* One U+FFFD per run of bad bytes. */
		if (!in_bad) {
			(*nbad)++;
			if (k + 8 > cap) {
				cap *= 2;
				o = xrealloc(o, cap);
			}
			memcpy(o + k, "\xEF\xBF\xBD", 3);
			k += 3;
		}
		in_bad = 1;
		in++;
		in_left--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	*out = o;
	*out_len = k;
	return 0;
}

static int
enc_iconv(const char *name, const char *s, size_t n, int strict, char **out,
    size_t *out_len)
{
	size_t nbad = 0;

	return enc_iconv_count(name, s, n, strict, out, out_len, &nbad);
}

int
enc_to_utf8(const char *name, const char *s, size_t n, char **out,
    size_t *out_len)
{
	if (strcmp(name, "HZ-GB-2312") == 0) {
		char *euc;
		size_t len;
		int rc;

		enc_hz_to_euc(s, n, 0, &euc, &len);
		rc = enc_iconv("GB18030", euc, len, 0, out, out_len);
		free(euc);
		return rc;
	}
	return enc_iconv(name, s, n, 0, out, out_len);
}

/* Very common characters, simplified and traditional, and CJK punctuation. */
static const char enc_common[] =
    "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就"
    "出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所"
    "然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還"
    "进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与"
    "與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间"
    "間由问問很最重并物手应應战戰向头頭文体體政美相见見被利什二等产產或新己"
    "制身果加西月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原"
    "东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题"
    "題活更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務"
    "曰兵故者之也矣乎其為以於則而不可知勝敗將"
    "，。、；：？！「」『』“”《》（）…—";

static int
enc_is_common(uint32_t cp)
{
	static uint32_t *set;
	static size_t nset;

	if (set == NULL) {
		size_t off = 0, n = sizeof enc_common - 1;
		set = xmalloc(n * sizeof *set);
		while (off < n) {
			uint32_t c;
			off += utf8_decode(enc_common + off, n - off, &c);
			set[nset++] = c;
		}
	}
	for (size_t i = 0; i < nset; i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

/*
 * Plausibility of decoded text U (LEN bytes): per mille of its non-ASCII
 * characters that are common Chinese characters or punctuation.  *odd
 * gets the count of C1 controls, private-use characters and U+FFFD,
 * which real text does not hold.
 */
static long
enc_score_odd(const char *u, size_t len, size_t *nonascii_out, size_t *odd)
{
	size_t off = 0, nonascii = 0, common = 0;

	*odd = 0;
	while (off < len) {
		uint32_t cp;
		off += utf8_decode(u + off, len - off, &cp);
		if (cp < 0x80)
			continue;
		if ((cp >= 0x80 && cp < 0xA0) || (cp >= 0xE000 &&
		    cp < 0xF900) || cp == 0xFFFD || cp == (uint32_t)-1) {
			(*odd)++;
			continue;
		}
		nonascii++;
		common += enc_is_common(cp);
	}
	*nonascii_out = nonascii;
	if (nonascii == 0)
		return 0;
	return (long)(common * 1000 / nonascii);
}

/* As enc_score_odd(), but -1 when anything is odd. */
static long
enc_score(const char *u, size_t len, size_t *nonascii_out)
{
	size_t odd;
	long sc = enc_score_odd(u, len, nonascii_out, &odd);

	return odd ? -1 : sc;
}

/*
 * Per mille of the non-ASCII characters of valid UTF-8 S (N bytes) that
 * are Han, CJK punctuation or full-width forms; -1 when it holds
 * unassigned or private-use code points or C1 controls.
 */
static long
enc_utf8_cjk(const char *s, size_t n)
{
	size_t off = 0, nonascii = 0, cjk = 0;

	while (off < n) {
		uint32_t cp;
		int cat;

		off += utf8_decode(s + off, n - off, &cp);
		if (cp < 0x80 || cp == (uint32_t)-1)
			continue;
		cat = utf8proc_category((utf8proc_int32_t)cp);
		if (cat == UTF8PROC_CATEGORY_CN ||
		    cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CC)
			return -1;
		nonascii++;
		cjk += (cp >= 0x2E80 && cp < 0xA000) || (cp >= 0xF900 &&
		    cp < 0xFB00) || (cp >= 0xFE30 && cp < 0xFF70) ||
		    (cp >= 0x20000 && cp < 0x40000) || (cp >= 0x2000 &&
		    cp < 0x2070);
	}
	return nonascii ? (long)(cjk * 1000 / nonascii) : 1000;
}

#define ENC_LEGACY_N 3

/*
 * The most plausible legacy decoding of S (N bytes), tolerating a few
 * bad sequences (a stray byte, a user-defined code): at most 3 plus one
 * in 200 characters, never more than a quarter, and then only when the
 * text is clearly Chinese (15% common characters).  CUT: S is a prefix,
 * so a sequence cut at its end is not bad.  Returns NULL when
 * none fits; *score gets its plausibility, *nbad its bad sequences.
 */
static const char *
enc_best_legacy(const char *s, size_t n, int cut, long *score, size_t *nbad)
{
	static const char *const legacy[ENC_LEGACY_N] = {
		"GB18030", "BIG5-HKSCS", "EUC-TW",
	};
	const char *best = NULL;
	size_t best_bad = 0;
	long best_score = -1;

	for (size_t i = 0; i < ENC_LEGACY_N; i++) {
		char *u;
		size_t ul, na, bad = 0, odd;
		long sc;

		if (enc_iconv_count(legacy[i], s, n, 0, &u, &ul, &bad) != 0)
			continue;
		/* A sequence cut by the end of a prefix is not bad. */
		if (cut && bad > 0 && ul >= 3 && memcmp(u + ul - 3,
		    "\xEF\xBF\xBD", 3) == 0)
			bad--;
		sc = enc_score_odd(u, ul, &na, &odd);
		free(u);
		bad += odd;
		if (na == 0 || bad > 3 + na / 200 || bad * 4 > na ||
		    (bad > 0 && sc < 150))
			continue;
		/* The most plausible; GB18030 first on a tie. */
		sc -= (long)(bad * 1000 / na);
		if (best == NULL || sc > best_score) {
			best = legacy[i];
			best_score = sc;
			best_bad = bad;
		}
	}
	*score = best_score;
	*nbad = best_bad;
	return best;
}

const char *
enc_detect(const char *s, size_t n, int *sure)
{
	const char *best = "UTF-8";
	long best_score = -1;
	size_t nbad0, probe = n < ENC_PROBE ? n : ENC_PROBE, end;
	int has_high = 0;

	*sure = 1;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		return "UTF-8";
	if (n >= 2 && memcmp(s, "\xFF\xFE", 2) == 0)
		return "UTF-16LE";
	if (n >= 2 && memcmp(s, "\xFE\xFF", 2) == 0)
		return "UTF-16BE";
	/* Valid UTF-8, allowing a sequence cut by the end of the probe. */
	end = probe;
	if (probe < n)
		while (end > 0 && end > probe - 4 &&
		    ((unsigned char)s[end - 1] & 0xC0) == 0x80)
			end--;
	if (probe < n && end > 0 && (unsigned char)s[end - 1] >= 0xC0)
		end--;
	for (size_t i = 0; i < probe && !has_high; i++)
		has_high = (unsigned char)s[i] >= 0x80;
	if (!has_high) {
		/* Seven-bit: HZ when it has GB runs that decode cleanly. */
		char *euc, *u;
		size_t el, ul, na;

		if (memmem(s, probe, "~{", 2) != NULL &&
		    enc_hz_to_euc(s, probe, 1, &euc, &el) == 0) {
			int ok = enc_iconv("GB18030", euc, el, 1, &u, &ul) == 0;
			free(euc);
			if (ok) {
				long sc = enc_score(u, ul, &na);
				free(u);
				if (sc > 0 && na > 0)
					return "HZ-GB-2312";
			}
		}
		return "UTF-8";
	}
	if (u8_check((const uint8_t *)s, end) == NULL) {
		/* Valid UTF-8 wins unless it reads as noise (no Chinese, or
		 * unassigned code points) where a legacy decoding, clean,
		 * is plainly Chinese: short GBK can be valid UTF-8 too. */
		long cjk = enc_utf8_cjk(s, end);

		if (cjk >= 100)
			return "UTF-8";
		best = enc_best_legacy(s, probe, probe < n, &best_score,
		    &nbad0);
		if (best == NULL || nbad0 > 0 ||
		    best_score < (cjk < 0 ? 300 : 500))
			return "UTF-8";
	} else {
		best = enc_best_legacy(s, probe, probe < n, &best_score,
		    &nbad0);
		if (best == NULL) {
			*sure = 0;
			return "UTF-8";
		}
	}
	/* Big5-HKSCS decodes all of Big5 the same; name what the text needs. */
	if (strcmp(best, "BIG5-HKSCS") == 0) {
		char *u;
		size_t ul, na, odd, bad = 0;

		if (enc_iconv_count("BIG5", s, probe, 0, &u, &ul, &bad) == 0) {
			enc_score_odd(u, ul, &na, &odd);
			free(u);
			if (bad + odd <= nbad0 + (probe < n))
				best = "BIG5";
		}
	}
	return best;
}

struct doc *
enc_open(const char *path, const char *forced, char **note, char **err)
{
	struct doc *doc;
	char *cause;

	*note = NULL;
	*err = NULL;
	if (doc_open(&doc, path, &cause) != DOC_OK) {
		*err = xasprintf("%s: %s", path, cause);
		free(cause);
		return NULL;
	}
	if (enc_apply(doc, forced, note, &cause) != 0) {
		*err = xasprintf("%s: %s", path, cause);
		free(cause);
		doc_free(doc);
		return NULL;
	}
	return doc;
}

/*
 * The charset an HTML page declares (html.h), when it is one yuedu knows
 * and not UTF-8 (a page saying UTF-8 is checked like any text).
 */
static const char *
enc_html(const struct doc *doc, char *buf, size_t size)
{
	const char *decl;

	if (!html_sniff(doc->text, doc->len) ||
	    (decl = html_declared_charset(doc->text, doc->len, buf, size)) ==
	    NULL || strcmp(decl, "UTF-8") == 0)
		return NULL;
	return enc_canonical(decl);
}

int
enc_apply(struct doc *doc, const char *forced, char **note, char **err)
{
	char decl[64];
	const char *name;
	char *u;
	size_t ul;
	int sure = 1;

	*note = NULL;
	*err = NULL;
	if (forced != NULL) {
		name = enc_canonical(forced);
		if (name == NULL) {
			*err = xasprintf(_("unknown encoding '%s' (known: UTF-8, "
			    "UTF-16LE, UTF-16BE, GB18030, GBK, GB2312, BIG5, "
			    "BIG5-HKSCS, EUC-TW, HZ-GB-2312)"), forced);
			return -1;
		}
	} else if (epub_sniff(doc->text, doc->len)) {
		/* A book: a zip whose chapters say their own encodings. */
		doc->encoding = "EPUB";
		return 0;
	} else if ((name = enc_html(doc, decl, sizeof decl)) == NULL)
		name = enc_detect(doc->text, doc->len, &sure);
	if (!sure)
		*note = xstrdup(_("not valid UTF-8 nor a known Chinese encoding; "
		    "shown as UTF-8"));
	if (strcmp(name, "UTF-8") == 0) {
		doc->encoding = "UTF-8";
		return 0;
	}
	switch (enc_to_utf8(name, doc->text, doc->len, &u, &ul)) {
	case 0:
		break;
	case -2:
		*err = xasprintf(_("conversion from %s interrupted"), name);
		free(*note);
		*note = NULL;
		return ENC_INTERRUPTED;
	default:
		*err = xasprintf(_("cannot convert from %s"), name);
		return -1;
	}
	/* Skip a BOM the conversion kept (UTF-16). */
	doc_replace_text(doc, u, ul, name);
	return 0;
}
