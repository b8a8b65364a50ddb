/* test_live.c — the live-content rules (live.h), one case per rule, each
 * named after what goes wrong: snapshots loaded from a fake in-memory
 * folder with good, half-broken and broken files, and the screen's view
 * given as a value instead of a clock. */
#include "test_content_util.h"

#include "lastgood.h"
#include "live.h"

/* The fake folder: kiosk.ini and two topics, each good or broken. */
typedef struct fake_folder {
    const char *a, *b;       /* 10-a.md and 20-b.md */
    const char *ini;         /* NULL: tu_good_ini */
} fake_folder;

#define GOOD_A "# Alpha\n\nWarm water and quiet.\n"
#define GOOD_B "# Beta\n\nTowels at the desk.\n"
#define EDIT_B "# Beta\n\nTowels at the front desk.\n"
/* A Latin-1 save: not UTF-8, an error, so the topic is left out. */
#define BROKEN "# Gamma\n\nCaf\xe9 au lait.\n"

static fs_status fake_list(void *ctx, const char *dir,
                           void (*each)(void *u, const char *name), void *u)
{
    (void)ctx, (void)dir;
    each(u, "kiosk.ini");
    each(u, "10-a.md");
    each(u, "20-b.md");
    return FS_OK;
}

static fs_status fake_read(void *ctx, const char *dir, const char *rel, char *buf,
                           size_t cap, size_t *len, size_t *total)
{
    const fake_folder *f = ctx;
    (void)dir;
    const char *d = !strcmp(rel, "kiosk.ini") ? (f->ini ? f->ini : tu_good_ini)
                    : !strcmp(rel, "10-a.md") ? f->a
                    : !strcmp(rel, "20-b.md") ? f->b : NULL;
    if (!d)
        return FS_NOT_FOUND;
    size_t n = strlen(d);
    *len = n < cap ? n : cap;
    memcpy(buf, d, *len);
    *total = n;
    return FS_OK;
}

static content_snapshot *folder_ini(const char *a, const char *b, const char *ini)
{
    fake_folder f = { a, b, ini };
    kiosk_fs fs = { &f, fake_list, fake_read, NULL, NULL };
    return tu_load_fs(&fs, "content");
}

static content_snapshot *folder(const char *a, const char *b)
{
    return folder_ini(a, b, NULL);
}

/* The loader's answer for snapshot s, request seq; saved: LG_OK or why
 * the copy was not saved (asked only when usable, as run_live.c does). */
static live_load load_of(const content_snapshot *s, unsigned seq, lastgood_status saved)
{
    live_load ld = { s, seq, content_usable(s), 1, saved };
    return ld;
}

/* The load of s (request seq) comes in while view is on screen, shown on
 * screen and current the load before. */
static live_take_out take(live_state *st, const content_snapshot *s, unsigned seq,
                          lastgood_status saved, const content_snapshot *shown,
                          const content_snapshot *current, nav_view view)
{
    live_load ld = load_of(s, seq, saved);
    live_snaps sn = { shown, current };
    return live_take(st, &ld, &sn, view);
}

/* content_free for each snapshot given, up to a NULL. */
static void free_all(content_snapshot *s, ...)
{
    va_list ap;
    va_start(ap, s);
    for (; s; s = va_arg(ap, content_snapshot *))
        content_free(s);
    va_end(ap);
}

static const nav_view LOOP0 = { NAV_LOOP, 0, 0, 0 };
static const nav_view TOPIC_B1 = { NAV_TOPIC, 0, 1, 1 };

/* The screen as nav would say: view, in the middle of a transition or not. */
static nav_state screen(nav_view v, int fading)
{
    nav_state ns;
    memset(&ns, 0, sizeof ns);
    ns.view = v;
    ns.tr.active = fading;
    ns.progress = fading ? 0.5f : 1.0f;
    return ns;
}

/* A kiosk started on the good folder, its start-up save (seq 1) in. */
static content_snapshot *started_good(live_state *st)
{
    content_snapshot *s = folder(GOOD_A, GOOD_B);
    live_init(st, 1);
    assert_false(live_start_wants_saved(st, s));
    assert_ptr_equal(live_start(st, s, NULL), s);
    assert_true(live_start_save_wanted(st));
    st->startup_seq = 1;
    assert_int_equal(take(st, s, 1, LG_OK, s, s, LOOP0).action, LIVE_KEEP);
    return s;
}

static void test_live_start_reread_is_not_news(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st);
    assert_int_equal(st.showing, STATUS_FRESH);
    assert_int_equal(st.shown_seq, 1);
    assert_int_equal(st.saved_seq, 1);
    assert_false(st.pending);
    content_free(s);
}

static void test_live_good_edit_swaps_in_on_the_loop(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *e = folder(GOOD_A, EDIT_B);
    live_take_out d = take(&st, e, 2, LG_OK, s, s, LOOP0);
    assert_int_equal(d.action, LIVE_WAIT);
    assert_int_equal(st.pending_showing, STATUS_FRESH);
    assert_int_equal(st.pending_from, LIVE_FROM_FOLDER);
    nav_state ns = screen(LOOP0, 0);
    assert_true(live_swap_now(&st, &ns, 0));
    live_swap_out w = live_swapped(&st);
    assert_true(w.announce);
    assert_true(w.renew_since);
    assert_false(w.read_saved_at);
    assert_int_equal(st.showing, STATUS_FRESH);
    assert_int_equal(st.shown_seq, 2);
    assert_false(st.pending);
    free_all(s, e, NULL);
}

static void test_live_one_file_broken_never_good_shows_the_rest(void **state)
{
    (void)state;
    live_state st;
    live_init(&st, 1);
    content_snapshot *all = folder(BROKEN, BROKEN), *half = folder(BROKEN, GOOD_B);
    /* No saved copy either: the calm screen with the spa's name. */
    assert_true(live_start_wants_saved(&st, all));
    assert_ptr_equal(live_start(&st, all, NULL), all);
    assert_int_equal(st.showing, STATUS_NOTHING);
    assert_false(live_start_save_wanted(&st));
    /* One file fixed: its topic shows, the broken one stays out. */
    live_take_out d = take(&st, half, 2, LG_OK, all, all, LOOP0);
    assert_int_equal(d.action, LIVE_WAIT);
    assert_int_equal(st.pending_showing, STATUS_PARTIAL);
    assert_int_equal(st.saved_seq, 0);   /* never saved: not usable */
    assert_null(d.log_backup);
    nav_state ns = screen(LOOP0, 0);
    assert_true(live_swap_now(&st, &ns, 0));
    assert_true(live_swapped(&st).announce);
    assert_int_equal(st.showing, STATUS_PARTIAL);
    free_all(all, half, NULL);
}

static void test_live_all_files_broken_keeps_last_good(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *bad = folder(BROKEN, BROKEN);
    live_take_out d = take(&st, bad, 2, LG_OK, s, s, TOPIC_B1);
    assert_int_equal(d.action, LIVE_HOLD);
    assert_false(st.pending);
    assert_int_equal(st.showing, STATUS_LAST_GOOD);
    assert_true(d.read_saved_at);
    assert_false(d.same_problems);
    /* Broken again, the same way: nothing changes, the list is not repeated. */
    content_snapshot *bad2 = folder(BROKEN, BROKEN);
    d = take(&st, bad2, 3, LG_OK, s, bad, TOPIC_B1);
    assert_int_equal(d.action, LIVE_HOLD);
    assert_true(d.same_problems);
    assert_false(d.read_saved_at);
    assert_false(d.pictures_from_saved);
    free_all(s, bad, bad2, NULL);
}

static void test_live_broken_at_start_shows_saved_copy(void **state)
{
    (void)state;
    live_state st;
    live_init(&st, 1);
    content_snapshot *bad = folder(BROKEN, GOOD_B), *saved = folder(GOOD_A, GOOD_B);
    assert_true(live_start_wants_saved(&st, bad));
    assert_ptr_equal(live_start(&st, bad, saved), saved);
    assert_int_equal(st.showing, STATUS_LAST_GOOD);
    assert_int_equal(st.shown_from, LIVE_FROM_SAVED_COPY);
    assert_false(live_start_save_wanted(&st));
    /* A saved copy that is itself broken is not shown: what is valid is. */
    live_init(&st, 1);
    assert_ptr_equal(live_start(&st, bad, bad), bad);
    assert_int_equal(st.showing, STATUS_PARTIAL);
    assert_int_equal(st.shown_from, LIVE_FROM_FOLDER);
    /* No state folder: none is asked for. */
    live_init(&st, 0);
    assert_false(live_start_wants_saved(&st, bad));
    free_all(bad, saved, NULL);
}

static void test_live_folder_breaks_pictures_from_saved_copy(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *bad = folder(BROKEN, GOOD_B);
    assert_int_equal(st.shown_from, LIVE_FROM_FOLDER);
    live_take_out d = take(&st, bad, 2, LG_OK, s, s, LOOP0);
    /* The copy saved of load 1 is what is on screen: its pictures are safe. */
    assert_true(d.pictures_from_saved);
    assert_int_equal(st.shown_from, LIVE_FROM_SAVED_COPY);
    free_all(s, bad, NULL);
}

static void test_live_save_failed_pictures_stay_in_folder(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *e = folder(GOOD_A, EDIT_B);
    content_snapshot *e2 = folder(GOOD_A, EDIT_B), *bad = folder(BROKEN, BROKEN);
    /* The edit shows, but the disk is full: the saved copy is still load 1. */
    live_take_out d = take(&st, e, 2, LG_FULL, s, s, LOOP0);
    assert_string_equal(d.log_backup, lastgood_message(LG_FULL));
    nav_state ns = screen(LOOP0, 0);
    assert_true(live_swap_now(&st, &ns, 0));
    live_swapped(&st);
    /* Full again: STATUS.txt still says so, the journal heard it once. */
    d = take(&st, e2, 3, LG_FULL, e, e, LOOP0);
    assert_null(d.log_backup);
    assert_string_equal(st.backup_note, lastgood_message(LG_FULL));
    live_swapped(&st);
    /* Now broken: the saved copy is not what is shown; the folder it is. */
    d = take(&st, bad, 4, LG_OK, e2, e2, LOOP0);
    assert_int_equal(d.action, LIVE_HOLD);
    assert_false(d.pictures_from_saved);
    assert_int_equal(st.shown_from, LIVE_FROM_FOLDER);
    assert_int_equal(st.showing, STATUS_LAST_GOOD);
    free_all(s, e, e2, bad, NULL);
}

static void test_live_folder_breaks_while_edit_waits(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *e = folder(GOOD_A, EDIT_B);
    content_snapshot *bad = folder(BROKEN, BROKEN);
    take(&st, e, 2, LG_OK, s, s, TOPIC_B1);   /* a visitor reads: it waits */
    live_take_out d = take(&st, bad, 3, LG_OK, s, e, TOPIC_B1);
    assert_int_equal(d.action, LIVE_HOLD);
    /* The waiting edit is the last good now, its pictures in the saved copy. */
    assert_true(st.pending);
    assert_int_equal(st.pending_showing, STATUS_LAST_GOOD);
    assert_int_equal(st.pending_from, LIVE_FROM_SAVED_COPY);
    nav_state ns = screen(LOOP0, 1);
    assert_true(live_swap_now(&st, &ns, 0));   /* the visitor left */
    live_swap_out w = live_swapped(&st);
    assert_true(w.announce);
    assert_true(w.read_saved_at);
    assert_int_equal(st.showing, STATUS_LAST_GOOD);
    assert_int_equal(st.shown_from, LIVE_FROM_SAVED_COPY);
    free_all(s, e, bad, NULL);
}

static void test_live_swap_waits_while_visitor_reads(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *e = folder(GOOD_A, EDIT_B);
    take(&st, e, 2, LG_OK, s, s, TOPIC_B1);
    nav_state ns = screen(TOPIC_B1, 0);
    assert_false(live_swap_now(&st, &ns, 0));   /* the page being read */
    assert_true(live_swap_now(&st, &ns, 1));    /* the staff view covers it */
    ns = screen((nav_view){ NAV_TOPIC, 0, 1, 2 }, 1);
    assert_true(live_swap_now(&st, &ns, 0));    /* Next: the change goes with it */
    live_swapped(&st);
    ns = screen(LOOP0, 0);
    assert_false(live_swap_now(&st, &ns, 0));   /* nothing waits */
    free_all(s, e, NULL);
}

/* A contents screen is read like a page: the new content waits until the
 * visitor turns it, opens an entry or goes back. */
static void test_live_swap_waits_on_contents(void **state)
{
    (void)state;
    nav_view list = { NAV_CONTENTS, 2, 1, 0 };
    nav_state s = screen(list, 0);
    assert_false(live_swap_due(&s, list, 0));
    s = screen((nav_view){ NAV_CONTENTS, 2, 1, 1 }, 1);   /* Next contents screen */
    assert_true(live_swap_due(&s, list, 0));
    s = screen((nav_view){ NAV_TOPIC, 2, 1, 0 }, 1);      /* an entry, page 0 */
    assert_true(live_swap_due(&s, list, 0));
    s = screen((nav_view){ NAV_CONTENTS, 2, 2, 0 }, 1);   /* another topic's */
    assert_true(live_swap_due(&s, list, 0));
}

static void test_live_swap_rule(void **state)
{
    (void)state;
    nav_view loop2 = { NAV_LOOP, 2, 0, 0 }, topic = { NAV_TOPIC, 2, 1, 3 };
    nav_view menu = { NAV_MENU, 2, 0, 0 };
    nav_state s;
    /* The loop: at once, but not in the middle of a cross-fade. */
    s = screen(loop2, 0);
    assert_true(live_swap_due(&s, loop2, 0));
    s = screen(loop2, 1);
    assert_false(live_swap_due(&s, loop2, 0));
    /* A topic page being read: not until the visitor moves on. */
    s = screen(topic, 0);
    assert_false(live_swap_due(&s, topic, 0));
    s = screen((nav_view){ NAV_TOPIC, 2, 1, 4 }, 1);   /* Next tapped */
    assert_true(live_swap_due(&s, topic, 0));
    s = screen(menu, 0);
    assert_false(live_swap_due(&s, menu, 0));
    s = screen((nav_view){ NAV_TOPIC, 2, 0, 0 }, 1);   /* a tile opened */
    assert_true(live_swap_due(&s, menu, 0));
    s = screen((nav_view){ NAV_LOOP, 3, 0, 0 }, 1);    /* back to the loop */
    assert_true(live_swap_due(&s, topic, 0));
    /* The staff view covers the screen: nothing a visitor reads changes. */
    s = screen(topic, 0);
    assert_true(live_swap_due(&s, topic, 1));
}

static void test_live_edit_waiting_counts_as_shown(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *e = folder(GOOD_A, EDIT_B);
    take(&st, e, 2, LG_OK, s, s, TOPIC_B1);
    live_times t = { "start", "checked", "saved" };
    status_report r;
    live_report(&st, &t, s, e, e, &r);
    assert_ptr_equal(r.shown, e);
    assert_ptr_equal(r.current, e);
    assert_int_equal(r.showing, STATUS_FRESH);
    assert_string_equal(r.since, "checked");
    assert_null(r.saved_at);
    free_all(s, e, NULL);
}

/* The bug this module was made to fix: with errors on screen, every touch
 * of a file (a reload of the same text) said "new content on screen" again
 * and renewed "Since". It still swaps in (a picture may have been replaced
 * under its old name), quietly. */
static void test_live_touch_with_errors_on_screen_is_not_news(void **state)
{
    (void)state;
    live_state st;
    live_init(&st, 1);
    content_snapshot *s = folder(BROKEN, GOOD_B), *t = folder(BROKEN, GOOD_B);
    content_snapshot *e = folder(BROKEN, EDIT_B);
    live_start(&st, s, NULL);
    assert_int_equal(st.showing, STATUS_PARTIAL);
    live_take_out d = take(&st, t, 2, LG_OK, s, s, TOPIC_B1);
    assert_int_equal(d.action, LIVE_WAIT);
    assert_true(d.same_problems);
    live_times times = { "start", "touched", NULL };
    status_report r;
    live_report(&st, &times, s, t, t, &r);
    assert_string_equal(r.since, "start");
    nav_state ns = screen(LOOP0, 0);
    assert_true(live_swap_now(&st, &ns, 0));
    live_swap_out w = live_swapped(&st);
    assert_false(w.announce);
    assert_false(w.renew_since);
    /* The good topic edited, the errors still there: that is news. */
    d = take(&st, e, 3, LG_OK, t, t, LOOP0);
    assert_true(d.same_problems);
    live_report(&st, &times, t, e, e, &r);
    assert_string_equal(r.since, "touched");
    w = live_swapped(&st);
    assert_true(w.announce);
    assert_true(w.renew_since);
    free_all(s, t, e, NULL);
}

static void test_live_touch_with_good_content_is_not_news(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *t = folder(GOOD_A, GOOD_B);
    assert_int_equal(take(&st, t, 2, LG_OK, s, s, LOOP0).action, LIVE_WAIT);
    live_swap_out w = live_swapped(&st);
    assert_false(w.announce);
    assert_int_equal(st.shown_seq, 2);   /* the saved copy is this load */
    free_all(s, t, NULL);
}

static void test_live_errors_fixed_back_to_shown_is_news(void **state)
{
    (void)state;
    live_state st;
    content_snapshot *s = started_good(&st), *bad = folder(BROKEN, GOOD_B);
    content_snapshot *fixed = folder(GOOD_A, GOOD_B);
    take(&st, bad, 2, LG_OK, s, s, LOOP0);
    assert_int_equal(st.showing, STATUS_LAST_GOOD);
    /* The same words as on screen, but the folder is good again. */
    take(&st, fixed, 3, LG_OK, s, bad, LOOP0);
    live_swap_out w = live_swapped(&st);
    assert_true(w.announce);
    assert_int_equal(st.showing, STATUS_FRESH);
    assert_int_equal(st.shown_from, LIVE_FROM_FOLDER);
    free_all(s, bad, fixed, NULL);
}

static void test_live_same_content_one_word_or_label_changed(void **state)
{
    (void)state;
    char ini[sizeof tu_good_ini + 16];
    snprintf(ini, sizeof ini, "%s", tu_good_ini);
    memcpy(strstr(ini, "next = Next"), "next = Onwa", 11);
    content_snapshot *s = folder(GOOD_A, GOOD_B), *t = folder(GOOD_A, GOOD_B);
    content_snapshot *e = folder(GOOD_A, EDIT_B), *l = folder_ini(GOOD_A, GOOD_B, ini);
    content_snapshot *h = folder(BROKEN, GOOD_B);
    assert_true(live_same_content(s, t));
    assert_false(live_same_content(s, e));
    assert_false(live_same_content(s, l));
    assert_false(live_same_content(s, h));
    assert_false(live_same_content(s, NULL));
    free_all(s, t, e, l, h, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_live_start_reread_is_not_news),
        cmocka_unit_test(test_live_good_edit_swaps_in_on_the_loop),
        cmocka_unit_test(test_live_one_file_broken_never_good_shows_the_rest),
        cmocka_unit_test(test_live_all_files_broken_keeps_last_good),
        cmocka_unit_test(test_live_broken_at_start_shows_saved_copy),
        cmocka_unit_test(test_live_folder_breaks_pictures_from_saved_copy),
        cmocka_unit_test(test_live_save_failed_pictures_stay_in_folder),
        cmocka_unit_test(test_live_folder_breaks_while_edit_waits),
        cmocka_unit_test(test_live_swap_waits_while_visitor_reads),
        cmocka_unit_test(test_live_swap_rule),
        cmocka_unit_test(test_live_swap_waits_on_contents),
        cmocka_unit_test(test_live_edit_waiting_counts_as_shown),
        cmocka_unit_test(test_live_touch_with_errors_on_screen_is_not_news),
        cmocka_unit_test(test_live_touch_with_good_content_is_not_news),
        cmocka_unit_test(test_live_errors_fixed_back_to_shown_is_news),
        cmocka_unit_test(test_live_same_content_one_word_or_label_changed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
