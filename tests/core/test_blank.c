/* test_blank.c — the screen schedule's decision with explicit clocks: dark
 * outside opening hours, woken by a touch for idle_timeout, kept awake past
 * closing for a visitor still reading, and when to look at the clock again. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "blank.h"
#include "test_week_fixture.h"

#define T0 5000000u            /* the monotonic clock does not start at 0 */
#define IDLE_S 60

/* Mon-Sat 09:00-21:00, Sunday closed; idle_timeout 60 s. */
static content_settings spa_week(void)
{
    content_settings s;
    memset(&s, 0, sizeof s);
    s.idle_timeout_s = IDLE_S;
    s.has_hours = 1;
    for (int d = MON; d <= SAT; d++) {
        s.hours[d].open_min = HM(9, 0);
        s.hours[d].close_min = HM(21, 0);
    }
    return s;
}

static void test_blank_no_hours_never_dark(void **state)
{
    content_settings s;
    memset(&s, 0, sizeof s);
    blank_state b;
    blank_init(&b);
    for (int d = 0; d < 7; d++)
        for (int m = 0; m < SCHEDULE_MINUTES_PER_DAY; m += 7)
            assert_false(blank_is_dark(&b, &s, at(d, m), T0));
    assert_int_equal(blank_next_check_ms(&b, &s, at(MON, 0), 0, T0), BLANK_RECHECK_MS);
}

static void test_blank_dark_outside_hours_from_the_start(void **state)
{
    content_settings s = spa_week();
    blank_state b;
    blank_init(&b);
    /* started at night: dark at once, not idle_timeout later */
    assert_true(blank_is_dark(&b, &s, at(TUE, HM(3, 0)), 0));
    assert_true(blank_is_dark(&b, &s, at(SUN, HM(12, 0)), T0));
    assert_false(blank_is_dark(&b, &s, at(TUE, HM(9, 0)), T0));
    assert_false(blank_is_dark(&b, &s, at(TUE, HM(20, 59)), T0));
    assert_true(blank_is_dark(&b, &s, at(TUE, HM(21, 0)), T0));
}

static void test_blank_touch_wakes_for_idle_timeout(void **state)
{
    content_settings s = spa_week();
    blank_state b;
    blank_init(&b);
    schedule_time night = at(WED, HM(23, 30));
    blank_touch(&b, T0);
    assert_false(blank_is_dark(&b, &s, night, T0));
    assert_int_equal(blank_next_check_ms(&b, &s, night, 0, T0), BLANK_RECHECK_MS);
    assert_int_equal(blank_next_check_ms(&b, &s, night, 0, T0 + 20000), 40000);
    /* each touch starts the wait again */
    blank_touch(&b, T0 + 50000);
    assert_false(blank_is_dark(&b, &s, night, T0 + 109999));
    assert_int_equal(blank_next_check_ms(&b, &s, night, 0, T0 + 109999), 1);
    assert_true(blank_is_dark(&b, &s, night, T0 + 110000));
    /* dark again: the next look is the minute's re-check */
    assert_int_equal(blank_next_check_ms(&b, &s, night, 0, T0 + 110000), BLANK_RECHECK_MS);
}

static void test_blank_visitor_reading_at_closing_time(void **state)
{
    content_settings s = spa_week();
    blank_state b;
    blank_init(&b);
    blank_touch(&b, T0);                      /* 20:59:50, reading */
    assert_false(blank_is_dark(&b, &s, at(FRI, HM(21, 0)), T0 + 10000));
    assert_false(blank_is_dark(&b, &s, at(FRI, HM(21, 0)), T0 + 59999));
    assert_true(blank_is_dark(&b, &s, at(FRI, HM(21, 1)), T0 + 60000));
}

static void test_blank_next_check_meets_the_edges(void **state)
{
    content_settings s = spa_week();
    blank_state b;
    blank_init(&b);
    /* 08:59:30: opening in 30 s */
    assert_int_equal(blank_next_check_ms(&b, &s, at(MON, HM(8, 59)), 30000, T0), 30000);
    /* 20:59:59.5: closing in half a second */
    assert_int_equal(blank_next_check_ms(&b, &s, at(SAT, HM(20, 59)), 59500, T0), 500);
    /* Saturday night to Monday morning: still looks every minute */
    assert_int_equal(blank_next_check_ms(&b, &s, at(SAT, HM(22, 0)), 0, T0),
                     BLANK_RECHECK_MS);
    /* a leap second (tm_sec 60) past the edge minute: no wait of 0 */
    assert_true(blank_next_check_ms(&b, &s, at(MON, HM(8, 59)), 60500, T0) >= 1);
}

static void test_blank_every_day_closed(void **state)
{
    content_settings s;
    memset(&s, 0, sizeof s);
    s.has_hours = 1;                          /* every day "closed" */
    s.idle_timeout_s = 15;
    blank_state b;
    blank_init(&b);
    for (int d = 0; d < 7; d++)
        assert_true(blank_is_dark(&b, &s, at(d, HM(12, 0)), T0));
    blank_touch(&b, T0);
    assert_false(blank_is_dark(&b, &s, at(MON, HM(12, 0)), T0 + 14999));
    assert_true(blank_is_dark(&b, &s, at(MON, HM(12, 0)), T0 + 15000));
    assert_int_equal(blank_next_check_ms(&b, &s, at(MON, HM(12, 0)), 0, T0 + 15000),
                     BLANK_RECHECK_MS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blank_no_hours_never_dark),
        cmocka_unit_test(test_blank_dark_outside_hours_from_the_start),
        cmocka_unit_test(test_blank_touch_wakes_for_idle_timeout),
        cmocka_unit_test(test_blank_visitor_reading_at_closing_time),
        cmocka_unit_test(test_blank_next_check_meets_the_edges),
        cmocka_unit_test(test_blank_every_day_closed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
