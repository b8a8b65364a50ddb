/* test_content_syncthing.c — what Syncthing leaves in the content folder:
 * its temporary files (half a file, dot-named or ~syncthing~), its
 * .stfolder/.stversions folders and .stignore are never content; a
 * conflict copy (NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT) is never
 * shown, and staff read which file it belongs to and what to do. */
#include "test_content_util.h"

#include "status.h"

static const char half_topic[] = "# Half\n\n## A card cut off in the mid";

static void test_content_syncthing_half_temp_files_ignored(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    /* Syncthing writes the new version beside the file, then renames it. */
    tu_write(".syncthing.20-b.md.tmp", half_topic);
    tu_write("~syncthing~20-b.md.tmp", half_topic);
    tu_write(".syncthing.kiosk.ini.tmp", "[spa\nname = ");
    tu_write(".stignore", "~$*\n*.swp\n");
    mkdir(tu_path(".stfolder"), 0755);
    mkdir(tu_path(".stversions"), 0755);
    tu_write(".stversions/10-a~20261202-051500.md", half_topic);
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->ntopics, 1);
    content_free(s);
}

static void test_content_syncthing_conflict_copy_not_shown(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    /* Broken on purpose: were it read, it would be an error. */
    tu_write_n("10-a.sync-conflict-20261202-051500-ABCDEF7.md", "\xff\0junk", 6);
    content_snapshot *s = tu_load();
    assert_int_equal(s->ntopics, 1);
    assert_int_equal(s->nerrors, 0);
    assert_int_equal(s->nwarnings, 1);
    tu_expect(s, DIAG_WARNING, "10-a.sync-conflict-20261202-051500-ABCDEF7.md", 0,
              "not shown", "Syncthing", "10-a.md", "two computers", "compare",
              "delete this copy");
    assert_true(content_usable(s));
    content_free(s);
}

static void test_content_syncthing_conflict_copy_of_settings(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    tu_write("kiosk.sync-conflict-20261202-051500-ABCDEF7.ini", "[nonsense\n");
    content_snapshot *s = tu_load();
    assert_int_equal(s->nwarnings, 1);
    tu_expect(s, DIAG_WARNING, "kiosk.sync-conflict-20261202-051500-ABCDEF7.ini", 0,
              "kiosk.ini", "delete this copy");
    assert_true(content_usable(s));
    content_free(s);
}

/* Conflict copies of files that are not content are mentioned all the
 * same (a picture's, one without an extension): they pile up otherwise. */
static void test_content_syncthing_conflict_copy_of_other_files(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    tu_write("logo.sync-conflict-20261202-051500-ABCDEF7.png", "\x89PNG");
    tu_write("notes.sync-conflict-20261202-051500-ABCDEF7", "x");
    content_snapshot *s = tu_load();
    assert_int_equal(s->nwarnings, 2);
    tu_expect(s, DIAG_WARNING, "logo.sync-conflict-20261202-051500-ABCDEF7.png", 0,
              "logo.png", "delete this copy");
    tu_expect(s, DIAG_WARNING, "notes.sync-conflict-20261202-051500-ABCDEF7", 0,
              "because notes was changed");
    content_free(s);
}

/* Two kiosks that both send STATUS.txt: nothing to compare, only delete. */
static void test_content_syncthing_conflict_copy_of_status(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    tu_write("STATUS.sync-conflict-20261202-051500-ABCDEF7.txt", "Kiosk status.\n");
    content_snapshot *s = tu_load();
    assert_int_equal(s->nwarnings, 1);
    tu_expect(s, DIAG_WARNING, "STATUS.sync-conflict-20261202-051500-ABCDEF7.txt", 0,
              "old STATUS.txt", "delete this copy");
    content_free(s);
}

/* Names that only look like a conflict copy are what they are. */
static void test_content_syncthing_look_alikes_are_topics(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    tu_write("20-sync-conflict-help.md", "# B\n\nText.\n");
    tu_write("30-c.sync-conflict-2026-05.md", "# C\n\nText.\n");
    tu_write("40-d.sync-conflict-20261202-051500-.md", "# D\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->ntopics, 4);
    content_free(s);
}

/* The warning reaches STATUS.txt as a line of its own, file first. */
static void test_content_syncthing_conflict_in_status_text(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    tu_write("10-a.sync-conflict-20261202-051500-ABCDEF7.md", "# A\n\nOther.\n");
    content_snapshot *s = tu_load();
    status_report r = { .showing = STATUS_FRESH, .shown = s, .current = s };
    char text[4096];
    assert_true(status_format(&r, text, sizeof text) < sizeof text);
    assert_non_null(strstr(text, "\n10-a.sync-conflict-20261202-051500-ABCDEF7.md: "
                                 "not shown: a copy Syncthing kept because 10-a.md"));
    content_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_content_syncthing_half_temp_files_ignored),
        T(test_content_syncthing_conflict_copy_not_shown),
        T(test_content_syncthing_conflict_copy_of_settings),
        T(test_content_syncthing_conflict_copy_of_other_files),
        T(test_content_syncthing_conflict_copy_of_status),
        T(test_content_syncthing_look_alikes_are_topics),
        T(test_content_syncthing_conflict_in_status_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
