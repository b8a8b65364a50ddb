/* stats_cli.c — `kiosk --stats`: the visit counts as a table, and --png. */
#include "platform/stats_cli.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/visits.h"
#include "core/layout_visits.h"
#include "core/visits_file.h"
#include "render/stats_png.h"

static int32_t today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 20000101;
    return (int32_t)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

static void print_date(int32_t d)
{
    printf("%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

static void print_minutes(uint32_t seconds)
{
    printf(" %7u.%u", seconds / 60, seconds % 60 * 10 / 60);
}

static void print_row(const uint32_t *n)
{
    printf(" %8u", n[VC_SESSIONS]);
    print_minutes(n[VC_SECONDS]);
    printf(" %7u %6u %5u %8u %7u %6u %6u %7u\n", n[VC_TOPICS], n[VC_PAGES], n[VC_ROWS],
           n[VC_PREVIOUS] + n[VC_NEXT], n[VC_BACK] + n[VC_HOME], n[VC_SWIPES],
           n[VC_LANGUAGE] + n[VC_LARGE_TEXT], n[VC_TOUCHES]);
}

static void print_days(const visits *v, const visits_chart *ch)
{
    printf("%-10s %8s %9s %7s %6s %5s %8s %7s %6s %6s %7s\n", "date", "visits", "minutes",
           "topics", "pages", "rows", "prev/nxt", "back/hm", "swipes", "switch", "touches");
    int64_t d0 = visits_day_number(ch->first);
    for (int i = 0; i < ch->ndays; i++) {
        const visits_day *d = visits_day_of(v, visits_date_of(d0 + i));
        if (!d)
            continue;
        print_date(d->date);
        print_row(d->n);
    }
    printf("all days  ");
    print_row(ch->total);
}

static void print_topics(const visits_chart *ch)
{
    if (!ch->ntopics)
        return;
    printf("\ntopic                                        opened  pages\n");
    for (int i = 0; i < ch->ntopics; i++)
        printf("%-44s %7u %6u\n", ch->topic[i].name, ch->topic[i].opened,
               ch->topic[i].pages);
}

static void print_hours(const visits_chart *ch)
{
    uint32_t top = 0;
    for (int h = 0; h < 24; h++)
        top = ch->hour[h] > top ? ch->hour[h] : top;
    if (!top)
        return;
    printf("\nhour    touches\n");
    for (int h = 0; h < 24; h++) {
        if (!ch->hour[h])
            continue;
        int bar = (int)((ch->hour[h] * 40ull + top - 1) / top);
        printf("%02d-%02d %9u %.*s\n", h, h + 1, ch->hour[h], bar,
               "########################################");
    }
}

/* The charts into o->png, in the words and colours of o->content_dir. */
static int png(const stats_options *o, const visits_chart *ch)
{
    char err[512];
    kiosk_fs fs = fs_posix;   /* kiosk.ini is all that is needed: no pictures */
    content_snapshot *s = content_load(o->content_dir, &fs);
    if (!s) {
        fprintf(stderr, "kiosk: out of memory\n");
        return 1;
    }
    int rc = 1;
    metrics_ttf fonts;
    if (!visits_labels_present(&s->settings)) {
        fprintf(stderr, "kiosk: %s/kiosk.ini has not every word the charts need under "
                "[labels] (visits_title, visits_per_day, visits_topics, visits_hours, "
                "visits_none); add them as content/README.md shows\n", o->content_dir);
    } else if (metrics_ttf_start(&fonts, o->assets, err, sizeof err) != METRICS_TTF_STARTED) {
        fprintf(stderr, "kiosk: %s\n", err);
    } else {
        rc = stats_png_write(s, o->content_dir, &fonts, ch, o->w, o->h, o->png, err,
                             sizeof err) != 0;
        if (rc)
            fprintf(stderr, "kiosk: %s\n", err);
        else
            printf("\nThe charts are in %s (%dx%d).\n", o->png, o->w, o->h);
        metrics_ttf_stop(&fonts);
    }
    content_free(s);
    return rc;
}

int stats_main(const stats_options *o)
{
    static visits v;
    static visits_chart ch;
    const char *state = o->state ? o->state : STATS_DEFAULT_STATE;
    int days = o->days > 0 ? o->days : STATS_DEFAULT_DAYS;
    char why[256];
    struct stat st;
    if (stat(state, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "kiosk: there is no state folder %s; give the kiosk's own "
                "with --state DIR (the one after --state in its service)\n", state);
        return 1;
    }
    if (visits_load(&v, state, why, sizeof why) != 0) {
        fprintf(stderr, "kiosk: %s/%s cannot be read: %s. The kiosk keeps it aside as "
                "%s at its next start and counts afresh\n", state, VISITS_FILE, why,
                VISITS_FILE_BAD);
        return 1;
    }
    visits_chart_of(&v, today(), days, &ch);
    printf("Visits counted by the kiosk (%s), %d day%s from ", state, ch.ndays,
           ch.ndays == 1 ? "" : "s");
    print_date(ch.first);
    printf(" to ");
    print_date(ch.last);
    printf(":\n\n");
    if (v.ndays == 0)
        printf("Nothing counted yet (no %s in %s). The kiosk writes it every hour "
               "someone used the screen, and when it stops.\n\n", VISITS_FILE, state);
    print_days(&v, &ch);
    print_topics(&ch);
    print_hours(&ch);
    return o->png ? png(o, &ch) : 0;
}
