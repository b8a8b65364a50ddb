/* test_panel_plan.c — the TV's sleep and wake over HDMI-CEC with an explicit
 * clock: a TV that misses the first "on", one slow to power up, one that
 * never answers or never acknowledges, a change of mind half-way; and the
 * bytes of each message against the CEC specification. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "panel_plan.h"

#define T0 7000000u            /* the monotonic clock does not start at 0 */

static void test_panel_plan_nothing_asked_nothing_due(void **state)
{
    panel_plan p;
    panel_plan_init(&p);
    assert_int_equal(panel_plan_step(&p, T0), PANEL_ACT_NONE);
    assert_true(panel_plan_due(&p) == PANEL_PLAN_NEVER);
    /* a stray answer before any plan changes nothing */
    panel_plan_heard(&p, PANEL_POWER_ON, T0);
    panel_plan_sent(&p, 1, T0);
    assert_int_equal(p.end, PANEL_END_NOT_YET);
    assert_int_equal(panel_plan_step(&p, T0 + 100000), PANEL_ACT_NONE);
}

static void test_panel_plan_tv_obeys_at_once(void **state)
{
    panel_plan p;
    panel_plan_init(&p);
    panel_plan_want(&p, 0, T0);
    assert_int_equal(panel_plan_step(&p, T0), PANEL_ACT_SLEEP);
    panel_plan_sent(&p, 1, T0);
    /* the question waits for the TV to settle */
    assert_int_equal(panel_plan_step(&p, T0 + PANEL_PLAN_SETTLE_MS - 1), PANEL_ACT_NONE);
    assert_true(panel_plan_due(&p) == T0 + PANEL_PLAN_SETTLE_MS);
    assert_int_equal(panel_plan_step(&p, T0 + PANEL_PLAN_SETTLE_MS), PANEL_ACT_ASK);
    panel_plan_heard(&p, PANEL_POWER_STANDBY, T0 + PANEL_PLAN_SETTLE_MS);
    assert_int_equal(p.end, PANEL_END_CONFIRMED);
    assert_true(panel_plan_due(&p) == PANEL_PLAN_NEVER);
    assert_int_equal(panel_plan_step(&p, T0 + 1000000), PANEL_ACT_NONE);
}

/* The report from other players: the first "on" is lost, the TV answers
 * "standby", and a second one wakes it. */
static void test_panel_plan_tv_misses_first_on(void **state)
{
    panel_plan p;
    uint64_t t = T0;
    panel_plan_init(&p);
    panel_plan_want(&p, 1, t);
    assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_WAKE);
    panel_plan_sent(&p, 1, t);
    t += PANEL_PLAN_SETTLE_MS;
    assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_ASK);
    panel_plan_heard(&p, PANEL_POWER_STANDBY, t);
    assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_NONE);   /* backs off */
    t += PANEL_PLAN_BACKOFF_MS;
    assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_WAKE);
    panel_plan_sent(&p, 1, t);
    t += PANEL_PLAN_SETTLE_MS;
    assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_ASK);
    panel_plan_heard(&p, PANEL_POWER_ON, t);
    assert_int_equal(p.end, PANEL_END_CONFIRMED);
    assert_int_equal(p.tries, 2);
}

/* Powering up: "on its way" is asked again, never pushed with another
 * command; too long on its way and the command is sent again. */
static void test_panel_plan_tv_slow_to_power_up(void **state)
{
    panel_plan p;
    uint64_t t = T0;
    panel_plan_init(&p);
    panel_plan_want(&p, 1, t);
    panel_plan_sent(&p, 1, t);
    for (int i = 1; i < PANEL_PLAN_ASKS; i++) {
        t += PANEL_PLAN_SETTLE_MS;
        assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_ASK);
        panel_plan_heard(&p, PANEL_POWER_TO_ON, t);
        assert_int_equal(p.tries, 1);
    }
    t += PANEL_PLAN_SETTLE_MS;
    assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_ASK);
    panel_plan_heard(&p, PANEL_POWER_TO_ON, t);
    assert_int_equal(panel_plan_step(&p, t + PANEL_PLAN_BACKOFF_MS), PANEL_ACT_WAKE);
    /* "going to standby" while we want it on is no progress */
    panel_plan_want(&p, 1, t);
    panel_plan_sent(&p, 1, t);
    panel_plan_heard(&p, PANEL_POWER_TO_STANDBY, t + PANEL_PLAN_SETTLE_MS);
    assert_int_equal(p.next, PANEL_ACT_WAKE);
}

/* A TV that acknowledges but never answers the question (or refuses it):
 * five commands, each wait twice the one before, then it gives up. */
static void test_panel_plan_tv_never_answers_gives_up(void **state)
{
    panel_plan p;
    uint64_t t = T0;
    panel_plan_init(&p);
    panel_plan_want(&p, 1, t);
    uint64_t wait = PANEL_PLAN_BACKOFF_MS;
    for (int i = 1; i <= PANEL_PLAN_TRIES; i++) {
        assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_WAKE);
        panel_plan_sent(&p, 1, t);
        t += PANEL_PLAN_SETTLE_MS;
        assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_ASK);
        panel_plan_heard(&p, PANEL_POWER_UNKNOWN, t);
        if (i == PANEL_PLAN_TRIES)
            break;
        assert_int_equal(panel_plan_step(&p, t + wait - 1), PANEL_ACT_NONE);
        t += wait;
        wait = wait * 2 > PANEL_PLAN_BACKOFF_MAX_MS ? PANEL_PLAN_BACKOFF_MAX_MS : wait * 2;
    }
    assert_int_equal(p.end, PANEL_END_GAVE_UP);
    assert_int_equal(p.tries, PANEL_PLAN_TRIES);
    assert_true(panel_plan_due(&p) == PANEL_PLAN_NEVER);
    assert_int_equal(panel_plan_step(&p, t + 10000000), PANEL_ACT_NONE);
}

/* Nobody acknowledges (no TV on the bus, CEC off in its menu): retried with
 * the same growing wait, never asked, and given up. */
static void test_panel_plan_no_ack_gives_up(void **state)
{
    panel_plan p;
    uint64_t t = T0;
    panel_plan_init(&p);
    panel_plan_want(&p, 0, t);
    for (int i = 1; i <= PANEL_PLAN_TRIES; i++) {
        assert_int_equal(panel_plan_step(&p, t), PANEL_ACT_SLEEP);
        panel_plan_sent(&p, 0, t);
        t = panel_plan_due(&p);
    }
    assert_int_equal(p.end, PANEL_END_GAVE_UP);
    assert_true(t == PANEL_PLAN_NEVER);
}

/* A visitor touches the screen while the TV is still being put to sleep:
 * the new plan starts at once with its own count of tries. */
static void test_panel_plan_change_of_mind(void **state)
{
    panel_plan p;
    panel_plan_init(&p);
    panel_plan_want(&p, 0, T0);
    panel_plan_sent(&p, 0, T0);
    panel_plan_sent(&p, 0, T0 + 1000);
    panel_plan_want(&p, 1, T0 + 1500);
    assert_int_equal(p.tries, 0);
    assert_int_equal(panel_plan_step(&p, T0 + 1500), PANEL_ACT_WAKE);
    /* the sleep plan's late answer is read against the new plan */
    panel_plan_sent(&p, 1, T0 + 1600);
    panel_plan_heard(&p, PANEL_POWER_STANDBY, T0 + 1700);
    assert_int_equal(p.end, PANEL_END_NOT_YET);
    assert_int_equal(p.next, PANEL_ACT_WAKE);
    /* and once confirmed, a late answer changes nothing */
    panel_plan_want(&p, 1, T0 + 2000);
    panel_plan_sent(&p, 1, T0 + 2000);
    panel_plan_heard(&p, PANEL_POWER_ON, T0 + 5000);
    panel_plan_heard(&p, PANEL_POWER_STANDBY, T0 + 6000);
    assert_int_equal(p.end, PANEL_END_CONFIRMED);
}

static void expect_bytes(panel_cec_msg m, int from, uint16_t phys, const uint8_t *want,
                         size_t n)
{
    uint8_t out[PANEL_CEC_MAX_BYTES];
    memset(out, 0xee, sizeof out);
    assert_int_equal(panel_cec_build(m, from, phys, out), n);
    assert_memory_equal(out, want, n);
}

/* From a playback device (logical address 4) at physical address 1.0.0.0. */
static void test_panel_cec_bytes(void **state)
{
    expect_bytes(PANEL_CEC_STANDBY, 4, 0x1000, (const uint8_t[]){0x40, 0x36}, 2);
    expect_bytes(PANEL_CEC_IMAGE_VIEW_ON, 4, 0x1000, (const uint8_t[]){0x40, 0x04}, 2);
    expect_bytes(PANEL_CEC_GIVE_POWER_STATUS, 4, 0x1000,
                 (const uint8_t[]){0x40, 0x8f}, 2);
    expect_bytes(PANEL_CEC_ACTIVE_SOURCE, 4, 0x1000,
                 (const uint8_t[]){0x4f, 0x82, 0x10, 0x00}, 4);
    expect_bytes(PANEL_CEC_ACTIVE_SOURCE, 8, 0x2100,
                 (const uint8_t[]){0x8f, 0x82, 0x21, 0x00}, 4);
    /* no address claimed (the TV dropped hot-plug in standby): the kernel
     * still lets Image View On go from 15 to the TV */
    expect_bytes(PANEL_CEC_IMAGE_VIEW_ON, PANEL_CEC_UNREGISTERED, 0xffff,
                 (const uint8_t[]){0xf0, 0x04}, 2);
}

static void test_panel_cec_active_source_without_address(void **state)
{
    uint8_t out[PANEL_CEC_MAX_BYTES];
    assert_int_equal(panel_cec_build(PANEL_CEC_ACTIVE_SOURCE, PANEL_CEC_UNREGISTERED,
                                     0x1000, out), 0);
    assert_int_equal(panel_cec_build(PANEL_CEC_ACTIVE_SOURCE, 4, 0xffff, out), 0);
}

static void test_panel_cec_power_report_garbled(void **state)
{
    const uint8_t on[] = {0x04, 0x90, 0x00}, standby[] = {0x04, 0x90, 0x01};
    const uint8_t to_on[] = {0x04, 0x90, 0x02}, to_sb[] = {0x04, 0x90, 0x03};
    assert_int_equal(panel_cec_power_of(on, 3), PANEL_POWER_ON);
    assert_int_equal(panel_cec_power_of(standby, 3), PANEL_POWER_STANDBY);
    assert_int_equal(panel_cec_power_of(to_on, 3), PANEL_POWER_TO_ON);
    assert_int_equal(panel_cec_power_of(to_sb, 3), PANEL_POWER_TO_STANDBY);
    const uint8_t short_msg[] = {0x04, 0x90}, other_op[] = {0x04, 0x00, 0x8f};
    const uint8_t beyond[] = {0x04, 0x90, 0x04};
    assert_int_equal(panel_cec_power_of(short_msg, 2), PANEL_POWER_UNKNOWN);
    assert_int_equal(panel_cec_power_of(other_op, 3), PANEL_POWER_UNKNOWN);
    assert_int_equal(panel_cec_power_of(beyond, 3), PANEL_POWER_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_panel_plan_nothing_asked_nothing_due),
        cmocka_unit_test(test_panel_plan_tv_obeys_at_once),
        cmocka_unit_test(test_panel_plan_tv_misses_first_on),
        cmocka_unit_test(test_panel_plan_tv_slow_to_power_up),
        cmocka_unit_test(test_panel_plan_tv_never_answers_gives_up),
        cmocka_unit_test(test_panel_plan_no_ack_gives_up),
        cmocka_unit_test(test_panel_plan_change_of_mind),
        cmocka_unit_test(test_panel_cec_bytes),
        cmocka_unit_test(test_panel_cec_active_source_without_address),
        cmocka_unit_test(test_panel_cec_power_report_garbled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
