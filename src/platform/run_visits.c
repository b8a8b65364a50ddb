/* run_visits.c — the running kiosk counts what visitors read (core/visits.h):
 * the screen before and after each nav call, the button a tap hit, fingers
 * put down; the counts are written to the state folder at the first calm
 * moment of each new hour and when the kiosk stops, with the CSV summaries
 * beside them and in the content folder (for the front desk). Never a write
 * per tap, no allocation: the counts and the buffers are static. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/fs_durable.h"
#include "core/visits_file.h"
#include "platform/run_internal.h"

/* How often the loop looks whether an hour has turned: the flush comes at
 * most this late after the hour (the loop also sleeps up to a minute). */
#define RUN_VISITS_CHECK_MS 10000
/* The kiosk's name in the content folder's CSV names: a host name. */
#define RUN_VISITS_HOST_BYTES 64

static visits counts;
static unsigned char file_buf[VISITS_MAX_FILE_BYTES];
static char days_csv[VISITS_DAYS_CSV_BYTES];
static char topics_csv[VISITS_TOPICS_CSV_BYTES];

const visits *run_visits_counts(const run *k)
{
    return k->visits_on ? &counts : NULL;
}

visits_clock run_visits_clock(uint64_t now)
{
    time_t t = time(NULL);
    struct tm tm;
    visits_clock c = {now, 0, 0};
    if (localtime_r(&t, &tm)) {
        c.date = (int32_t)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
        c.hour = tm.tm_hour;
    }
    return c;
}

/* What counting makes of nav's screens. A new screen mode (the contents
 * screen, NAV_CONTENTS) gets its line here: VISITS_AT_CONTENTS. */
static visits_view view_of(nav_view v)
{
    switch (v.mode) {
    case NAV_LOOP: return (visits_view){VISITS_AT_LOOP, 0, 0};
    case NAV_MENU: return (visits_view){VISITS_AT_MENU, 0, 0};
    case NAV_TOPIC: return (visits_view){VISITS_AT_TOPIC, v.topic, v.page};
    case NAV_CONTENTS: return (visits_view){VISITS_AT_CONTENTS, v.topic, v.page};
    default: return (visits_view){VISITS_AT_OTHER, 0, 0};
    }
}

static const char *topic_name(const content_snapshot *s, int t)
{
    return s && t >= 0 && t < s->ntopics ? s->topics[t].name : NULL;
}

layout_action run_visits_hit(void *ctx, int x, int y, int *arg)
{
    run *k = ctx;
    layout_action a = k->hit_screen ? layout_hit(k->hit_screen, x, y, arg) : ACT_NONE;
    k->vis_act = a;
    return a;
}

void run_visits_before(run *k)
{
    k->vis_act = ACT_NONE;
}

void run_visits_after(run *k, int input, uint64_t now)
{
    if (!k->visits_on)
        return;
    nav_state st;
    nav_state_get(&k->nav, now, &st);
    visits_view v = view_of(st.view);
    visits_touch why = {input, input ? k->vis_act : ACT_NONE};
    unsigned ev = visits_classify(k->vis_view, v, why);
    k->vis_view = v;
    k->vis_act = ACT_NONE;
    if (!ev)
        return;   /* the same screen (a finger moving): the clock is not read */
    const char *name = ev & (VE_TOPIC | VE_PAGE) ? topic_name(k->content, v.topic) : NULL;
    visits_count_events(&counts, ev, name, run_visits_clock(now));
}

void run_visits_touch(run *k, uint64_t now)
{
    if (k->visits_on)
        visits_touch_down(&counts, run_visits_clock(now));
}

void run_visits_switch(run *k, visits_count which, uint64_t now)
{
    if (k->visits_on)
        visits_switch(&counts, which, run_visits_clock(now));
}

/* The host name with anything but letters, digits, - and _ made -. */
static void host_name(char *buf, size_t cap)
{
    if (gethostname(buf, cap) != 0 || !buf[0])
        snprintf(buf, cap, "kiosk");
    buf[cap - 1] = 0;
    for (char *p = buf; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
            *p = '-';
}

/* The two CSVs into dir under the names days and topics. */
static int write_csvs(const char *dir, const char *days, const char *topics,
                      size_t nd, size_t nt, int mode)
{
    int e = fs_durable_replace(dir, days, days_csv, nd, mode, 0);
    return e ? e : fs_durable_replace(dir, topics, topics_csv, nt, mode, 0);
}

static void write_all(run *k)
{
    int e = visits_save(&counts, k->state_dir, file_buf, sizeof file_buf);
    if (!e)
        visits_flushed(&counts);
    else
        fprintf(stderr, "kiosk: could not write the visit counts in %s (%s); they are "
                "kept in memory and written again next hour\n", k->state_dir, strerror(e));
    size_t nd = visits_days_csv(&counts, 0, days_csv, sizeof days_csv);
    size_t nt = visits_topics_csv(&counts, 0, topics_csv, sizeof topics_csv);
    if (write_csvs(k->state_dir, VISITS_DAYS_CSV, VISITS_TOPICS_CSV, nd, nt, 0644))
        fprintf(stderr, "kiosk: could not write the visits summary in %s\n", k->state_dir);
    char host[RUN_VISITS_HOST_BYTES], dn[2 * RUN_VISITS_HOST_BYTES], tn[2 * RUN_VISITS_HOST_BYTES];
    host_name(host, sizeof host);
    snprintf(dn, sizeof dn, "%s-%s.csv", VISITS_CONTENT_PREFIX, host);
    snprintf(tn, sizeof tn, "%s-%s-topics.csv", VISITS_CONTENT_PREFIX, host);
    e = write_csvs(k->content_dir, dn, tn, nd, nt, 0664);
    if (e && !k->vis_content_failed)
        fprintf(stderr, "kiosk: could not write %s in the content folder %s (%s); the "
                "summary is in %s\n", dn, k->content_dir, strerror(e), k->state_dir);
    k->vis_content_failed = e != 0;
}

void run_visits_start(run *k)
{
    visits_init(&counts);
    k->vis_view = (visits_view){VISITS_AT_LOOP, 0, 0};
    k->visits_on = k->state_dir != NULL;
    if (!k->visits_on)
        return;
    char why[256];
    if (visits_load(&counts, k->state_dir, why, sizeof why) == 0)
        return;
    int e = visits_set_aside(k->state_dir);
    fprintf(stderr, "kiosk: %s/%s could not be read (%s); %s, and visits are counted "
            "afresh from now\n", k->state_dir, VISITS_FILE, why,
            e ? "it could not be moved aside either" : "it was kept as " VISITS_FILE_BAD);
}

void run_visits_tick(run *k, uint64_t now)
{
    if (!k->visits_on || now < k->vis_next_check)
        return;
    k->vis_next_check = now + RUN_VISITS_CHECK_MS;
    if (visits_flush_due(&counts, run_visits_clock(now)))
        write_all(k);
}

void run_visits_stop(run *k, uint64_t now)
{
    if (!k->visits_on)
        return;
    visits_end_session(&counts, run_visits_clock(now));
    if (counts.dirty)
        write_all(k);
    k->visits_on = 0;
}
