/* test_visits.c — the visit counts on an explicit clock: what each change of
 * screen counts, day and hour boundaries, a month of simulated sessions,
 * the 400-day bound, names running out, and hostile or damaged state files
 * (wrong start, cut short, bad check sum, impossible dates) refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "visits.h"
#include "visits_file.h"

static visits V;   /* large: one, static */

static const visits_view LOOP = {VISITS_AT_LOOP, 0, 0}, MENU = {VISITS_AT_MENU, 0, 0},
                         CONTENTS = {VISITS_AT_CONTENTS, 0, 0};
static visits_view topic(int t, int p)
{
    return (visits_view){VISITS_AT_TOPIC, t, p};
}
static const visits_touch CLOCK = {0, ACT_NONE}, SWIPE = {1, ACT_NONE};
static visits_touch tap(layout_action a)
{
    return (visits_touch){1, a};
}

static visits_clock at(int32_t date, int hour, int minute)
{
    return (visits_clock){(uint64_t)visits_day_number(date) * 86400000u +
                              (uint64_t)(hour * 60 + minute) * 60000u,
                          date, hour};
}

static const char *names[] = {"welcome", "symptoms", "causes", "treatment"};
static const char *name_of(void *ctx, int t)
{
    return t >= 0 && t < 4 ? names[t] : NULL;
}

/* What the platform does after each nav call. */
static void step(visits_view a, visits_view b, visits_touch why, visits_clock c)
{
    unsigned ev = visits_classify(a, b, why);
    visits_count_events(&V, ev, ev & (VE_TOPIC | VE_PAGE) ? name_of(NULL, b.topic) : NULL, c);
}

static int setup(void **state)
{
    visits_init(&V);
    return 0;
}

/* ---- what a change of screen counts ---- */

static void test_classify_tap_on_loop_starts_session(void **state)
{
    assert_int_equal(visits_classify(LOOP, MENU, tap(ACT_OPEN_MENU)), VE_SESSION_START);
    /* nav hit-tests nothing on the loop: a tap and a swipe look the same */
    assert_int_equal(visits_classify(LOOP, MENU, SWIPE), VE_SESSION_START);
}

static void test_classify_tile_opens_topic_and_page(void **state)
{
    assert_int_equal(visits_classify(MENU, topic(2, 0), tap(ACT_TOPIC)), VE_TOPIC | VE_PAGE);
}

static void test_classify_buttons_and_swipes(void **state)
{
    assert_int_equal(visits_classify(topic(1, 0), topic(1, 1), tap(ACT_NEXT)),
                     VE_PAGE | VE_NEXT);
    assert_int_equal(visits_classify(topic(1, 1), topic(1, 0), tap(ACT_PREV)),
                     VE_PAGE | VE_PREVIOUS);
    assert_int_equal(visits_classify(topic(1, 1), topic(1, 2), SWIPE), VE_PAGE | VE_SWIPE);
    assert_int_equal(visits_classify(topic(1, 1), MENU, tap(ACT_BACK)), VE_BACK);
    assert_int_equal(visits_classify(topic(1, 1), MENU, tap(ACT_HOME)), VE_HOME);
    assert_int_equal(visits_classify(MENU, LOOP, tap(ACT_BACK)), VE_BACK | VE_SESSION_END);
}

static void test_classify_idle_return_ends_session_only(void **state)
{
    assert_int_equal(visits_classify(topic(1, 3), LOOP, CLOCK), VE_SESSION_END);
    /* the loop turning its pages is nobody */
    assert_int_equal(visits_classify((visits_view){VISITS_AT_LOOP, 1, 0},
                                     (visits_view){VISITS_AT_LOOP, 2, 0}, CLOCK), 0);
}

static void test_classify_contents_row(void **state)
{
    visits_view c3 = {VISITS_AT_CONTENTS, 3, 0}, c3b = {VISITS_AT_CONTENTS, 3, 1};
    assert_int_equal(visits_classify(CONTENTS, topic(3, 2), tap(ACT_ENTRY)),
                     VE_TOPIC | VE_PAGE | VE_ROW);
    /* the tile opens the topic on its contents: opened, no page read yet */
    assert_int_equal(visits_classify(MENU, c3, tap(ACT_TOPIC)), VE_TOPIC);
    /* a row of the topic's own contents: a page and a row, not a second opening */
    assert_int_equal(visits_classify(c3, topic(3, 2), tap(ACT_ENTRY)), VE_PAGE | VE_ROW);
    /* Back to the contents: a button, still the same topic */
    assert_int_equal(visits_classify(topic(3, 2), c3, tap(ACT_BACK)), VE_BACK);
    /* the contents paged by a swipe and by Next */
    assert_int_equal(visits_classify(c3, c3b, SWIPE), VE_SWIPE);
    assert_int_equal(visits_classify(c3, c3b, tap(ACT_NEXT)), VE_NEXT);
    assert_int_equal(visits_classify(c3, c3, SWIPE), 0);
}

static void test_classify_same_screen_counts_nothing(void **state)
{
    assert_int_equal(visits_classify(topic(1, 1), topic(1, 1), tap(ACT_NEXT)), 0);
    assert_int_equal(visits_classify(MENU, MENU, SWIPE), 0);
}

/* ---- counting over time ---- */

/* One visitor: loop, menu, topic t pages 0..np-1 by Next, back to the loop
 * by idle after `minutes`. */
static void session(int32_t date, int hour, int minute, int t, int np, int minutes)
{
    visits_clock c = at(date, hour, minute);
    visits_touch_down(&V, c);
    step(LOOP, MENU, tap(ACT_OPEN_MENU), c);
    visits_touch_down(&V, c);
    step(MENU, topic(t, 0), tap(ACT_TOPIC), c);
    for (int p = 1; p < np; p++) {
        visits_touch_down(&V, c);
        step(topic(t, p - 1), topic(t, p), tap(ACT_NEXT), c);
    }
    visits_clock end = c;
    end.mono_ms += (uint64_t)minutes * 60000u;
    step(topic(t, np - 1), LOOP, CLOCK, end);
}

static void test_session_counts_time_and_pages(void **state)
{
    session(20261202, 10, 5, 1, 3, 2);
    const visits_day *d = visits_day_of(&V, 20261202);
    assert_non_null(d);
    assert_int_equal(d->n[VC_SESSIONS], 1);
    assert_int_equal(d->n[VC_SECONDS], 120);
    assert_int_equal(d->n[VC_TOPICS], 1);
    assert_int_equal(d->n[VC_PAGES], 3);
    assert_int_equal(d->n[VC_NEXT], 2);
    assert_int_equal(d->n[VC_TOUCHES], 4);
    assert_int_equal(d->hour[10], 4);
    assert_string_equal(V.names[d->topic[0].name], "symptoms");
    assert_int_equal(d->topic[0].opened, 1);
    assert_int_equal(d->topic[0].pages, 3);
}

static void test_session_over_midnight_time_goes_to_new_day(void **state)
{
    visits_clock c = at(20261231, 23, 59);
    step(LOOP, MENU, tap(ACT_OPEN_MENU), c);
    visits_clock end = at(20270101, 0, 1);
    step(MENU, LOOP, CLOCK, end);
    assert_int_equal(visits_day_of(&V, 20261231)->n[VC_SESSIONS], 1);
    assert_int_equal(visits_day_of(&V, 20270101)->n[VC_SECONDS], 120);
    assert_int_equal(V.ndays, 2);
    assert_true(V.day[0].date < V.day[1].date);
}

static void test_flush_due_at_hour_boundary_not_during_session(void **state)
{
    visits_clock c = at(20261202, 9, 59);
    assert_false(visits_flush_due(&V, c));
    step(LOOP, MENU, tap(ACT_OPEN_MENU), c);
    visits_clock ten = at(20261202, 10, 0);
    assert_false(visits_flush_due(&V, c));       /* same hour */
    assert_false(visits_flush_due(&V, ten));     /* a visitor is at it */
    step(MENU, LOOP, CLOCK, ten);
    assert_true(visits_flush_due(&V, ten));
    visits_flushed(&V);
    assert_false(visits_flush_due(&V, at(20261202, 11, 0)));   /* nothing new */
    visits_touch_down(&V, at(20261202, 11, 0));
    assert_false(visits_flush_due(&V, at(20261202, 11, 59)));
    assert_true(visits_flush_due(&V, at(20261203, 0, 0)));     /* next day */
}

static void test_clock_set_back_finds_its_day(void **state)
{
    visits_touch_down(&V, at(20261205, 12, 0));
    visits_touch_down(&V, at(20261203, 12, 0));   /* the clock was wrong, then fixed */
    visits_touch_down(&V, at(20261205, 13, 0));
    assert_int_equal(V.ndays, 2);
    assert_int_equal(V.day[0].date, 20261203);
    assert_int_equal(V.day[1].n[VC_TOUCHES], 2);
}

static void test_impossible_clock_counts_nothing(void **state)
{
    visits_touch_down(&V, at(19700101, 0, 0));   /* a Pi with no clock yet */
    visits_clock bad = {0, 20261232, 10};
    visits_touch_down(&V, bad);
    bad = (visits_clock){0, 20261202, 24};
    visits_touch_down(&V, bad);
    assert_int_equal(V.ndays, 0);
    assert_false(V.dirty);
}

static void test_switches_counted(void **state)
{
    visits_switch(&V, VC_LANGUAGE, at(20261202, 10, 0));
    visits_switch(&V, VC_LARGE_TEXT, at(20261202, 10, 0));
    visits_switch(&V, VC_LARGE_TEXT, at(20261202, 10, 0));
    visits_switch(&V, VC_SESSIONS, at(20261202, 10, 0));   /* not a switch */
    const visits_day *d = visits_day_of(&V, 20261202);
    assert_int_equal(d->n[VC_LANGUAGE], 1);
    assert_int_equal(d->n[VC_LARGE_TEXT], 2);
    assert_int_equal(d->n[VC_SESSIONS], 0);
}

static void test_stop_mid_session_counts_its_time(void **state)
{
    step(LOOP, MENU, tap(ACT_OPEN_MENU), at(20261202, 10, 0));
    visits_end_session(&V, at(20261202, 10, 3));
    assert_int_equal(visits_day_of(&V, 20261202)->n[VC_SECONDS], 180);
    assert_false(V.in_session);
}

static void test_stuck_session_capped(void **state)
{
    step(LOOP, MENU, tap(ACT_OPEN_MENU), at(20261202, 8, 0));
    step(MENU, LOOP, CLOCK, at(20261202, 20, 0));
    assert_int_equal(visits_day_of(&V, 20261202)->n[VC_SECONDS],
                     VISITS_MAX_SESSION_MS / 1000);
}

/* A month: every day from 9 to 18, three visitors an hour reading topic
 * (day + hour) % 4 for 2 pages over 3 minutes. */
static void month(int32_t first, int days)
{
    int64_t d0 = visits_day_number(first);
    for (int d = 0; d < days; d++)
        for (int h = 9; h < 18; h++)
            for (int k = 0; k < 3; k++)
                session(visits_date_of(d0 + d), h, k * 15, (d + h) % 4, 2, 3);
}

static void test_month_of_sessions(void **state)
{
    month(20261101, 30);
    assert_int_equal(V.ndays, 30);
    assert_int_equal(V.day[0].date, 20261101);
    assert_int_equal(V.day[29].date, 20261130);
    uint32_t sessions = 0, seconds = 0, opened = 0;
    for (int i = 0; i < V.ndays; i++) {
        sessions += V.day[i].n[VC_SESSIONS];
        seconds += V.day[i].n[VC_SECONDS];
        assert_int_equal(V.day[i].hour[9], 3 * 3);
        assert_int_equal(V.day[i].hour[8], 0);
        for (int t = 0; t < VISITS_DAY_TOPICS; t++)
            opened += V.day[i].topic[t].opened;
    }
    assert_int_equal(sessions, 30 * 9 * 3);
    assert_int_equal(seconds, 30 * 9 * 3 * 180);
    assert_int_equal(opened, sessions);
    assert_int_equal(V.nnames, 4);
}

/* ---- the bound ---- */

static void test_401st_day_drops_the_oldest(void **state)
{
    int64_t d0 = visits_day_number(20250101);
    for (int d = 0; d <= VISITS_MAX_DAYS; d++)
        session(visits_date_of(d0 + d), 12, 0, d % 4, 1, 1);
    assert_int_equal(V.ndays, VISITS_MAX_DAYS);
    assert_int_equal(V.day[0].date, visits_date_of(d0 + 1));
    assert_int_equal(V.day[VISITS_MAX_DAYS - 1].date, visits_date_of(d0 + VISITS_MAX_DAYS));
    /* a day older than all kept is not worth a record */
    visits_touch_down(&V, at(20240101, 12, 0));
    assert_null(visits_day_of(&V, 20240101));
    static unsigned char buf[VISITS_MAX_FILE_BYTES];
    size_t n = visits_encode(&V, buf, sizeof buf);
    assert_true(n > 0 && n <= VISITS_MAX_FILE_BYTES);
    assert_true(VISITS_MAX_FILE_BYTES < 200 * 1000);
}

static void test_names_run_out_forgotten_ones_make_room(void **state)
{
    char name[32];
    /* 70 names, each on its own day: the first days drop out, then their names */
    int64_t d0 = visits_day_number(20250101);
    for (int i = 0; i < VISITS_MAX_NAMES + 6; i++) {
        snprintf(name, sizeof name, "topic-%d", i);
        visits_count_events(&V, VE_TOPIC | VE_PAGE, name, at(visits_date_of(d0 + i), 12, 0));
    }
    assert_int_equal(V.nnames, VISITS_MAX_NAMES);
    /* nothing is forgotten while every day is kept: the 65th counts in totals only */
    assert_int_equal(V.day[VISITS_MAX_NAMES].n[VC_TOPICS], 1);
    assert_int_equal(V.day[VISITS_MAX_NAMES].topic[0].name, VISITS_NO_NAME);
}

static void test_long_name_cut_at_a_character(void **state)
{
    char name[100];
    memset(name, 'a', sizeof name);
    memcpy(name + VISITS_NAME_BYTES - 2, "\xc3\xa9\xc3\xa9", 4);   /* é across the cut */
    name[99] = 0;
    visits_count_events(&V, VE_TOPIC, name, at(20261202, 12, 0));
    const char *kept = V.names[0];
    assert_int_equal(strlen(kept), VISITS_NAME_BYTES - 2);
}

/* ---- the file ---- */

static unsigned char fbuf[VISITS_MAX_FILE_BYTES + 16];
static visits W;

static void test_file_round_trip(void **state)
{
    month(20261101, 30);
    size_t n = visits_encode(&V, fbuf, sizeof fbuf);
    char why[128] = "";
    assert_int_equal(visits_decode(&W, fbuf, n, why, sizeof why), 0);
    assert_int_equal(W.ndays, V.ndays);
    assert_int_equal(W.nnames, V.nnames);
    assert_memory_equal(W.day, V.day, sizeof V.day[0] * (size_t)V.ndays);
}

static void refused(const unsigned char *buf, size_t n, const char *says)
{
    char why[160] = "";
    W.ndays = 7;
    assert_int_equal(visits_decode(&W, buf, n, why, sizeof why), -1);
    assert_int_equal(W.ndays, 0);
    if (!strstr(why, says))
        fail_msg("expected '%s' in '%s'", says, why);
}

/* Sets the check sum again after a change, as a hostile writer would. */
static void resum(unsigned char *buf, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i + 4 < n; i++) {
        c ^= buf[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    c = ~c;
    for (int i = 0; i < 4; i++)
        buf[n - 4 + (size_t)i] = (unsigned char)(c >> (8 * i));
}

static void test_hostile_files_refused(void **state)
{
    session(20261202, 10, 0, 1, 2, 1);
    size_t n = visits_encode(&V, fbuf, sizeof fbuf);
    refused((const unsigned char *)"hello", 5, "not a file of visit counts");
    refused(fbuf, n - 1, "shorter");
    refused(fbuf, n / 2, "shorter");
    unsigned char longer[VISITS_MAX_FILE_BYTES];
    memcpy(longer, fbuf, n);
    refused(longer, n + 10, "longer");
    fbuf[VISITS_HEAD_BYTES + 3] ^= 1;   /* a bit flipped on the card */
    refused(fbuf, n, "check sum");
    fbuf[VISITS_HEAD_BYTES + 3] ^= 1;
    /* claims a million days */
    unsigned char bad[VISITS_MAX_FILE_BYTES];
    memcpy(bad, fbuf, n);
    bad[16] = 0x40, bad[17] = 0x42, bad[18] = 0x0f;
    refused(bad, n, "more than the kiosk keeps");
    /* a good check sum over an impossible date */
    memcpy(bad, fbuf, n);
    size_t day = VISITS_HEAD_BYTES + (size_t)V.nnames * VISITS_NAME_BYTES;
    bad[day] = 0x99;
    resum(bad, n);
    refused(bad, n, "impossible date");
    /* a topic slot naming a name that is not there */
    memcpy(bad, fbuf, n);
    bad[day + 4 + 4 * VC_COUNT + 4 * 24] = 9;
    resum(bad, n);
    refused(bad, n, "impossible date or topic");
    /* a name with a control byte (it would break a CSV line) */
    memcpy(bad, fbuf, n);
    bad[VISITS_HEAD_BYTES] = '\n';
    resum(bad, n);
    refused(bad, n, "not readable");
    /* another version */
    memcpy(bad, fbuf, n);
    bad[8] = 2;
    refused(bad, n, "another version");
}

/* Random damage, 20000 times (half with the check sum set right again, as
 * a hostile writer would): refused, or read as something the kiosk keeps,
 * never a crash (run under ASan in CI). */
static void test_damaged_files_refused_or_sane(void **state)
{
    month(20261101, 20);
    size_t n = visits_encode(&V, fbuf, sizeof fbuf);
    static unsigned char bad[VISITS_MAX_FILE_BYTES];
    unsigned seed = 12345;
    int taken = 0;
    for (int round = 0; round < 20000; round++) {
        memcpy(bad, fbuf, n);
        for (int k = 0; k < 1 + round % 4; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % n;
            bad[at] = (unsigned char)(seed >> 3);
        }
        if (round % 2)
            resum(bad, n);
        seed = seed * 1103515245u + 12345u;
        size_t len = round % 7 ? n : (seed >> 8) % (n + 1);
        char why[160];
        if (visits_decode(&W, bad, len, why, sizeof why) != 0) {
            assert_int_equal(W.ndays, 0);
            continue;
        }
        taken++;
        assert_true(W.ndays <= VISITS_MAX_DAYS && W.nnames <= VISITS_MAX_NAMES);
        for (int i = 0; i < W.ndays; i++) {
            assert_true(visits_date_valid(W.day[i].date));
            assert_true(i == 0 || W.day[i - 1].date < W.day[i].date);
            for (int t = 0; t < VISITS_DAY_TOPICS; t++)
                assert_true(W.day[i].topic[t].name == VISITS_NO_NAME ||
                            W.day[i].topic[t].name < W.nnames);
        }
        static char csv[VISITS_TOPICS_CSV_BYTES];
        visits_topics_csv(&W, 0, csv, sizeof csv);   /* names fit a CSV line */
    }
    assert_true(taken > 0);   /* counts changed under a right sum are taken */
}

static char dir[64];

static int setup_dir(void **state)
{
    visits_init(&V);
    strcpy(dir, "/tmp/kiosk-visits-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void put(const char *name, const void *data, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(data, 1, n, f);
    fclose(f);
}

static void test_state_folder_save_load_and_bad_file_set_aside(void **state)
{
    char why[160] = "";
    assert_int_equal(visits_load(&W, dir, why, sizeof why), 0);   /* none yet */
    assert_int_equal(W.ndays, 0);
    month(20261101, 3);
    assert_int_equal(visits_save(&V, dir, fbuf, sizeof fbuf), 0);
    assert_int_equal(visits_load(&W, dir, why, sizeof why), 0);
    assert_int_equal(W.ndays, 3);
    put(VISITS_FILE, "garbage that is not counts", 26);
    assert_int_equal(visits_load(&W, dir, why, sizeof why), -1);
    assert_int_equal(W.ndays, 0);
    assert_int_equal(visits_set_aside(dir), 0);
    assert_int_equal(visits_load(&W, dir, why, sizeof why), 0);   /* afresh */
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, VISITS_FILE_BAD);
    assert_int_equal(access(path, F_OK), 0);
}

static void test_state_file_huge_refused_without_reading_it_all(void **state)
{
    static unsigned char big[VISITS_MAX_FILE_BYTES + 100];
    memset(big, 'K', sizeof big);
    put(VISITS_FILE, big, sizeof big);
    char why[160] = "";
    assert_int_equal(visits_load(&W, dir, why, sizeof why), -1);
    assert_non_null(strstr(why, "larger"));
}

/* ---- CSV ---- */

static void test_csv_rows(void **state)
{
    session(20261202, 10, 0, 1, 3, 2);
    session(20261202, 15, 0, 2, 1, 1);
    session(20261203, 9, 30, 1, 1, 1);
    static char csv[VISITS_DAYS_CSV_BYTES];
    size_t n = visits_days_csv(&V, 0, csv, sizeof csv);
    assert_true(n > 0);
    assert_non_null(strstr(csv, "date,sessions,minutes,topics opened,pages read,"
                                "contents rows,previous,next,back,home,swipes,"
                                "language switches,large text switches,touches,"
                                "touches 00-01,"));
    assert_non_null(strstr(csv, "\r\n2026-12-02,2,3.0,2,4,0,0,2,0,0,0,0,0,6,"
                                "0,0,0,0,0,0,0,0,0,0,4,0,0,0,0,2,0,0,0,0,0,0,0,0\r\n"));
    assert_non_null(strstr(csv, "\r\n2026-12-03,1,1.0,"));
    n = visits_days_csv(&V, 20261203, csv, sizeof csv);
    assert_null(strstr(csv, "2026-12-02"));
    static char tcsv[VISITS_TOPICS_CSV_BYTES];
    visits_topics_csv(&V, 0, tcsv, sizeof tcsv);
    assert_string_equal(tcsv, "date,topic,opened,pages read\r\n"
                              "2026-12-02,\"symptoms\",1,3\r\n"
                              "2026-12-02,\"causes\",1,1\r\n"
                              "2026-12-03,\"symptoms\",1,1\r\n");
    /* too small a buffer: nothing rather than half a table */
    assert_int_equal(visits_topics_csv(&V, 0, tcsv, 40), 0);
    assert_string_equal(tcsv, "");
}

static void test_report_names_known(void **state)
{
    assert_true(visits_report_name("VISITS-kiosk1.csv"));
    assert_true(visits_report_name("VISITS-kiosk1-topics.csv"));
    assert_true(visits_report_name("visits-kiosk1.sync-conflict-20261202-101010-ABCDEFG.csv"));
    assert_false(visits_report_name("10-visits.md"));
    assert_false(visits_report_name("VISITS.md"));
    assert_false(visits_report_name("prices.csv"));
}

static void test_chart_sums_days_in_range(void **state)
{
    session(20261130, 10, 0, 1, 3, 2);
    session(20261201, 10, 0, 2, 1, 1);
    session(20261202, 11, 0, 2, 2, 1);
    session(20261202, 12, 0, 2, 2, 1);
    static visits_chart ch;
    visits_chart_of(&V, 20261202, 2, &ch);
    assert_int_equal(ch.first, 20261201);
    assert_int_equal(ch.ndays, 2);
    assert_int_equal(ch.sessions[0], 1);
    assert_int_equal(ch.sessions[1], 2);
    assert_int_equal(ch.total[VC_SESSIONS], 3);
    assert_int_equal(ch.hour[11], 3);
    assert_int_equal(ch.hour[10], 2);
    assert_int_equal(ch.ntopics, 1);   /* symptoms was read on the 30th only */
    assert_string_equal(ch.topic[0].name, "causes");
    assert_int_equal(ch.topic[0].opened, 3);
    visits_chart_of(&V, 20261202, 5, &ch);
    assert_int_equal(ch.ntopics, 2);
    assert_string_equal(ch.topic[1].name, "symptoms");
    assert_int_equal(ch.sessions[2], 1);   /* 2026-11-30 */
}

static void test_calendar(void **state)
{
    assert_int_equal(visits_day_number(19700101), 0);
    assert_int_equal(visits_date_of(visits_day_number(20240229) + 1), 20240301);
    assert_int_equal(visits_date_of(visits_day_number(20261231) + 1), 20270101);
    assert_true(visits_date_valid(20240229));
    assert_false(visits_date_valid(20230229));
    assert_false(visits_date_valid(19991231));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, setup)
#define D(f) cmocka_unit_test_setup_teardown(f, setup_dir, teardown_dir)
    const struct CMUnitTest tests[] = {
        T(test_classify_tap_on_loop_starts_session),
        T(test_classify_tile_opens_topic_and_page),
        T(test_classify_buttons_and_swipes),
        T(test_classify_idle_return_ends_session_only),
        T(test_classify_contents_row),
        T(test_classify_same_screen_counts_nothing),
        T(test_session_counts_time_and_pages),
        T(test_session_over_midnight_time_goes_to_new_day),
        T(test_flush_due_at_hour_boundary_not_during_session),
        T(test_clock_set_back_finds_its_day),
        T(test_impossible_clock_counts_nothing),
        T(test_switches_counted),
        T(test_stop_mid_session_counts_its_time),
        T(test_stuck_session_capped),
        T(test_month_of_sessions),
        T(test_401st_day_drops_the_oldest),
        T(test_names_run_out_forgotten_ones_make_room),
        T(test_long_name_cut_at_a_character),
        T(test_file_round_trip),
        T(test_hostile_files_refused),
        T(test_damaged_files_refused_or_sane),
        D(test_state_folder_save_load_and_bad_file_set_aside),
        D(test_state_file_huge_refused_without_reading_it_all),
        T(test_csv_rows),
        T(test_report_names_known),
        T(test_chart_sums_days_in_range),
        T(test_calendar),
    };
#undef T
#undef D
    return cmocka_run_group_tests(tests, NULL, NULL);
}
