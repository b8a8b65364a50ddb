/* test_content_diag.c — the diagnostics sink on its own, with no loader or
 * parser: a file over its share, an error when the share is full of
 * warnings, a list over KIOSK_MAX_DIAGS, problems reported out of order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_diag.h"

static content_snapshot *snap(void)
{
    content_snapshot *s = calloc(1, sizeof *s);
    assert_non_null(s);
    arena_init(&s->arena, 1u << 20);
    return s;
}

/* A sink over a fresh snapshot; content_diags_finish hands it the list. */
static content_diags sink(void)
{
    content_diags D;
    assert_int_equal(content_diags_init(&D, snap()), 0);
    return D;
}

static void done(content_diags *D)
{
    content_diags_fini(D);
    content_free(D->s);
}

static void test_diag_file_over_its_share(void **state)
{
    (void)state;
    content_diags D = sink();
    content_diags_file_begin(&D, "20-symptoms.md", 2);
    for (int i = 1; i <= KIOSK_MAX_DIAGS_PER_FILE + 4; i++)
        content_diags_add(&D, DIAG_WARNING, i, "problem %d", i);
    content_diags_file_end(&D);
    content_diags_finish(&D);
    content_snapshot *s = D.s;
    assert_int_equal(s->nwarnings, KIOSK_MAX_DIAGS_PER_FILE + 4);
    assert_int_equal(s->ndiags, KIOSK_MAX_DIAGS_PER_FILE + 1);
    assert_int_equal(s->nhidden, 4);
    assert_string_equal(s->diags[0].text, "problem 1");
    const content_diag *note = &s->diags[KIOSK_MAX_DIAGS_PER_FILE];
    assert_int_equal(note->line, 0);
    assert_int_equal(note->severity, DIAG_WARNING);
    assert_string_equal(note->text,
                        "...and 4 more problems in this file; fix the ones above first");
    done(&D);
}

static void test_diag_error_when_share_full_of_warnings(void **state)
{
    (void)state;
    content_diags D = sink();
    content_diags_file_begin(&D, "kiosk.ini", 1);
    for (int i = 1; i <= KIOSK_MAX_DIAGS_PER_FILE; i++)
        content_diags_add(&D, DIAG_WARNING, i, "warning %d", i);
    content_diags_add(&D, DIAG_ERROR, 99, "the error");
    content_diags_file_end(&D);
    content_diags_finish(&D);
    content_snapshot *s = D.s;
    assert_int_equal(s->nerrors, 1);
    /* The error is kept; the latest warning makes room and is counted. */
    int errors = 0, last_warning = 0;
    for (int i = 0; i < s->ndiags; i++) {
        if (s->diags[i].severity == DIAG_ERROR)
            errors++;
        if (!strcmp(s->diags[i].text, "warning 8"))
            last_warning = 1;
    }
    assert_int_equal(errors, 1);
    assert_false(last_warning);
    assert_string_equal(s->diags[s->ndiags - 1].text,
                        "...and 1 more problem in this file; fix the ones above first");
    done(&D);
}

static void test_diag_list_over_its_bound(void **state)
{
    (void)state;
    content_diags D = sink();
    char names[KIOSK_MAX_DIAGS + 50][16];
    for (int i = 0; i < KIOSK_MAX_DIAGS + 50; i++) {
        snprintf(names[i], sizeof names[i], "%03d-t.md", i);
        content_diags_file_begin(&D, names[i], 2 + i);
        content_diags_add(&D, DIAG_ERROR, 1, "error in %d", i);
        content_diags_file_end(&D);
    }
    content_diags_finish(&D);
    content_snapshot *s = D.s;
    assert_int_equal(s->nerrors, KIOSK_MAX_DIAGS + 50);
    assert_int_equal(s->ndiags, KIOSK_MAX_DIAGS);
    const content_diag *last = &s->diags[s->ndiags - 1];
    assert_string_equal(last->file, CONTENT_FOLDER);
    assert_int_equal(last->severity, DIAG_ERROR);
    assert_string_equal(last->text, "...and 51 more problems; fix the ones above first");
    assert_int_equal(s->nhidden, 51);
    done(&D);
}

static void test_diag_reported_out_of_order(void **state)
{
    (void)state;
    content_diags D = sink();
    content_diags_file_begin(&D, "30-causes.md", 3);
    content_diags_add(&D, DIAG_WARNING, 7, "c7");
    content_diags_add(&D, DIAG_ERROR, 2, "c2");
    content_diags_add(&D, DIAG_WARNING, 2, "c2 again");
    content_diags_file_begin(&D, "kiosk.ini", 1);
    content_diags_add(&D, DIAG_ERROR, 4, "ini");
    content_diags_file_begin(&D, CONTENT_FOLDER, 0);
    content_diags_add(&D, DIAG_ERROR, 0, "folder");
    content_diags_finish(&D);
    content_snapshot *s = D.s;
    const char *want[] = { "folder", "ini", "c2", "c2 again", "c7" };
    assert_int_equal(s->ndiags, 5);
    for (int i = 0; i < 5; i++)
        assert_string_equal(s->diags[i].text, want[i]);
    char line[128];
    content_diag_format(&s->diags[1], line, sizeof line);
    assert_string_equal(line, "kiosk.ini:4: ini");
    content_diag_format(&s->diags[0], line, sizeof line);
    assert_string_equal(line, CONTENT_FOLDER ": folder");
    done(&D);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diag_file_over_its_share),
        cmocka_unit_test(test_diag_error_when_share_full_of_warnings),
        cmocka_unit_test(test_diag_list_over_its_bound),
        cmocka_unit_test(test_diag_reported_out_of_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
