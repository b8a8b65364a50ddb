/* panel_plan.c — the TV's sleep and wake over HDMI-CEC: command, ask, retry
 * with a growing wait, give up after PANEL_PLAN_TRIES. */
#include "panel_plan.h"

void panel_plan_init(panel_plan *p)
{
    p->want = -1;
    p->tries = 0;
    p->asks = 0;
    p->next = PANEL_ACT_NONE;
    p->due = PANEL_PLAN_NEVER;
    p->end = PANEL_END_NOT_YET;
    p->last = PANEL_POWER_UNKNOWN;
}

static panel_act command(const panel_plan *p)
{
    return p->want ? PANEL_ACT_WAKE : PANEL_ACT_SLEEP;
}

void panel_plan_want(panel_plan *p, int on, uint64_t now)
{
    panel_plan_init(p);
    p->want = on ? 1 : 0;
    p->next = command(p);
    p->due = now;
}

panel_act panel_plan_step(const panel_plan *p, uint64_t now)
{
    if (p->end != PANEL_END_NOT_YET || p->next == PANEL_ACT_NONE || now < p->due)
        return PANEL_ACT_NONE;
    return p->next;
}

uint64_t panel_plan_due(const panel_plan *p)
{
    return p->end == PANEL_END_NOT_YET && p->next != PANEL_ACT_NONE ? p->due
                                                                  : PANEL_PLAN_NEVER;
}

static void finish(panel_plan *p, panel_end end)
{
    p->end = end;
    p->next = PANEL_ACT_NONE;
    p->due = PANEL_PLAN_NEVER;
}

/* The last command did not work: the next one after a wait that doubles
 * with each miss, or the end. */
static void missed(panel_plan *p, uint64_t now)
{
    if (p->tries >= PANEL_PLAN_TRIES) {
        finish(p, PANEL_END_GAVE_UP);
        return;
    }
    uint64_t wait = (uint64_t)PANEL_PLAN_BACKOFF_MS << (p->tries - 1);
    if (wait > PANEL_PLAN_BACKOFF_MAX_MS)
        wait = PANEL_PLAN_BACKOFF_MAX_MS;
    p->next = command(p);
    p->due = now + wait;
}

void panel_plan_sent(panel_plan *p, int acked, uint64_t now)
{
    if (p->end != PANEL_END_NOT_YET || p->want < 0)
        return;
    p->tries++;
    p->asks = 0;
    if (!acked) {
        missed(p, now);
        return;
    }
    p->next = PANEL_ACT_ASK;
    p->due = now + PANEL_PLAN_SETTLE_MS;
}

void panel_plan_heard(panel_plan *p, panel_power power, uint64_t now)
{
    if (p->end != PANEL_END_NOT_YET || p->want < 0)
        return;
    p->last = power;
    panel_power done = p->want ? PANEL_POWER_ON : PANEL_POWER_STANDBY;
    panel_power going = p->want ? PANEL_POWER_TO_ON : PANEL_POWER_TO_STANDBY;
    if (power == done) {
        finish(p, PANEL_END_CONFIRMED);
        return;
    }
    p->asks++;
    if (power == going && p->asks < PANEL_PLAN_ASKS) {
        p->next = PANEL_ACT_ASK;   /* on its way: ask again, do not push */
        p->due = now + PANEL_PLAN_SETTLE_MS;
        return;
    }
    missed(p, now);   /* the other way, no answer, or too long on its way */
}

size_t panel_cec_build(panel_cec_msg m, int from, uint16_t phys,
                       uint8_t out[PANEL_CEC_MAX_BYTES])
{
    int to = m == PANEL_CEC_ACTIVE_SOURCE ? PANEL_CEC_BROADCAST : PANEL_CEC_TV;
    out[0] = (uint8_t)((from & 0xf) << 4 | to);
    switch (m) {
    case PANEL_CEC_STANDBY:
        out[1] = 0x36;
        return 2;
    case PANEL_CEC_IMAGE_VIEW_ON:
        out[1] = 0x04;
        return 2;
    case PANEL_CEC_GIVE_POWER_STATUS:
        out[1] = 0x8f;
        return 2;
    case PANEL_CEC_ACTIVE_SOURCE:
        /* Only a device with an address of its own may say it is the
         * source, and only with a physical address (f.f.f.f: none). */
        if ((from & 0xf) == PANEL_CEC_UNREGISTERED || phys == 0xffff)
            return 0;
        out[1] = 0x82;
        out[2] = (uint8_t)(phys >> 8);
        out[3] = (uint8_t)(phys & 0xff);
        return 4;
    }
    return 0;
}

panel_power panel_cec_power_of(const uint8_t *msg, size_t len)
{
    if (len < 3 || msg[1] != PANEL_CEC_OP_REPORT_POWER_STATUS || msg[2] > 3)
        return PANEL_POWER_UNKNOWN;
    return (panel_power)msg[2];
}
