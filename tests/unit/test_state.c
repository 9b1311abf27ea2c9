/* Remembered place: save, restore, renamed copies, edited files, bad state. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "yuedu/doc.h"
#include "yuedu/state.h"
#include "yuedu/util.h"

#include "testutil.h"

static int
setup(void **st)
{
	tmpdir_make();
	return 0;
}

static int
teardown(void **st)
{
	tmpdir_remove();
	state_set_max_entries(STATE_MAX_ENTRIES);
	return 0;
}

static struct doc *
write_doc(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name), *cause;
	FILE *f = fopen(path, "w");
	struct doc *doc;

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(doc_open(&doc, path, &cause), DOC_OK);
	free(path);
	return doc;
}

static const char text1[] =
    "第一章　开端\n春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n"
    "第二章　发展\n床前明月光，疑是地上霜。举头望明月，低头思故乡。\n"
    "第三章　结局\n白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n";

static void
test_roundtrip(void **st)
{
	struct doc *doc = write_doc("a.txt", text1);
	char *dir = xasprintf("%s/state", tmpdir), *warn;
	struct state_place p, q;
	size_t off = (size_t)(strstr(text1, "第二章") - text1);

	assert_int_equal(state_load(dir, doc, &q, &warn), 0);
	assert_null(warn);
	state_place_init(&p);
	p.top_off = off;
	p.mark_off['b' - 'a'] = 3;
	assert_int_equal(state_save(dir, doc, &p, &warn), 0);
	assert_null(warn);
	assert_int_equal(state_load(dir, doc, &q, &warn), 1);
	assert_int_equal(q.top_off, off);
	assert_int_equal(q.mark_off['b' - 'a'], 3);
	assert_int_equal(q.mark_off[0], (size_t)-1);
	/* Without a read-through offset it is the top. */
	assert_int_equal(q.seen_off, off);
	/* Read to the end: the shelf shows 100%. */
	p.seen_off = doc->len;
	assert_int_equal(state_save(dir, doc, &p, &warn), 0);
	assert_int_equal(state_load(dir, doc, &q, &warn), 1);
	assert_int_equal(q.top_off, off);
	assert_int_equal(q.seen_off, doc->len);
	doc_free(doc);
	free(dir);
}

static void
test_renamed_copy(void **st)
{
	struct doc *a = write_doc("a.txt", text1), *b;
	char *dir = xasprintf("%s/state", tmpdir), *warn;
	struct state_place p, q;

	state_place_init(&p);
	p.top_off = 40;
	assert_int_equal(state_save(dir, a, &p, &warn), 0);
	b = write_doc("copy of a.txt", text1);
	assert_int_equal(state_load(dir, b, &q, &warn), 1);
	assert_int_equal(q.top_off, 40);
	doc_free(a);
	doc_free(b);
	free(dir);
}

static void
test_edited_file(void **st)
{
	struct doc *a = write_doc("a.txt", text1), *b;
	char *dir = xasprintf("%s/state", tmpdir), *warn, *edited;
	struct state_place p, q;
	const char *third = strstr(text1, "第三章");
	const char *prefix = "新加的一行序言。\n";

	state_place_init(&p);
	p.top_off = (size_t)(third - text1);
	assert_int_equal(state_save(dir, a, &p, &warn), 0);
	doc_free(a);
	/* Text added before the place: the place moves with its text. */
	edited = xasprintf("%s%s", prefix, text1);
	b = write_doc("a.txt", edited);
	assert_int_equal(state_load(dir, b, &q, &warn), 1);
	assert_int_equal(q.top_off, strlen(prefix) + (size_t)(third - text1));
	assert_memory_equal(b->text + q.top_off, "第三章", strlen("第三章"));
	doc_free(b);
	free(edited);
	/* The text at the place is gone: no jump to a wrong place. */
	b = write_doc("a.txt", "全新的内容，和原来的没有关系。\n另一行。\n");
	assert_int_equal(state_load(dir, b, &q, &warn), 0);
	assert_int_equal(q.top_off, 0);
	doc_free(b);
	free(dir);
}

/* Overwrite every record file in DIR with S. */
static void
corrupt_all(const char *dir, const char *s)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char *p;
		FILE *f;

		if ((e->d_name[0] != 'k' && e->d_name[0] != 'p') ||
		    e->d_name[1] != '-')
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		f = fopen(p, "w");
		assert_non_null(f);
		fputs(s, f);
		fclose(f);
		free(p);
	}
	closedir(d);
}

static void
test_corrupt_and_unwritable(void **st)
{
	struct doc *a = write_doc("a.txt", text1);
	char *dir = xasprintf("%s/state", tmpdir), *warn, key[17], *path;
	struct state_place p, q;

	state_place_init(&p);
	assert_int_equal(state_save(dir, a, &p, &warn), 0);
	state_key(a, key);
	path = xasprintf("%s/k-%s", dir, key);
	/* Both records (one alone is mended from the other). */
	corrupt_all(dir, "\x01garbage\xff\n");
	assert_int_equal(state_load(dir, a, &q, &warn), -1);
	assert_non_null(warn);
	assert_non_null(strstr(warn, "ignored"));
	assert_null(strchr(warn, '\n'));
	assert_int_equal(q.top_off, 0);
	free(warn);
	free(path);
	free(dir);
	/* A state directory that cannot be created (its parent is a file). */
	dir = xasprintf("%s/a.txt/state", tmpdir);
	assert_int_equal(state_save(dir, a, &p, &warn), -1);
	assert_non_null(warn);
	free(warn);
	assert_int_equal(state_load(dir, a, &q, &warn), -1);
	free(warn);
	free(dir);
	doc_free(a);
}

static size_t
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] == 'k' || e->d_name[0] == 'p';
	closedir(d);
	return n;
}

static void
test_bounded(void **st)
{
	char *dir = xasprintf("%s/state", tmpdir), *warn;
	struct state_place p;
	struct doc *first = NULL, *last = NULL;
	struct state_place q;

	state_set_max_entries(5);
	state_place_init(&p);
	for (int i = 0; i < 12; i++) {
		char name[32], body[64];
		struct doc *d;

		snprintf(name, sizeof name, "f%d.txt", i);
		snprintf(body, sizeof body, "第%d篇文章的正文。\n", i);
		d = write_doc(name, body);
		p.top_off = 3;
		assert_int_equal(state_save(dir, d, &p, &warn), 0);
		if (i == 0)
			first = d;
		else if (i == 11)
			last = d;
		else
			doc_free(d);
	}
	/* Two record files per text; the oldest texts were dropped. */
	assert_true(count_files(dir) <= 10);
	assert_int_equal(state_load(dir, last, &q, &warn), 1);
	assert_int_equal(state_load(dir, first, &q, &warn), 0);
	doc_free(first);
	doc_free(last);
	free(dir);
}

/*
 * Two processes at once, process K saving place P[K] of DOC[K] to DIR 30
 * times over; both must succeed.
 */
static void
save_at_once(const char *dir, struct doc *doc[2],
    const struct state_place p[2])
{
	pid_t pids[2];

	for (int k = 0; k < 2; k++) {
		pids[k] = fork();
		assert_true(pids[k] >= 0);
		if (pids[k] == 0) {
			char *w;

			for (int i = 0; i < 30; i++)
				if (state_save(dir, doc[k], &p[k], &w) != 0)
					_exit(1);
			_exit(0);
		}
	}
	for (int k = 0; k < 2; k++) {
		int status;

		waitpid(pids[k], &status, 0);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
}

static void
test_two_processes(void **st)
{
	char *dir = xasprintf("%s/state", tmpdir), *warn;
	struct doc *a = write_doc("a.txt", text1);
	struct doc *b = write_doc("b.txt", "另一篇文章。第二句话在这里。\n");
	struct doc *docs[2] = { a, b };
	struct state_place p[2], q;

	for (int k = 0; k < 2; k++) {
		state_place_init(&p[k]);
		p[k].top_off = k == 0 ? 40 : 18;
	}
	save_at_once(dir, docs, p);
	assert_int_equal(state_load(dir, a, &q, &warn), 1);
	assert_int_equal(q.top_off, 40);
	assert_int_equal(state_load(dir, b, &q, &warn), 1);
	assert_int_equal(q.top_off, 18);
	doc_free(a);
	doc_free(b);
	free(dir);
}

/*
 * Two processes on the same text, each with a mark of its own, saving
 * over and over at once: both marks are kept, and how far it was read is
 * the further of the two.
 */
static void
test_two_processes_one_text(void **st)
{
	char *dir = xasprintf("%s/state", tmpdir), *warn;
	struct doc *a = write_doc("a.txt", text1);
	struct doc *docs[2] = { a, a };
	struct state_place p[2], q;

	for (int k = 0; k < 2; k++) {
		state_place_init(&p[k]);
		p[k].mark_off[k] = k == 0 ? 18 : 40;
		p[k].top_off = 18;
		p[k].seen_off = k == 0 ? 60 : 90;
	}
	save_at_once(dir, docs, p);
	assert_int_equal(state_load(dir, a, &q, &warn), 1);
	assert_int_equal(q.mark_off[0], 18);
	assert_int_equal(q.mark_off[1], 40);
	assert_int_equal(q.seen_off, 90);
	doc_free(a);
	free(dir);
}

static void
test_state_dir(void **st)
{
	char *d;

	setenv("XDG_STATE_HOME", "/x/state", 1);
	d = state_dir();
	assert_string_equal(d, "/x/state/yuedu");
	free(d);
	unsetenv("XDG_STATE_HOME");
	setenv("HOME", "/home/r", 1);
	d = state_dir();
	assert_string_equal(d, "/home/r/.local/state/yuedu");
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_renamed_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edited_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_and_unwritable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_processes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_processes_one_text, setup, teardown),
		cmocka_unit_test(test_state_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
