/* panel.c — sleep and wake of the screen's panel on a thread of its own: the
 * backlight through sysfs, a TV through HDMI-CEC with core/panel_plan's
 * retries. Every problem is said once, in plain words, and never stops the
 * kiosk: the screen then only shows black, as before. */
#include "platform/panel.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/content.h"
#include "core/panel_plan.h"
#include "platform/cec_link.h"

enum { OUT_BACKLIGHT = 1, OUT_CEC = 2 };

/* Problems said once each (a bit in said). */
enum {
    SAID_BL_WRITE = 1, SAID_BL_NONE = 2, SAID_CEC_OPEN = 4, SAID_CEC_SEND = 8,
    SAID_CEC_GAVE_UP = 16
};

struct platform_panel {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    /* Under mu: what the main loop asks for. */
    int quit, on, how;
    unsigned gen;
    /* The thread's own. */
    unsigned seen;
    int console;
    char bl_dir[PATH_MAX];
    char cec_dev[PATH_MAX];    /* empty: any adapter */
    int told_use;              /* the outputs last said in the log, -1 none */
    int bl_off;                /* we switched a backlight off */
    int cec_asleep;            /* we put the TV to standby (or are at it) */
    panel_plan plan;
    unsigned said;
};

static uint64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say_once(platform_panel *p, unsigned what, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void vsay(const char *fmt, va_list ap)
{
    printf("kiosk: ");
    vprintf(fmt, ap);
    printf("\n");
    fflush(stdout);
}

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}

static void say_once(platform_panel *p, unsigned what, const char *fmt, ...)
{
    va_list ap;
    if (p->said & what)
        return;
    p->said |= what;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}

static const char *cec_dev(const platform_panel *p)
{
    return p->cec_dev[0] ? p->cec_dev : NULL;
}

/* ---- the backlight: /sys/class/backlight/<name>/bl_power, 4 off, 0 on ---- */

static int write_text(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    int e = errno;
    close(fd);
    errno = e;
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Every backlight in bl_dir switched; returns how many have a bl_power
 * (write set: written, else only counted). */
static int backlights(platform_panel *p, int on, int write)
{
    DIR *d = opendir(p->bl_dir);
    if (!d)
        return 0;
    int n = 0;
    char path[PATH_MAX + 300];
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s/bl_power", p->bl_dir, e->d_name);
        if (access(path, F_OK) != 0)
            continue;
        n++;
        if (!write)
            continue;
        if (write_text(path, on ? "0\n" : "4\n") == 0)
            say("the screen's backlight %s is %s", e->d_name, on ? "on" : "off");
        else
            say_once(p, SAID_BL_WRITE, "cannot switch the screen's backlight (%s): %s; "
                     "outside opening hours it stays lit showing black. Run "
                     "deploy/install.sh again: it installs the rule that allows it",
                     path, strerror(errno));
    }
    closedir(d);
    return n;
}

static void backlight_set(platform_panel *p, int on)
{
    backlights(p, on, 1);
    p->bl_off = !on;
}

/* ---- the TV: core/panel_plan says when, cec_link does it ---- */

static void cec_said_end(platform_panel *p, panel_end before)
{
    if (before != PANEL_END_NOT_YET || p->plan.end == PANEL_END_NOT_YET)
        return;
    if (p->plan.end == PANEL_END_CONFIRMED)
        say("the TV says it is %s", p->plan.want ? "on" : "in standby");
    else
        say_once(p, SAID_CEC_GAVE_UP, "the TV did not confirm it is %s after %d tries "
                 "over HDMI-CEC%s; check that CEC is switched on in the TV's menu "
                 "(Anynet+, Bravia Sync, SimpLink, EasyLink or similar)",
                 p->plan.want ? "on" : "in standby", PANEL_PLAN_TRIES,
                 p->plan.last == PANEL_POWER_UNKNOWN ? " (it never answered)" : "");
}

static void cec_step(platform_panel *p, panel_act a)
{
    cec_link l;
    char err[256];
    panel_end before = p->plan.end;
    if (cec_link_open(&l, cec_dev(p), err, sizeof err) != 0) {
        /* No adapter at all: nothing a retry would change; the next sleep
         * or wake looks again. */
        say_once(p, SAID_CEC_OPEN, "%s; the TV is not switched", err);
        panel_plan_init(&p->plan);
        return;
    }
    if (a == PANEL_ACT_ASK) {
        panel_plan_heard(&p->plan, cec_link_ask(&l), mono_ms());
    } else {
        int r = cec_link_command(&l, a, err, sizeof err);
        if (r < 0)
            say_once(p, SAID_CEC_SEND, "%s", err);
        panel_plan_sent(&p->plan, r > 0, mono_ms());
    }
    cec_link_close(&l);
    cec_said_end(p, before);
}

/* ---- which outputs, and carrying a request out ---- */

static int outputs(platform_panel *p, int how)
{
    int bl = backlights(p, 1, 0) > 0;
    switch (how) {
    case SLEEP_BACKLIGHT:
        if (!bl)
            say_once(p, SAID_BL_NONE, "[screen] sleep = backlight, but there is no "
                     "backlight to switch in %s; outside opening hours the screen "
                     "only shows black", p->bl_dir);
        return OUT_BACKLIGHT;
    case SLEEP_CEC:
        return OUT_CEC;   /* even with no TV found: one may drop hot-plug in standby */
    case SLEEP_AUTO:
        /* On a desktop the desktop's own power saving does it. */
        if (!p->console)
            return 0;
        return (bl ? OUT_BACKLIGHT : 0) | (cec_link_connected(cec_dev(p)) ? OUT_CEC : 0);
    default:
        return 0;
    }
}

/* What sleeping will do, said when it changes (start, a new setting). */
static void say_outputs(platform_panel *p, int use)
{
    static const char *const what[] = {
        [0] = "only shows black (the panel stays on)",
        [OUT_BACKLIGHT] = "switches its backlight off",
        [OUT_CEC] = "puts the TV to standby over HDMI-CEC",
        [OUT_BACKLIGHT | OUT_CEC] = "switches its backlight off and the TV to standby",
    };
    if (use == p->told_use)
        return;
    p->told_use = use;
    say("outside opening hours the screen %s", what[use]);
}

static void carry_out(platform_panel *p, int on, int how)
{
    int use = outputs(p, how);
    say_outputs(p, use);
    if (use & OUT_BACKLIGHT)
        backlight_set(p, on);
    else if (p->bl_off)
        backlight_set(p, 1);   /* the setting changed while asleep */
    if (use & OUT_CEC || (on && p->cec_asleep)) {
        /* A TV put to sleep is woken whatever the setting is now, and even
         * when it dropped hot-plug in standby (auto would not find it). */
        panel_plan_want(&p->plan, on, mono_ms());
        p->cec_asleep = !on;
    } else if (p->cec_asleep) {
        panel_plan_want(&p->plan, 1, mono_ms());
        p->cec_asleep = 0;
    } else {
        panel_plan_init(&p->plan);
    }
}

static void wait_until(platform_panel *p, uint64_t due)
{
    if (due == PANEL_PLAN_NEVER) {
        pthread_cond_wait(&p->cv, &p->mu);
        return;
    }
    struct timespec ts = { (time_t)(due / 1000), (long)(due % 1000) * 1000000 };
    pthread_cond_timedwait(&p->cv, &p->mu, &ts);
}

static void *panel_main(void *arg)
{
    platform_panel *p = arg;
    pthread_mutex_lock(&p->mu);
    while (!p->quit) {
        if (p->gen != p->seen) {
            int on = p->on, how = p->how;
            p->seen = p->gen;
            pthread_mutex_unlock(&p->mu);
            carry_out(p, on, how);
            pthread_mutex_lock(&p->mu);
            continue;
        }
        panel_act a = panel_plan_step(&p->plan, mono_ms());
        if (a != PANEL_ACT_NONE) {
            pthread_mutex_unlock(&p->mu);
            cec_step(p, a);
            pthread_mutex_lock(&p->mu);
            continue;
        }
        wait_until(p, panel_plan_due(&p->plan));
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void env_path(char *out, size_t cap, const char *name, const char *def)
{
    const char *v = getenv(name);
    snprintf(out, cap, "%s", v && *v ? v : def);
}

platform_panel *platform_panel_start(int console)
{
    platform_panel *p = calloc(1, sizeof *p);
    pthread_condattr_t ca;
    if (!p)
        return NULL;
    p->console = console;
    p->told_use = -1;
    env_path(p->bl_dir, sizeof p->bl_dir, "KIOSK_BACKLIGHT_DIR", "/sys/class/backlight");
    env_path(p->cec_dev, sizeof p->cec_dev, "KIOSK_CEC_DEVICE", "");
    panel_plan_init(&p->plan);
    pthread_mutex_init(&p->mu, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&p->cv, &ca);
    pthread_condattr_destroy(&ca);
    if (pthread_create(&p->thread, NULL, panel_main, p) != 0) {
        printf("kiosk: the screen's power switching could not start; outside opening "
               "hours the screen only shows black\n");
        fflush(stdout);
        pthread_cond_destroy(&p->cv);
        pthread_mutex_destroy(&p->mu);
        free(p);
        return NULL;
    }
    return p;
}

void platform_panel_set(platform_panel *p, int on, int how)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->on = on;
    p->how = how;
    p->gen++;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

void platform_panel_stop(platform_panel *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->quit = 1;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->thread, NULL);
    if (p->bl_off)
        backlight_set(p, 1);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    free(p);
}
