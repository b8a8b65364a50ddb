/* test_staff.c — the staff view: PIN, wrong tries and the lock, idle close,
 * reload and pages; its screens keep the layout rules at five sizes. */
#include "test_layout_fixture.h"

#include "staff.h"

#define PIN "2580"

static void type(staff *st, const char *digits, uint64_t now)
{
    for (const char *d = digits; *d; d++)
        staff_key_tap(st, (staff_key)(STAFF_KEY_0 + (*d - '0')), PIN, now);
}

static void test_staff_pin_opens_view(void **state)
{
    (void)state;
    staff st;
    staff_init(&st);
    assert_int_equal(staff_request(&st, NULL, 0), 0);      /* no pin: off */
    assert_int_equal(st.mode, STAFF_CLOSED);
    assert_true(staff_request(&st, PIN, 0) & STAFF_OUT_CHANGED);
    assert_int_equal(st.mode, STAFF_PIN);
    type(&st, "25", 10);
    assert_int_equal(st.nentered, 2);
    staff_key_tap(&st, STAFF_KEY_CLEAR, PIN, 20);
    assert_int_equal(st.nentered, 0);
    type(&st, PIN, 30);
    assert_int_equal(st.mode, STAFF_VIEW);
    assert_int_equal(staff_key_tap(&st, STAFF_KEY_RELOAD, PIN, 40), STAFF_OUT_RELOAD);
    assert_true(staff_key_tap(&st, STAFF_KEY_CLOSE, PIN, 50) & STAFF_OUT_CLOSED);
    assert_int_equal(st.mode, STAFF_CLOSED);
}

static void test_staff_three_wrong_lock_a_minute(void **state)
{
    (void)state;
    staff st;
    staff_init(&st);
    staff_request(&st, PIN, 0);
    type(&st, "1111", 1);
    assert_int_equal(st.mode, STAFF_PIN);
    assert_true(st.show_wrong);
    type(&st, "2222", 2);
    int out = 0;
    for (const char *d = "3333"; *d; d++)
        out |= staff_key_tap(&st, (staff_key)(*d - '0'), PIN, 3);
    assert_true(out & STAFF_OUT_CLOSED);
    assert_int_equal(st.mode, STAFF_CLOSED);
    /* Locked: the long press does nothing for a minute, the right PIN or not. */
    assert_int_equal(staff_request(&st, PIN, 1000), 0);
    assert_int_equal(staff_request(&st, PIN, 3 + STAFF_LOCK_MS - 1), 0);
    staff_tick(&st, 60000, 3 + STAFF_LOCK_MS);
    assert_true(staff_request(&st, PIN, 3 + STAFF_LOCK_MS));
    type(&st, PIN, 4 + STAFF_LOCK_MS);
    assert_int_equal(st.mode, STAFF_VIEW);
}

/* Three wrong PINs at `now`: the pad opened, the tries typed. */
static int wrong_round(staff *st, uint64_t now)
{
    if (!staff_request(st, PIN, now))
        return 0;
    type(st, "1111", now);
    type(st, "2222", now);
    type(st, "3333", now);
    return st->mode == STAFF_CLOSED && st->locked;
}

static void test_staff_lock_grows_each_round(void **state)
{
    (void)state;
    staff st;
    staff_init(&st);
    const uint64_t minutes[] = { 1, 5, 15, 60, 240, 240 };
    uint64_t now = 10;
    for (int r = 0; r < 6; r++) {
        assert_true(wrong_round(&st, now));
        uint64_t len = minutes[r] * 60000;
        assert_int_equal(st.locked_until, now + len);
        assert_int_equal(staff_request(&st, PIN, now + len - 1), 0);
        assert_int_equal(staff_request_usb(&st, PIN, now + len - 1), 0);
        now += len;
    }
    /* The right PIN ends the growth: the next round is a minute again. */
    assert_true(staff_request(&st, PIN, now));
    type(&st, PIN, now);
    assert_int_equal(st.mode, STAFF_VIEW);
    staff_key_tap(&st, STAFF_KEY_CLOSE, PIN, now);
    assert_true(wrong_round(&st, now));
    assert_int_equal(st.locked_until, now + STAFF_LOCK_MS);
    /* A wrong PIN, then the right one: the tries start again from none. */
    now += STAFF_LOCK_MS;
    staff_request(&st, PIN, now);
    type(&st, "1111", now);
    assert_int_equal(st.wrong, 1);
    type(&st, PIN, now);
    assert_int_equal(st.wrong, 0);
    assert_int_equal(st.rounds, 0);
}

/* The kiosk restarted (a crash, a power cut, someone pulling the plug to
 * guess on): a new staff with another monotonic clock reads the record. */
static void test_staff_restart_keeps_lock(void **state)
{
    (void)state;
    staff st, again;
    char rec[STAFF_LOCK_TEXT_BYTES];
    staff_init(&st);
    wrong_round(&st, 1000);
    staff_key_tap(&st, STAFF_KEY_CANCEL, PIN, 1000);
    assert_true(wrong_round(&st, 1000 + STAFF_LOCK_MS));   /* round 2: 5 min */
    unsigned before = st.lock_changed;
    uint64_t t = 1000 + STAFF_LOCK_MS + 60000;             /* a minute into it */
    int64_t wall = 1700000000000LL;
    assert_true(staff_lock_format(&st, t, wall, rec, sizeof rec) > 0);
    assert_true(before > 0);
    staff_init(&again);
    assert_int_equal(staff_lock_parse(&again, rec, 5, wall + 1000), 0);
    assert_true(again.locked);
    assert_int_equal(again.locked_until, 5 + 4 * 60000 - 1000);
    assert_int_equal(staff_request(&again, PIN, 5 + 4 * 60000 - 1001), 0);
    assert_true(staff_request(&again, PIN, 5 + 4 * 60000 - 1000));
    /* The rounds came along: the next lock is 15 minutes. */
    staff_key_tap(&again, STAFF_KEY_CANCEL, PIN, 300000);
    assert_true(wrong_round(&again, 300000));
    assert_int_equal(again.locked_until, 300000 + 15 * 60000);
    /* Two wrong PINs before the restart still count: one more locks. */
    staff_init(&st);
    staff_request(&st, PIN, 0);
    type(&st, "1111", 0);
    type(&st, "2222", 0);
    staff_lock_format(&st, 0, wall, rec, sizeof rec);
    staff_init(&again);
    staff_lock_parse(&again, rec, 0, wall);
    assert_false(again.locked);
    staff_request(&again, PIN, 1);
    type(&again, "3333", 1);
    assert_true(again.locked);
}

static void test_staff_lock_clock_set_back(void **state)
{
    (void)state;
    staff st;
    char rec[STAFF_LOCK_TEXT_BYTES];
    staff_init(&st);
    wrong_round(&st, 0);
    int64_t wall = 1700000000000LL;
    staff_lock_format(&st, 0, wall, rec, sizeof rec);
    /* The Pi came back a day early: the lock is still one minute, no more. */
    staff_init(&st);
    staff_lock_parse(&st, rec, 0, wall - 86400000LL);
    assert_int_equal(st.locked_until, STAFF_LOCK_MS);
    /* Long over after the restart: not locked, but the round is kept. */
    staff_init(&st);
    staff_lock_parse(&st, rec, 0, wall + 2 * STAFF_LOCK_MS);
    assert_false(st.locked);
    assert_int_equal(st.rounds, 1);
}

static void test_staff_lock_record_garbled(void **state)
{
    (void)state;
    staff st;
    staff_init(&st);
    assert_int_equal(staff_lock_parse(&st, "", 0, 0), -1);
    assert_int_equal(staff_lock_parse(&st, "wrong 9\nrounds 1\nlocked_until_ms 5\n", 0, 0), -1);
    assert_int_equal(staff_lock_parse(&st, "wrong 1\nrounds -3\nlocked_until_ms 5\n", 0, 0), -1);
    assert_int_equal(staff_lock_parse(&st, "wrong 1\nrounds", 0, 0), -1);
    assert_int_equal(staff_lock_parse(&st, NULL, 0, 0), -1);
    assert_false(st.locked);
    assert_int_equal(st.wrong, 0);
}

static void test_staff_pin_for_usb(void **state)
{
    (void)state;
    staff st;
    staff_init(&st);
    assert_int_equal(staff_request_usb(&st, NULL, 0), 0);   /* no pin: no import */
    assert_true(staff_request_usb(&st, PIN, 0));
    assert_int_equal(st.purpose, STAFF_FOR_USB);
    int out = 0;
    for (const char *d = PIN; *d; d++)
        out |= staff_key_tap(&st, (staff_key)(*d - '0'), PIN, 1);
    assert_true(out & STAFF_OUT_USB_OK);
    assert_true(out & STAFF_OUT_CLOSED);
    assert_int_equal(st.mode, STAFF_CLOSED);   /* never the staff view */
    /* Cancel: nothing to import. */
    staff_request_usb(&st, PIN, 2);
    out = staff_key_tap(&st, STAFF_KEY_CANCEL, PIN, 3);
    assert_false(out & STAFF_OUT_USB_OK);
    /* The long press afterwards opens the staff view as before. */
    staff_request(&st, PIN, 4);
    assert_int_equal(st.purpose, STAFF_FOR_VIEW);
}

static void test_staff_cancel_and_idle(void **state)
{
    (void)state;
    staff st;
    staff_init(&st);
    staff_request(&st, PIN, 0);
    assert_true(staff_key_tap(&st, STAFF_KEY_CANCEL, PIN, 5) & STAFF_OUT_CLOSED);
    staff_request(&st, PIN, 100);
    type(&st, PIN, 200);
    assert_int_equal(staff_next_deadline(&st, 60000), 200 + 60000);
    staff_touch(&st, 1000);
    assert_int_equal(staff_tick(&st, 60000, 60999), 0);
    assert_true(staff_tick(&st, 60000, 61000) & STAFF_OUT_CLOSED);
    assert_int_equal(st.mode, STAFF_CLOSED);
    assert_int_equal(staff_next_deadline(&st, 60000), NAV_NEVER);
}

static void test_staff_pages(void **state)
{
    (void)state;
    staff st;
    staff_init(&st);
    staff_request(&st, PIN, 0);
    type(&st, PIN, 1);
    staff_set_pages(&st, 3);
    assert_int_equal(staff_key_tap(&st, STAFF_KEY_PREV, PIN, 2), 0);
    staff_key_tap(&st, STAFF_KEY_NEXT, PIN, 3);
    staff_key_tap(&st, STAFF_KEY_NEXT, PIN, 4);
    assert_int_equal(st.page, 2);
    assert_int_equal(staff_key_tap(&st, STAFF_KEY_NEXT, PIN, 5), 0);
    staff_set_pages(&st, 1);   /* fewer problems after a reload */
    assert_int_equal(st.page, 0);
}

/* The screen's words, boxes joined by spaces, contain want. */
static int shows(const layout_screen *sc, const char *want)
{
    static char all[LAYOUT_MAX_TEXT * 2];
    size_t n = 0;
    for (int i = 0; i < sc->nbox; i++) {
        const layout_box *b = &sc->box[i];
        if (b->kind != BOX_TEXT || n + (size_t)b->len + 2 > sizeof all)
            continue;
        memcpy(all + n, b->text, (size_t)b->len);
        n += (size_t)b->len;
        all[n++] = ' ';
    }
    all[n] = 0;
    return strstr(all, want) != NULL;
}

static const char *const staff_labels[] = {
    "Staff view", "Staff PIN", "Wrong PIN, try again", "Clear", "Cancel",
    "Reload now", "Close", "Network address", "none (no network)", "Version"
};

static const char *const usb_labels[] = {
    "Stick", "Topics", "Pictures", "Problems found", "Import", "Locked for now",
    "Imported, now on screen", "Not imported, nothing changed", "It has errors",
    "Taken out too soon", "Could not write", "Importing, keep the stick in"
};

static content_snapshot *staff_snapshot(void)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 10; i++)
        s->settings.label[LABEL_STAFF_TITLE + i] = staff_labels[i];
    for (int i = 0; i < 12; i++)
        s->settings.label[LABEL_USB_TITLE + i] = usb_labels[i];
    return s;
}

/* Which keys a screen has, as a bit set. */
static unsigned keys_on(const layout_screen *sc)
{
    unsigned k = 0;
    for (int i = 0; i < sc->nbox; i++)
        if (sc->box[i].action == ACT_TOPIC)
            k |= 1u << sc->box[i].arg;
    return k;
}

static void test_staff_pin_screen(void **state)
{
    (void)state;
    content_snapshot *s = staff_snapshot();
    static layout_screen sc;
    staff st;
    staff_init(&st);
    staff_request(&st, PIN, 0);
    type(&st, "12", 1);
    st.show_wrong = 1;
    for (int z = 0; z < 5; z++) {
        int w = fx_sizes[z][0], h = fx_sizes[z][1];
        staff_pin_view pv = staff_pin_view_of(&st);
        layout_staff_pin(&sc, s, &fx_metrics, w, h, &pv);
        fx_check_screen(&sc, s, "PIN pad");
        assert_int_equal(keys_on(&sc), (1u << 12) - 1);   /* digits, Clear, Cancel */
        assert_true(shows(&sc, "Staff PIN"));
        assert_true(shows(&sc, "Wrong PIN"));
        /* Every key answers where it is drawn. */
        for (int i = 0; i < sc.nbox; i++) {
            const layout_box *b = &sc.box[i];
            if (b->action == ACT_TOPIC)
                assert_int_equal(staff_hit(&sc, b->x + b->w / 2, b->y + b->h / 2), b->arg);
        }
        assert_int_equal(staff_hit(&sc, 1, 1), STAFF_KEY_NONE);
    }
    fx_free(s);
}

static void test_staff_view_screen(void **state)
{
    (void)state;
    content_snapshot *s = staff_snapshot();
    static layout_screen sc;
    static char status[16384];
    int n = snprintf(status, sizeof status, "On screen: the content of this folder.\n"
                     "Since: Tue 14 May 10:32\n\n3 errors:\n");
    for (int i = 0; i < 60; i++)
        n += snprintf(status + n, sizeof status - (size_t)n, "%02d-topic.md:%d: this "
                      "line is not valid text (UTF-8); save the file as UTF-8\n", i, i + 1);
    staff_info info = { status, "192.168.1.20, fd00::20", "0.1.0", NULL };
    for (int z = 0; z < 5; z++) {
        int w = fx_sizes[z][0], h = fx_sizes[z][1];
        int pages = layout_staff_view(&sc, s, &fx_metrics, w, h, &info, 0);
        fx_check_screen(&sc, s, "staff view");
        assert_true(pages > 1);
        assert_true(shows(&sc, "192.168.1.20"));
        assert_true(shows(&sc, "0.1.0"));
        assert_true(shows(&sc, "Since"));
        unsigned k = keys_on(&sc);
        assert_true(k & (1u << STAFF_KEY_RELOAD));
        assert_true(k & (1u << STAFF_KEY_CLOSE));
        assert_true(k & (1u << STAFF_KEY_NEXT));
        assert_false(k & (1u << STAFF_KEY_PREV));
        /* Every problem line is on some page, the last one included. */
        int found = 0;
        for (int p = 0; p < pages; p++) {
            layout_staff_view(&sc, s, &fx_metrics, w, h, &info, p);
            fx_check_screen(&sc, s, "staff view page");
            found |= shows(&sc, "59-topic.md:60:");
        }
        assert_true(found);
        assert_true(keys_on(&sc) & (1u << STAFF_KEY_PREV));
        /* No network: the label says so; few lines: one page, no paging keys. */
        staff_info none = { "No problems found.\n", "", "0.1.0", NULL };
        assert_int_equal(layout_staff_view(&sc, s, &fx_metrics, w, h, &none, 0), 1);
        assert_true(shows(&sc, "none (no network)"));
        assert_false(keys_on(&sc) & ((1u << STAFF_KEY_PREV) | (1u << STAFF_KEY_NEXT)));
    }
    fx_free(s);
}

/* The stick's offer and the result: inside the screen at every size, the
 * right keys, and a file name with a newline shown escaped on one line. */
static void test_usb_screens(void **state)
{
    (void)state;
    content_snapshot *s = staff_snapshot();
    static layout_screen sc;
    assert_true(usb_labels_present(&s->settings));
    const char *probs = "kiosk/20-a\\nfake line.md:3: this line is not valid text\n"
                        "Not copied: kiosk/run.sh (only kiosk.ini, .md and images)\n";
    usb_screen offer = { USB_OFFER, 1, 8, 3, 0, 0, LABEL_COUNT, probs, 0 };
    usb_screen bad = { USB_OFFER, 0, 2, 0, 0, 0, LABEL_COUNT, probs, 0 };
    usb_screen locked = { USB_OFFER, 1, 8, 3, 1, 0, LABEL_COUNT, "", 0 };
    usb_screen done = { USB_RESULT, 0, 0, 0, 0, 1, LABEL_COUNT, "", 0 };
    usb_screen gone = { USB_RESULT, 0, 0, 0, 0, 0, LABEL_USB_GONE, "", 0 };
    usb_screen busy = { USB_OFFER, 1, 8, 3, 0, 0, LABEL_COUNT, probs, 1 };
    for (int z = 0; z < 5; z++) {
        int w = fx_sizes[z][0], h = fx_sizes[z][1];
        layout_usb_screen(&sc, s, &fx_metrics, w, h, &offer);
        fx_check_screen(&sc, s, "usb offer");
        assert_int_equal(keys_on(&sc), (1u << STAFF_KEY_IMPORT) | (1u << STAFF_KEY_CANCEL));
        assert_true(shows(&sc, "Topics: 8"));
        assert_true(shows(&sc, "Pictures: 3"));
        assert_true(shows(&sc, "Problems found"));
        assert_true(shows(&sc, "fake line.md:3:"));
        layout_usb_screen(&sc, s, &fx_metrics, w, h, &bad);
        fx_check_screen(&sc, s, "usb offer with errors");
        assert_int_equal(keys_on(&sc), 1u << STAFF_KEY_CANCEL);   /* no Import */
        assert_true(shows(&sc, "It has errors"));
        layout_usb_screen(&sc, s, &fx_metrics, w, h, &locked);
        assert_int_equal(keys_on(&sc), 1u << STAFF_KEY_CANCEL);
        assert_true(shows(&sc, "Locked for now"));
        /* Importing: said, and no key to tap until it is done. */
        layout_usb_screen(&sc, s, &fx_metrics, w, h, &busy);
        fx_check_screen(&sc, s, "usb importing");
        assert_int_equal(keys_on(&sc), 0);
        assert_true(shows(&sc, "Importing, keep the stick in"));
        assert_true(shows(&sc, "Topics: 8"));
        layout_usb_screen(&sc, s, &fx_metrics, w, h, &done);
        fx_check_screen(&sc, s, "usb imported");
        assert_int_equal(keys_on(&sc), 1u << STAFF_KEY_CLOSE);
        assert_true(shows(&sc, "Imported, now on screen"));
        layout_usb_screen(&sc, s, &fx_metrics, w, h, &gone);
        assert_true(shows(&sc, "Not imported, nothing"));
        assert_true(shows(&sc, "Taken out too soon"));
    }
    s->settings.label[LABEL_USB_IMPORTING] = NULL;   /* kiosk.ini from before it */
    assert_false(usb_labels_present(&s->settings));
    s->settings.label[LABEL_USB_GONE] = NULL;   /* content from before the labels */
    assert_false(usb_labels_present(&s->settings));
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_staff_pin_opens_view),
        cmocka_unit_test(test_staff_three_wrong_lock_a_minute),
        cmocka_unit_test(test_staff_lock_grows_each_round),
        cmocka_unit_test(test_staff_restart_keeps_lock),
        cmocka_unit_test(test_staff_lock_clock_set_back),
        cmocka_unit_test(test_staff_lock_record_garbled),
        cmocka_unit_test(test_staff_pin_for_usb),
        cmocka_unit_test(test_staff_cancel_and_idle),
        cmocka_unit_test(test_staff_pages),
        cmocka_unit_test(test_staff_pin_screen),
        cmocka_unit_test(test_staff_view_screen),
        cmocka_unit_test(test_usb_screens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
