/* blank.c — dark outside opening hours unless a touch woke the screen. */
#include "blank.h"

/* idle_timeout when the settings hold none (the parser's default). */
#define BLANK_DEFAULT_WAKE_S 60

static uint64_t wake_ms(const content_settings *s)
{
    int sec = s->idle_timeout_s > 0 ? s->idle_timeout_s : BLANK_DEFAULT_WAKE_S;
    return (uint64_t)sec * 1000;
}

/* When the last touch's wake ends, or 0 when no touch keeps it awake. */
static uint64_t wake_until(const blank_state *b, const content_settings *s)
{
    return b->touched ? b->last_touch + wake_ms(s) : 0;
}

void blank_init(blank_state *b)
{
    b->touched = 0;
    b->last_touch = 0;
}

void blank_touch(blank_state *b, uint64_t now)
{
    b->touched = 1;
    b->last_touch = now;
}

int blank_is_dark(const blank_state *b, const content_settings *s,
                  schedule_time t, uint64_t now)
{
    if (schedule_is_open(s, t))
        return 0;
    return now >= wake_until(b, s);
}

int blank_next_check_ms(const blank_state *b, const content_settings *s,
                        schedule_time t, int ms_into_minute, uint64_t now)
{
    int64_t ms = BLANK_RECHECK_MS;
    int change = schedule_next_change(s, t);
    if (change != SCHEDULE_NEVER) {
        int64_t edge = (int64_t)change * 60000 - ms_into_minute;
        if (edge < ms)
            ms = edge;
    }
    uint64_t until = wake_until(b, s);
    if (until > now && (int64_t)(until - now) < ms)
        ms = (int64_t)(until - now);
    /* A leap second (tm_sec 60) could put the edge just behind us: never
     * ask for a wait of 0, which would spin. */
    return ms < 1 ? 1 : (int)ms;
}
