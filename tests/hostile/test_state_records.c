/*
 * Hostile state directories: a corrupt content record falls back to the
 * path record (and the next save keeps the place); a FIFO planted as a
 * record or lock does not hang; an oversized record is not read; links
 * planted as the lock or a record are not followed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "yuedu/doc.h"
#include "yuedu/state.h"
#include "yuedu/util.h"

#include "../unit/testutil.h"

static int
setup(void **st)
{
	(void)st;
	tmpdir_make();
	return 0;
}

static int
teardown(void **st)
{
	(void)st;
	tmpdir_remove();
	return 0;
}

static const char text[] =
    "第一章　开端\n春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n"
    "第二章　发展\n床前明月光，疑是地上霜。举头望明月，低头思故乡。\n"
    "第三章　结局\n白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n";

static struct doc *
open_doc(void)
{
	char *path = xasprintf("%s/a.txt", tmpdir), *cause;
	FILE *f = fopen(path, "w");
	struct doc *doc;

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(doc_open(&doc, path, &cause), DOC_OK);
	free(path);
	return doc;
}

/* DIR/k-KEY: the content record of DOC. */
static char *
content_record(const char *dir, const struct doc *doc)
{
	char key[17];

	state_key(doc, key);
	return xasprintf("%s/k-%s", dir, key);
}

static void
put_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(s, f);
	fclose(f);
}

static void
test_corrupt_content_record(void **st)
{
	struct doc *doc = open_doc();
	char *dir = xasprintf("%s/state", tmpdir), *warn, *k;
	struct state_place p, q;
	size_t off = (size_t)(strstr(text, "第三章") - text);

	(void)st;
	state_place_init(&p);
	p.top_off = off;
	assert_int_equal(state_save(dir, doc, &p, &warn), 0);
	k = content_record(dir, doc);
	put_file(k, "yuedu-state 1\nkey zz\nlen 12\n");	/* no place */
	/* The path record still knows the place. */
	assert_int_equal(state_load(dir, doc, &q, &warn), 1);
	assert_null(warn);
	assert_int_equal(q.top_off, off);
	/* Saving what was restored keeps it, and mends the record. */
	assert_int_equal(state_save(dir, doc, &q, &warn), 0);
	put_file(k, "garbage\n");
	assert_int_equal(state_load(dir, doc, &q, &warn), 1);
	assert_int_equal(q.top_off, off);
	free(k);
	free(dir);
	doc_free(doc);
}

/* Run FN in a child that dies of SIGALRM after 5 s: 1 if it ended. */
static int
ends_in_time(void (*fn)(void))
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		alarm(5);
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void
load_and_save(void)
{
	struct doc *doc = open_doc();
	char *dir = xasprintf("%s/state", tmpdir), *warn;
	struct state_place q;

	state_load(dir, doc, &q, &warn);
	free(warn);
	q.top_off = 3;
	state_save(dir, doc, &q, &warn);
	free(warn);
	free(dir);
	doc_free(doc);
}

static void
test_fifo_record(void **st)
{
	struct doc *doc = open_doc();
	char *dir = xasprintf("%s/state", tmpdir), *warn, *k, *lock;
	struct state_place q;

	(void)st;
	mkdir(dir, 0700);
	k = content_record(dir, doc);
	assert_int_equal(mkfifo(k, 0600), 0);
	assert_int_equal(state_load(dir, doc, &q, &warn), -1);
	assert_non_null(strstr(warn, "not a regular file"));
	free(warn);
	/* Neither opening nor quitting hangs on it (nor on a FIFO lock). */
	lock = xasprintf("%s/lock", dir);
	assert_int_equal(mkfifo(lock, 0600), 0);
	assert_true(ends_in_time(load_and_save));
	free(lock);
	free(k);
	free(dir);
	doc_free(doc);
}

static void
test_big_record(void **st)
{
	struct doc *doc = open_doc();
	char *dir = xasprintf("%s/state", tmpdir), *warn, *k;
	struct state_place q;
	FILE *f;

	(void)st;
	mkdir(dir, 0700);
	k = content_record(dir, doc);
	f = fopen(k, "w");
	assert_non_null(f);
	fputs("yuedu-state 1\n", f);
	for (int i = 0; i < 200000; i++)
		fputs("pad 0 00\n", f);
	fputs("top 3 00\n", f);
	fclose(f);
	assert_int_equal(state_load(dir, doc, &q, &warn), -1);
	assert_non_null(strstr(warn, "too large"));
	assert_int_equal(q.top_off, 0);
	free(warn);
	free(k);
	free(dir);
	doc_free(doc);
}

static void
test_links_not_followed(void **st)
{
	struct doc *doc = open_doc();
	char *dir = xasprintf("%s/state", tmpdir), *warn, *k, *lock, *target;
	char *real;
	struct state_place p, q;
	struct stat sb;

	(void)st;
	mkdir(dir, 0700);
	/* A dangling link as the lock: its target is not created. */
	lock = xasprintf("%s/lock", dir);
	target = xasprintf("%s/made-by-yuedu", tmpdir);
	assert_int_equal(symlink(target, lock), 0);
	state_place_init(&p);
	p.top_off = 3;
	assert_int_equal(state_save(dir, doc, &p, &warn), 0);
	assert_int_not_equal(lstat(target, &sb), 0);
	/* A link as a record is not read through: a record elsewhere says
	 * line 2, the path record says offset 3. */
	k = content_record(dir, doc);
	real = xasprintf("%s/elsewhere", tmpdir);
	p.top_off = (size_t)(strstr(text, "第二章") - text);
	assert_int_equal(state_save(dir, doc, &p, &warn), 0);
	assert_int_equal(rename(k, real), 0);
	p.top_off = 3;
	assert_int_equal(state_save(dir, doc, &p, &warn), 0);
	assert_int_equal(unlink(k), 0);
	assert_int_equal(symlink(real, k), 0);
	assert_int_equal(state_load(dir, doc, &q, &warn), 1);
	assert_int_equal(q.top_off, 3);
	free(real);
	free(k);
	free(target);
	free(lock);
	free(dir);
	doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_corrupt_content_record,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_fifo_record, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_big_record, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_links_not_followed,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
