/* panel_plan.h — when to tell an HDMI-CEC TV to sleep or wake, when to ask it
 * whether it did, and when to give up; and the bytes of those messages. Pure:
 * the platform hands in a monotonic clock and what the TV answered. */
#ifndef KIOSK_PANEL_PLAN_H
#define KIOSK_PANEL_PLAN_H

#include <stddef.h>
#include <stdint.h>

/* Commands (standby, or wake) sent for one change at most: users of other
 * players report TVs that miss a single "on", and a TV that has not obeyed
 * after five is not listening (unplugged, CEC switched off in its menu). */
#define PANEL_PLAN_TRIES 5
/* Questions per command while the TV says it is on its way (powering up
 * takes a TV 2 to 10 s; five looks a settle apart cover that). */
#define PANEL_PLAN_ASKS 5
/* From a command to the question "are you on?": long enough for a TV to
 * start powering up and say so. */
#define PANEL_PLAN_SETTLE_MS 3000
/* The wait before the next command doubles from this after each miss (1, 2,
 * 4, 8 s), so a busy bus or a slow TV is not hammered. */
#define PANEL_PLAN_BACKOFF_MS 1000
#define PANEL_PLAN_BACKOFF_MAX_MS 16000

/* No step is due (the plan is done or gave up). */
#define PANEL_PLAN_NEVER UINT64_MAX

/* The TV's answer to Give Device Power Status (CEC's own numbers), or
 * unknown: no answer, or "I do not take that question". */
typedef enum panel_power {
    PANEL_POWER_UNKNOWN = -1,
    PANEL_POWER_ON = 0,
    PANEL_POWER_STANDBY = 1,
    PANEL_POWER_TO_ON = 2,
    PANEL_POWER_TO_STANDBY = 3
} panel_power;

typedef enum panel_act {
    PANEL_ACT_NONE,            /* nothing due */
    PANEL_ACT_WAKE,            /* Image View On (and Active Source) */
    PANEL_ACT_SLEEP,           /* Standby */
    PANEL_ACT_ASK              /* Give Device Power Status */
} panel_act;

typedef enum panel_end {
    PANEL_END_NOT_YET,         /* still working on it */
    PANEL_END_CONFIRMED,       /* the TV says it is as wanted */
    PANEL_END_GAVE_UP          /* PANEL_PLAN_TRIES commands, never confirmed */
} panel_end;

typedef struct panel_plan {
    int want;                  /* 1 on, 0 standby, -1 nothing asked yet */
    int tries;                 /* commands sent for want */
    int asks;                  /* questions since the last command */
    panel_act next;            /* the step due at `due` */
    uint64_t due;
    panel_end end;
    panel_power last;          /* the TV's last answer */
} panel_plan;

void panel_plan_init(panel_plan *p);
/* The screen should be on (1) or asleep (0) from now: a new plan, its first
 * command due at once, whatever the old plan was doing. */
void panel_plan_want(panel_plan *p, int on, uint64_t now);
/* What to do at now: a step whose time has come, else PANEL_ACT_NONE. */
panel_act panel_plan_step(const panel_plan *p, uint64_t now);
/* When the next step is due, or PANEL_PLAN_NEVER. */
uint64_t panel_plan_due(const panel_plan *p);
/* The command was sent; acked: the TV took it (on the CEC bus, a directed
 * message is acknowledged by its receiver). Unacknowledged counts as a miss. */
void panel_plan_sent(panel_plan *p, int acked, uint64_t now);
/* The TV's answer to the question (or PANEL_POWER_UNKNOWN). */
void panel_plan_heard(panel_plan *p, panel_power power, uint64_t now);

/* ---- the messages (HDMI-CEC 1.4 / 2.0), as bytes on the bus ----
 * Byte 0 is initiator << 4 | destination; then the opcode and operands. */
#define PANEL_CEC_MAX_BYTES 16
#define PANEL_CEC_TV 0             /* the TV's logical address */
#define PANEL_CEC_BROADCAST 15     /* as destination: everyone */
#define PANEL_CEC_UNREGISTERED 15  /* as initiator: no address claimed */

typedef enum panel_cec_msg {
    PANEL_CEC_STANDBY,             /* 0x36 to the TV */
    PANEL_CEC_IMAGE_VIEW_ON,       /* 0x04 to the TV: wake and show */
    PANEL_CEC_ACTIVE_SOURCE,       /* 0x82 broadcast, our physical address */
    PANEL_CEC_GIVE_POWER_STATUS    /* 0x8f to the TV; answered by 0x90 */
} panel_cec_msg;

#define PANEL_CEC_OP_REPORT_POWER_STATUS 0x90

/* Writes message m from logical address `from` (our physical address phys,
 * a.b.c.d as 0xabcd, for Active Source) into out; returns its length, or 0
 * when it cannot be sent from there (Active Source unregistered). */
size_t panel_cec_build(panel_cec_msg m, int from, uint16_t phys,
                       uint8_t out[PANEL_CEC_MAX_BYTES]);
/* The power status in a Report Power Status message, else unknown. */
panel_power panel_cec_power_of(const uint8_t *msg, size_t len);

#endif
