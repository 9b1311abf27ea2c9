/*
 * The background job: it builds the outline, the reading time of each
 * section and the line count, and a cancelled job gives nothing back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/job.h"

static const char text[] =
    "# 第一章\n"
    "天下大勢，分久必合，合久必分。\n"
    "# 第二章\n"
    "話說天下。\n";

static void
test_job_builds_outline(void **st)
{
	struct doc *d = doc_new_mem(text, strlen(text), "t.md");
	struct outline_opts oo;
	struct job_result r;
	struct job *j;

	(void)st;
	memset(&oo, 0, sizeof oo);
	j = job_start(d, &oo);
	job_finish(j, &r);
	assert_false(r.cancelled);
	assert_non_null(r.ol);
	assert_int_equal(r.ol->n, 2);
	assert_non_null(r.rt);
	assert_true(r.rt[0].chars >= 14);
	assert_int_equal(r.total_lines, 4);
	outline_free(r.ol);
	free(r.rt);
	free(r.err);
	doc_free(d);
}

static void
test_job_cancelled(void **st)
{
	struct doc *d = doc_new_mem(text, strlen(text), "t.md");
	struct outline_opts oo;
	struct job_result r;
	struct job *j;

	(void)st;
	memset(&oo, 0, sizeof oo);
	j = job_start(d, &oo);
	job_cancel(j);
	job_finish(j, &r);
	assert_true(r.cancelled);
	assert_null(r.ol);
	assert_null(r.rt);
	assert_int_equal(r.total_lines, 0);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_job_builds_outline),
		cmocka_unit_test(test_job_cancelled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
