/* nav_time.c — the times navigation works with: an input event's stamp on
 * the clock of `now`, and a transition's eased progress. Rules in nav.h. */
#include "nav.h"

uint64_t nav_event_time(uint32_t stamp, uint64_t now)
{
    if (stamp == 0)
        return now;
    uint32_t age = (uint32_t)now - stamp;   /* modulo 2^32: wrapping is no jump */
    if (age > NAV_INPUT_MAX_LATE_MS || age > now)
        return now;                         /* from the future, or nonsense */
    return now - age;
}

float nav_ease_out(float t)
{
    if (t <= 0.0f)
        return 0.0f;
    if (t >= 1.0f)
        return 1.0f;
    float u = 1.0f - t;
    return 1.0f - u * u * u;
}

float nav_transition_progress(const nav *n, uint64_t now)
{
    if (!n->tr.active || n->tr.duration_ms <= 0)
        return 1.0f;
    if (now <= n->tr.start_ms)
        return 0.0f;
    float t = (float)(now - n->tr.start_ms) / (float)n->tr.duration_ms;
    return nav_ease_out(t);
}
