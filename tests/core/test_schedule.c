/* test_schedule.c — opening hours with an explicit clock: midnight, weekday
 * and week boundaries, closed days, no [hours], open around the clock. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "schedule.h"
#include "test_week_fixture.h"

#define DAY SCHEDULE_MINUTES_PER_DAY

/* [hours] present with every day closed; tests open the days they need. */
static content_settings closed_week(void)
{
    content_settings s;
    memset(&s, 0, sizeof s);
    s.has_hours = 1;
    return s;
}

static void set_day(content_settings *s, int day, int open_min, int close_min)
{
    s->hours[day].open_min = open_min;
    s->hours[day].close_min = close_min;
}

/* Mon-Sat 09:00-21:00, Sunday closed: the spa's ordinary week. */
static content_settings spa_week(void)
{
    content_settings s = closed_week();
    for (int d = MON; d <= SAT; d++)
        set_day(&s, d, HM(9, 0), HM(21, 0));
    return s;
}

static void test_schedule_no_hours_always_open(void **state)
{
    content_settings s;
    memset(&s, 0, sizeof s);
    for (int d = 0; d < 7; d++)
        for (int m = 0; m < DAY; m += 37)
            assert_true(schedule_is_open(&s, at(d, m)));
    assert_int_equal(schedule_next_change(&s, at(WED, HM(3, 0))), SCHEDULE_NEVER);
}

static void test_schedule_ordinary_day_edges(void **state)
{
    content_settings s = spa_week();
    assert_false(schedule_is_open(&s, at(MON, HM(8, 59))));
    assert_true(schedule_is_open(&s, at(MON, HM(9, 0))));
    assert_true(schedule_is_open(&s, at(MON, HM(20, 59))));
    assert_false(schedule_is_open(&s, at(MON, HM(21, 0))));   /* close is exclusive */
    assert_int_equal(schedule_next_change(&s, at(MON, HM(8, 59))), 1);
    assert_int_equal(schedule_next_change(&s, at(MON, HM(9, 0))), 12 * 60);
    assert_int_equal(schedule_next_change(&s, at(MON, HM(21, 0))), 12 * 60);
    assert_int_equal(schedule_next_change(&s, at(MON, 0)), HM(9, 0));
}

static void test_schedule_closed_day_skipped(void **state)
{
    content_settings s = spa_week();
    for (int m = 0; m < DAY; m += 13)
        assert_false(schedule_is_open(&s, at(SUN, m)));
    /* Saturday 21:00 -> Monday 09:00: 3 h + 24 h + 9 h. */
    assert_int_equal(schedule_next_change(&s, at(SAT, HM(21, 0))), 36 * 60);
    assert_int_equal(schedule_next_change(&s, at(SUN, HM(12, 0))), 21 * 60);
}

static void test_schedule_span_across_midnight(void **state)
{
    content_settings s = closed_week();
    set_day(&s, FRI, HM(18, 0), HM(2, 0));
    assert_false(schedule_is_open(&s, at(FRI, HM(1, 0))));    /* Thursday had no span */
    assert_true(schedule_is_open(&s, at(FRI, HM(23, 59))));
    assert_true(schedule_is_open(&s, at(SAT, 0)));            /* Friday's span goes on */
    assert_true(schedule_is_open(&s, at(SAT, HM(1, 59))));
    assert_false(schedule_is_open(&s, at(SAT, HM(2, 0))));
    assert_false(schedule_is_open(&s, at(SAT, HM(18, 30))));  /* Saturday is closed */
    assert_int_equal(schedule_next_change(&s, at(FRI, HM(23, 0))), 3 * 60);
    assert_int_equal(schedule_next_change(&s, at(SAT, HM(2, 0))), 6 * DAY + 16 * 60);
}

static void test_schedule_span_across_week_end(void **state)
{
    /* Saturday night runs into Sunday, and the week wraps to day 0. */
    content_settings s = closed_week();
    set_day(&s, SAT, HM(20, 0), HM(1, 30));
    assert_true(schedule_is_open(&s, at(SUN, HM(1, 0))));
    assert_false(schedule_is_open(&s, at(SUN, HM(1, 30))));
    assert_int_equal(schedule_next_change(&s, at(SUN, HM(1, 0))), 30);
    assert_int_equal(schedule_next_change(&s, at(SUN, HM(1, 30))),
                     6 * DAY + HM(18, 30));
}

static void test_schedule_close_at_midnight(void **state)
{
    /* 18:00-24:00 and 18:00-00:00 mean the same: open until midnight. */
    content_settings s = closed_week();
    set_day(&s, TUE, HM(18, 0), DAY);
    set_day(&s, WED, HM(18, 0), 0);
    assert_true(schedule_is_open(&s, at(TUE, HM(23, 59))));
    assert_false(schedule_is_open(&s, at(WED, 0)));
    assert_true(schedule_is_open(&s, at(WED, HM(23, 59))));
    assert_false(schedule_is_open(&s, at(THU, 0)));
    assert_int_equal(schedule_next_change(&s, at(TUE, HM(23, 0))), 60);
}

static void test_schedule_open_around_the_clock(void **state)
{
    content_settings s = closed_week();
    for (int d = 0; d < 7; d++)
        set_day(&s, d, 0, DAY);
    assert_true(schedule_is_open(&s, at(SUN, 0)));
    assert_true(schedule_is_open(&s, at(SAT, DAY - 1)));
    assert_int_equal(schedule_next_change(&s, at(THU, HM(12, 0))), SCHEDULE_NEVER);
}

static void test_schedule_adjoining_days_merge(void **state)
{
    /* Monday and Tuesday open all day: no change at Monday's midnight. */
    content_settings s = closed_week();
    set_day(&s, MON, 0, DAY);
    set_day(&s, TUE, 0, DAY);
    assert_int_equal(schedule_next_change(&s, at(MON, HM(6, 0))), 18 * 60 + DAY);
    /* A midnight span overlapping the next day's opening also just runs on. */
    s = closed_week();
    set_day(&s, MON, HM(20, 0), HM(10, 0));
    set_day(&s, TUE, HM(8, 0), HM(12, 0));
    assert_int_equal(schedule_next_change(&s, at(MON, HM(21, 0))), 3 * 60 + HM(12, 0));
}

static void test_schedule_every_day_closed(void **state)
{
    content_settings s = closed_week();
    assert_false(schedule_is_open(&s, at(MON, HM(12, 0))));
    assert_int_equal(schedule_next_change(&s, at(MON, HM(12, 0))), SCHEDULE_NEVER);
}

static void test_schedule_out_of_range_hours_are_closed(void **state)
{
    content_settings s = closed_week();
    set_day(&s, MON, -5, HM(10, 0));
    set_day(&s, TUE, HM(9, 0), DAY + 1);
    set_day(&s, WED, DAY, HM(3, 0));
    for (int d = 0; d < 7; d++)
        for (int m = 0; m < DAY; m += 7)
            assert_false(schedule_is_open(&s, at(d, m)));
}

static void test_schedule_time_folded_into_week(void **state)
{
    content_settings s = spa_week();
    /* Sunday minute 1440 + 540 is Monday 09:00; weekday 8 is Monday; -1 is Saturday. */
    assert_true(schedule_is_open(&s, at(SUN, DAY + HM(9, 0))));
    assert_true(schedule_is_open(&s, at(8, HM(9, 0))));
    assert_true(schedule_is_open(&s, at(-1, HM(10, 0))));
    assert_false(schedule_is_open(&s, at(MON, -1)));         /* Sunday 23:59 */
}

/* Brute force over the whole week: the change really comes after exactly
 * next_change minutes, and nothing changes before. */
static void check_against_scan(const content_settings *s)
{
    for (int m = 0; m < SCHEDULE_MINUTES_PER_WEEK; m += 11) {
        schedule_time t = at(m / DAY, m % DAY);
        int open = schedule_is_open(s, t);
        int n = schedule_next_change(s, t);
        int k = 1;
        while (k < SCHEDULE_MINUTES_PER_WEEK && schedule_is_open(s, at(0, m + k)) == open)
            k++;
        assert_int_equal(n, k < SCHEDULE_MINUTES_PER_WEEK ? k : SCHEDULE_NEVER);
    }
}

static void test_schedule_next_change_matches_scan(void **state)
{
    content_settings s = spa_week();
    check_against_scan(&s);
    set_day(&s, SUN, HM(22, 0), HM(3, 0));
    set_day(&s, FRI, HM(9, 0), HM(9, 0));
    set_day(&s, SAT, HM(10, 0), DAY);
    check_against_scan(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schedule_no_hours_always_open),
        cmocka_unit_test(test_schedule_ordinary_day_edges),
        cmocka_unit_test(test_schedule_closed_day_skipped),
        cmocka_unit_test(test_schedule_span_across_midnight),
        cmocka_unit_test(test_schedule_span_across_week_end),
        cmocka_unit_test(test_schedule_close_at_midnight),
        cmocka_unit_test(test_schedule_open_around_the_clock),
        cmocka_unit_test(test_schedule_adjoining_days_merge),
        cmocka_unit_test(test_schedule_every_day_closed),
        cmocka_unit_test(test_schedule_out_of_range_hours_are_closed),
        cmocka_unit_test(test_schedule_time_folded_into_week),
        cmocka_unit_test(test_schedule_next_change_matches_scan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
