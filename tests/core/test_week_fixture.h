/* test_week_fixture.h — days and times of a week for the opening-hours tests
 * (schedule, blank): at(MON, HM(9, 0)) is Monday 09:00. */
#ifndef KIOSK_TEST_WEEK_FIXTURE_H
#define KIOSK_TEST_WEEK_FIXTURE_H

#include "schedule.h"

enum { SUN, MON, TUE, WED, THU, FRI, SAT };
#define HM(h, m) ((h) * 60 + (m))

static inline schedule_time at(int weekday, int minute)
{
    schedule_time t = { weekday, minute };
    return t;
}

#endif
