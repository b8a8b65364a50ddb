/* schedule.c — opening hours over a week of minutes: open now?, next change. */
#include "schedule.h"

/* One day's opening as a span of week minutes [start, start + len).
 * len 0 means closed that day. */
typedef struct schedule_span { int start, len; } schedule_span;

/* Folds any minute count into 0..SCHEDULE_MINUTES_PER_WEEK-1. */
static int week_mod(long m)
{
    long r = m % SCHEDULE_MINUTES_PER_WEEK;
    return (int)(r < 0 ? r + SCHEDULE_MINUTES_PER_WEEK : r);
}

static int week_minute(schedule_time t)
{
    return week_mod((long)t.weekday * SCHEDULE_MINUTES_PER_DAY + t.minute);
}

/* The parser already checks hours; values out of range here are treated as
 * a closed day rather than trusted, so a bad struct cannot open the screen
 * at 3 am or make a span longer than a week. */
static schedule_span day_span(const content_hours *h, int day)
{
    schedule_span sp = { day * SCHEDULE_MINUTES_PER_DAY, 0 };
    int o = h->open_min, c = h->close_min;
    if (o < 0 || o >= SCHEDULE_MINUTES_PER_DAY || c < 0 || c > SCHEDULE_MINUTES_PER_DAY)
        return sp;
    sp.start += o;
    if (c > o)
        sp.len = c - o;
    else if (c < o)        /* crosses midnight: runs into the next day */
        sp.len = SCHEDULE_MINUTES_PER_DAY - o + c;
    return sp;
}

static int span_holds(schedule_span sp, int m)
{
    return sp.len > 0 && week_mod((long)m - sp.start) < sp.len;
}

static int open_at(const content_settings *s, int m)
{
    if (!s->has_hours)
        return 1;
    for (int d = 0; d < 7; d++)
        if (span_holds(day_span(&s->hours[d], d), m))
            return 1;
    return 0;
}

int schedule_is_open(const content_settings *s, schedule_time t)
{
    return open_at(s, week_minute(t));
}

/* Openness only changes at a span's start or end, so the answer is the
 * nearest such edge whose state differs from now: every nearer edge leaves
 * the state as it is. */
int schedule_next_change(const content_settings *s, schedule_time t)
{
    if (!s->has_hours)
        return SCHEDULE_NEVER;
    int now = week_minute(t);
    int open_now = open_at(s, now);
    int best = SCHEDULE_NEVER;
    for (int d = 0; d < 7; d++) {
        schedule_span sp = day_span(&s->hours[d], d);
        if (sp.len == 0)
            continue;
        int edges[2] = { week_mod(sp.start), week_mod((long)sp.start + sp.len) };
        for (int i = 0; i < 2; i++) {
            int dist = week_mod((long)edges[i] - now);
            if (dist == 0)
                continue;  /* now itself: its state is open_now */
            if (open_at(s, edges[i]) != open_now && (best < 0 || dist < best))
                best = dist;
        }
    }
    return best;
}
