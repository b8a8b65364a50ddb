/* test_status.c — STATUS.txt as staff read it: what is on screen, since when,
 * the summary, every problem as file:line:, the USB import; never cut badly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "test_fake_fs.h"

/* A snapshot built by hand: status only reads counts and diagnostics. */
static content_snapshot *snap(int ntopics, int ncards, int nimages)
{
    content_snapshot *s = calloc(1, sizeof *s);
    s->ntopics = ntopics;
    s->ncards = ncards;
    s->nimages = nimages;
    return s;
}

static content_diag diags[] = {
    { DIAG_ERROR, "20-symptoms.md", 14,
      "this line is not valid text (UTF-8); save the file as UTF-8" },
    { DIAG_WARNING, "30-causes.md", 3,
      "a table is not supported here; it is shown as plain text" },
    { DIAG_ERROR, "kiosk.ini", 0, "the settings file is missing; copy it back" },
};

static void with_diags(content_snapshot *s)
{
    s->diags = diags;
    s->ndiags = 3;
    s->nerrors = 2;
    s->nwarnings = 1;
}

static char *format(const status_report *r)
{
    size_t n = status_format(r, NULL, 0);
    char *buf = malloc(n + 1);
    assert_int_equal(status_format(r, buf, n + 1), n);
    assert_int_equal(strlen(buf), n);
    return buf;
}

static void has(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("missing \"%s\" in:\n%s", part, text);
}

static void test_status_fresh(void **state)
{
    content_snapshot *s = snap(8, 42, 1);
    status_report r = { STATUS_FRESH, "Tue 14 May 2024 10:32", NULL,
                        "Tue 14 May 2024 10:32", s, s, NULL, NULL, "0.1.0", NULL };
    char *t = format(&r);
    has(t, "On screen: the content of this folder, as it is now.");
    has(t, "Since: Tue 14 May 2024 10:32\n");
    has(t, "Showing: 8 topics, 42 cards, 1 image.\n");
    has(t, "No problems found.");
    has(t, "Kiosk version 0.1.0");
    assert_null(strstr(t, "USB"));
    free(t);
    free(s);
}

static void test_status_last_good_lists_problems(void **state)
{
    content_snapshot *shown = snap(8, 42, 1), *cur = snap(7, 30, 1);
    with_diags(cur);
    status_report r = { STATUS_LAST_GOOD, "Tue 14 May 2024 10:32",
                        "Mon 13 May 2024 09:10", "Tue 14 May 2024 10:40",
                        shown, cur, NULL, NULL, NULL, NULL };
    char *t = format(&r);
    has(t, "the last good content, saved Mon 13 May 2024 09:10, because");
    has(t, "Showing: 8 topics, 42 cards, 1 image.");
    has(t, "Files checked: Tue 14 May 2024 10:40");
    has(t, "2 errors - content with errors is not shown:\n");
    /* Each problem on a line of its own, starting with file:line:. */
    has(t, "\n20-symptoms.md:14: this line is not valid text (UTF-8); save the file as UTF-8\n");
    has(t, "\nkiosk.ini: the settings file is missing; copy it back\n");
    has(t, "1 warning - shown anyway");
    has(t, "\n30-causes.md:3: a table is not supported here");
    /* Errors before warnings. */
    assert_true(strstr(t, "20-symptoms.md:14") < strstr(t, "30-causes.md:3"));
    free(t);
    free(shown);
    free(cur);
}

static void test_status_nothing_valid(void **state)
{
    content_snapshot *cur = snap(0, 0, 0);
    with_diags(cur);
    status_report r = { STATUS_NOTHING, "Tue 14 May 2024 10:32", NULL, NULL,
                        NULL, cur, NULL, NULL, NULL, NULL };
    char *t = format(&r);
    has(t, "only the spa's name");
    has(t, "Showing: the spa's name only.");
    has(t, "20-symptoms.md:14:");
    free(t);
    free(cur);
}

static void test_status_partial_and_hidden_problems(void **state)
{
    content_snapshot *cur = snap(3, 10, 0);
    with_diags(cur);
    cur->nerrors = 250;   /* more than were kept */
    cur->nhidden = 248;
    status_report r = { STATUS_PARTIAL, NULL, NULL, NULL, cur, cur, NULL, NULL, NULL, NULL };
    char *t = format(&r);
    has(t, "only the topics of this folder that have no problems");
    has(t, "Showing: 3 topics, 10 cards, 0 images.");
    has(t, "(248 more problems not listed: fix the ones above first)");
    assert_null(strstr(t, "Since:"));
    free(t);
    free(cur);
}

static void test_status_usb_and_backup(void **state)
{
    content_snapshot *s = snap(1, 1, 0);
    status_report r = { STATUS_FRESH, "now", NULL, NULL, s, s,
                        "the backup copy could not be saved because the disk is full",
                        "Tue 14 May 2024 10:30: USB stick imported: 8 topics, 42 cards, 1 images.",
                        NULL, NULL };
    char *t = format(&r);
    has(t, "Showing: 1 topic, 1 card, 0 images.");
    has(t, "Backup copy: the backup copy could not be saved because the disk is full.\n");
    has(t, "Last USB stick import:\nTue 14 May 2024 10:30: USB stick imported");
    assert_int_equal(t[strlen(t) - 1], '\n');
    free(t);
    free(s);
}

/* A small buffer gets what fits, NUL-terminated; the return says how much
 * the whole text needs. */
static void test_status_small_buffer(void **state)
{
    content_snapshot *s = snap(1, 1, 0);
    with_diags(s);
    status_report r = { STATUS_LAST_GOOD, "now", "then", "now", s, s, NULL, NULL, NULL, NULL };
    size_t need = status_format(&r, NULL, 0);
    char small[40];
    memset(small, 'x', sizeof small);
    assert_int_equal(status_format(&r, small, sizeof small), need);
    assert_int_equal(strlen(small), sizeof small - 1);
    char *full = format(&r);
    assert_memory_equal(small, full, sizeof small - 1);
    free(full);
    free(s);
}

/* STATE/usb-import.txt through a fake fs: control bytes do not reach staff. */
static const char *usb_text;

static fs_status usb_read(void *ctx, const char *dir, const char *rel, char *buf,
                          size_t cap, size_t *len, size_t *total)
{
    if (!usb_text || strcmp(dir, "state") || strcmp(rel, STATUS_USB_FILE))
        return FS_NOT_FOUND;
    size_t n = strlen(usb_text);
    return fake_fs_give(usb_text, n, n, buf, cap, len, total);
}

static void test_status_read_usb(void **state)
{
    kiosk_fs fs = { NULL, NULL, usb_read, NULL, NULL };
    char buf[64];
    usb_text = NULL;
    assert_false(status_read_usb(&fs, "state", buf, sizeof buf));
    assert_string_equal(buf, "");
    usb_text = "imported\x1b[31m ok\nline two\n";
    assert_true(status_read_usb(&fs, "state", buf, sizeof buf));
    assert_string_equal(buf, "imported [31m ok\nline two\n");
    char tiny[8];
    assert_true(status_read_usb(&fs, "state", tiny, sizeof tiny));
    assert_string_equal(tiny, "importe");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_fresh),
        cmocka_unit_test(test_status_last_good_lists_problems),
        cmocka_unit_test(test_status_nothing_valid),
        cmocka_unit_test(test_status_partial_and_hidden_problems),
        cmocka_unit_test(test_status_usb_and_backup),
        cmocka_unit_test(test_status_small_buffer),
        cmocka_unit_test(test_status_read_usb),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
