/*
 * Shared by the unit tests that need files: a temporary directory that a
 * test's setup makes and its teardown removes, and files written into it.
 * Include after <cmocka.h> and "yuedu/util.h".
 */
#ifndef YUEDU_TESTUTIL_H
#define YUEDU_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char tmpdir[64];

/* Make the temporary directory (in a setup function). */
static inline void
tmpdir_make(void)
{
	strcpy(tmpdir, "/tmp/yuedu-test-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
}

/* Remove it and all it holds (in a teardown function). */
static inline void
tmpdir_remove(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* The usual cmocka setup and teardown around the two. */
static inline int
tmpdir_setup(void **st)
{
	(void)st;
	tmpdir_make();
	return 0;
}

static inline int
tmpdir_teardown(void **st)
{
	(void)st;
	tmpdir_remove();
	return 0;
}

/* Write LEN bytes of DATA to tmpdir/NAME; the path (caller frees). */
static inline char *
tmpdir_write(const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

#endif
