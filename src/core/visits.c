/* visits.c — counting what visitors read, per day, from changes of screen. */
#include "visits.h"

#include <stdlib.h>
#include <string.h>

static int same_view(visits_view a, visits_view b)
{
    if (a.at != b.at)
        return 0;
    return (a.at != VISITS_AT_TOPIC && a.at != VISITS_AT_CONTENTS) ||
           (a.topic == b.topic && a.page == b.page);
}

/* A topic's pages or its contents screen. */
static int in_topic(visits_view v)
{
    return v.at == VISITS_AT_TOPIC || v.at == VISITS_AT_CONTENTS;
}

static unsigned button(layout_action act)
{
    switch (act) {
    case ACT_PREV: return VE_PREVIOUS;
    case ACT_NEXT: return VE_NEXT;
    case ACT_BACK: return VE_BACK;
    case ACT_HOME: return VE_HOME;
    default: return 0;
    }
}

unsigned visits_classify(visits_view before, visits_view after, visits_touch why)
{
    if (same_view(before, after))
        return 0;
    unsigned ev = 0;
    int in_b = before.at != VISITS_AT_LOOP, in_a = after.at != VISITS_AT_LOOP;
    if (!in_b && in_a)
        ev |= VE_SESSION_START;
    if (in_b && !in_a)
        ev |= VE_SESSION_END;
    if (after.at == VISITS_AT_TOPIC)
        ev |= VE_PAGE;
    /* Opened: its contents or a page reached from outside the topic, so
     * contents -> card -> Back -> contents is still one topic opened. */
    if (in_topic(after) && (!in_topic(before) || before.topic != after.topic))
        ev |= VE_TOPIC;
    if (!why.input)
        return ev;   /* the clock: a loop page, the idle return */
    if (why.act != ACT_NONE) {
        ev |= button(why.act);
        /* A tap on a contents screen that opens a topic is a row: the
         * contents screen's rows are its only way into a topic. */
        if (before.at == VISITS_AT_CONTENTS && after.at == VISITS_AT_TOPIC)
            ev |= VE_ROW;
    } else if (in_topic(before)) {
        /* Input that moved without a tap: a swipe. (On the loop nav
         * hit-tests nothing: a tap and a swipe both just open the menu.) */
        ev |= VE_SWIPE;
    }
    return ev;
}

static int64_t hour_key(visits_clock c)
{
    return (int64_t)c.date * 100 + c.hour;
}

static void touched(visits *v, visits_clock c)
{
    if (!v->dirty) {
        v->dirty = 1;
        v->dirty_hour = hour_key(c);
    }
}

/* The record of c's date, made (in date order) when missing; the oldest
 * day goes when all are in use. NULL for a date that is not one. */
static visits_day *day_for(visits *v, int32_t date)
{
    if (!visits_date_valid(date))
        return NULL;
    int i = v->ndays;
    while (i > 0 && v->day[i - 1].date > date)
        i--;
    if (i > 0 && v->day[i - 1].date == date)
        return &v->day[i - 1];
    if (v->ndays == VISITS_MAX_DAYS) {
        if (i == 0)
            return NULL;   /* older than everything kept: not worth a day */
        memmove(&v->day[0], &v->day[1], sizeof v->day[0] * (size_t)(VISITS_MAX_DAYS - 1));
        v->ndays--;
        i--;
    }
    memmove(&v->day[i + 1], &v->day[i], sizeof v->day[0] * (size_t)(v->ndays - i));
    v->ndays++;
    visits_day *d = &v->day[i];
    memset(d, 0, sizeof *d);
    d->date = date;
    for (int t = 0; t < VISITS_DAY_TOPICS; t++)
        d->topic[t].name = VISITS_NO_NAME;
    return d;
}

static int name_used(const visits *v, int name)
{
    for (int i = 0; i < v->ndays; i++)
        for (int t = 0; t < VISITS_DAY_TOPICS; t++)
            if (v->day[i].topic[t].name == name)
                return 1;
    return 0;
}

/* Drops the names no day uses (renumbering the days' slots). */
static void names_compact(visits *v)
{
    int map[VISITS_MAX_NAMES], n = 0;
    for (int i = 0; i < v->nnames; i++) {
        map[i] = name_used(v, i) ? n++ : -1;
        if (map[i] >= 0 && map[i] != i)
            memcpy(v->names[map[i]], v->names[i], VISITS_NAME_BYTES);
    }
    for (int i = 0; i < v->ndays; i++)
        for (int t = 0; t < VISITS_DAY_TOPICS; t++) {
            visits_topic *tp = &v->day[i].topic[t];
            if (tp->name != VISITS_NO_NAME)
                tp->name = (uint16_t)map[tp->name];
        }
    v->nnames = n;
}

/* name cut to fit at a whole UTF-8 character, control bytes made spaces
 * (it goes into a CSV line). */
static void name_copy(char *dst, const char *name)
{
    size_t n = 0;
    while (name[n] && n < VISITS_NAME_BYTES - 1)
        n++;
    while (n > 0 && name[n] && ((unsigned char)name[n] & 0xc0) == 0x80)
        n--;   /* do not end inside a character */
    for (size_t i = 0; i < n; i++)
        dst[i] = (unsigned char)name[i] < 0x20 || name[i] == '"' ? ' ' : name[i];
    memset(dst + n, 0, VISITS_NAME_BYTES - n);
}

/* Index of name in v->names, added when missing; -1 when no room. */
static int name_index(visits *v, const char *name)
{
    char cut[VISITS_NAME_BYTES];
    name_copy(cut, name);
    for (int i = 0; i < v->nnames; i++)
        if (!strcmp(v->names[i], cut))
            return i;
    if (v->nnames == VISITS_MAX_NAMES)
        names_compact(v);
    if (v->nnames == VISITS_MAX_NAMES)
        return -1;
    memcpy(v->names[v->nnames], cut, VISITS_NAME_BYTES);
    return v->nnames++;
}

/* The day's slot of a topic, or NULL (no name, no room). */
static visits_topic *topic_slot(visits *v, visits_day *d, const char *name)
{
    if (!name || !*name)
        return NULL;
    int ix = name_index(v, name);
    if (ix < 0)
        return NULL;
    for (int t = 0; t < VISITS_DAY_TOPICS; t++) {
        visits_topic *tp = &d->topic[t];
        if (tp->name == ix)
            return tp;
        if (tp->name == VISITS_NO_NAME) {
            tp->name = (uint16_t)ix;
            return tp;
        }
    }
    return NULL;
}

static void add(visits_day *d, visits_count c, uint32_t by)
{
    d->n[c] = d->n[c] > UINT32_MAX - by ? UINT32_MAX : d->n[c] + by;
}

static void session_end(visits *v, visits_day *d, visits_clock c)
{
    if (!v->in_session)
        return;
    v->in_session = 0;
    uint64_t ms = c.mono_ms > v->session_start ? c.mono_ms - v->session_start : 0;
    if (ms > VISITS_MAX_SESSION_MS)
        ms = VISITS_MAX_SESSION_MS;
    add(d, VC_SECONDS, (uint32_t)((ms + 500) / 1000));
}

void visits_count_events(visits *v, unsigned ev, const char *topic_name, visits_clock c)
{
    if (!ev)
        return;
    visits_day *d = day_for(v, c.date);
    if (!d)
        return;
    touched(v, c);
    if (ev & VE_SESSION_END)
        session_end(v, d, c);
    if (ev & VE_SESSION_START) {
        add(d, VC_SESSIONS, 1);
        v->in_session = 1;
        v->session_start = c.mono_ms;
    }
    static const struct { unsigned ev; visits_count c; } simple[] = {
        {VE_TOPIC, VC_TOPICS}, {VE_PAGE, VC_PAGES}, {VE_ROW, VC_ROWS},
        {VE_PREVIOUS, VC_PREVIOUS}, {VE_NEXT, VC_NEXT}, {VE_BACK, VC_BACK},
        {VE_HOME, VC_HOME}, {VE_SWIPE, VC_SWIPES},
    };
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
        if (ev & simple[i].ev)
            add(d, simple[i].c, 1);
    if (!(ev & (VE_TOPIC | VE_PAGE)))
        return;
    visits_topic *tp = topic_slot(v, d, topic_name);
    if (tp && (ev & VE_TOPIC))
        tp->opened++;
    if (tp && (ev & VE_PAGE))
        tp->pages++;
}

void visits_touch_down(visits *v, visits_clock c)
{
    visits_day *d = c.hour >= 0 && c.hour < 24 ? day_for(v, c.date) : NULL;
    if (!d)
        return;
    touched(v, c);
    add(d, VC_TOUCHES, 1);
    d->hour[c.hour]++;
}

void visits_switch(visits *v, visits_count which, visits_clock c)
{
    visits_day *d = day_for(v, c.date);
    if (!d || (which != VC_LANGUAGE && which != VC_LARGE_TEXT))
        return;
    touched(v, c);
    add(d, which, 1);
}

void visits_end_session(visits *v, visits_clock c)
{
    visits_day *d = v->in_session ? day_for(v, c.date) : NULL;
    if (!d) {
        v->in_session = 0;
        return;
    }
    touched(v, c);
    session_end(v, d, c);
}

int visits_flush_due(const visits *v, visits_clock c)
{
    return v->dirty && !v->in_session && hour_key(c) != v->dirty_hour;
}

void visits_flushed(visits *v)
{
    v->dirty = 0;
}

void visits_init(visits *v)
{
    memset(v, 0, sizeof *v);
}

const visits_day *visits_day_of(const visits *v, int32_t date)
{
    for (int i = 0; i < v->ndays; i++)
        if (v->day[i].date == date)
            return &v->day[i];
    return NULL;
}

const char *visits_count_name(visits_count c)
{
    static const char *names[VC_COUNT] = {
        "sessions", "seconds", "topics opened", "pages read", "contents rows",
        "previous", "next", "back", "home", "swipes", "language switches",
        "large text switches", "touches",
    };
    return c >= 0 && c < VC_COUNT ? names[c] : "";
}

/* ---- what the table and charts show ---- */

static void chart_add_day(const visits *v, const visits_day *d, visits_chart *ch,
                          uint32_t *opened, uint32_t *pages)
{
    for (int k = 0; k < VC_COUNT; k++)
        ch->total[k] += d->n[k];
    for (int h = 0; h < 24; h++)
        ch->hour[h] += d->hour[h];
    for (int t = 0; t < VISITS_DAY_TOPICS; t++) {
        const visits_topic *tp = &d->topic[t];
        if (tp->name == VISITS_NO_NAME || tp->name >= v->nnames)
            continue;
        opened[tp->name] += tp->opened;
        pages[tp->name] += tp->pages;
    }
}

static int topic_cmp(const void *a, const void *b)
{
    const visits_chart_topic *x = a, *y = b;
    if (x->opened != y->opened)
        return x->opened > y->opened ? -1 : 1;
    if (x->pages != y->pages)
        return x->pages > y->pages ? -1 : 1;
    return strcmp(x->name, y->name);
}

void visits_chart_of(const visits *v, int32_t last, int ndays, visits_chart *ch)
{
    memset(ch, 0, sizeof *ch);
    if (ndays < 1)
        ndays = 1;
    if (ndays > VISITS_MAX_DAYS)
        ndays = VISITS_MAX_DAYS;
    int64_t end = visits_day_number(last), start = end - ndays + 1;
    ch->first = visits_date_of(start);
    ch->last = last;
    ch->ndays = ndays;
    uint32_t opened[VISITS_MAX_NAMES] = {0}, pages[VISITS_MAX_NAMES] = {0};
    for (int i = 0; i < v->ndays; i++) {
        int64_t n = visits_day_number(v->day[i].date);
        if (n < start || n > end)
            continue;
        ch->sessions[n - start] = v->day[i].n[VC_SESSIONS];
        chart_add_day(v, &v->day[i], ch, opened, pages);
    }
    for (int i = 0; i < v->nnames; i++) {
        if (!opened[i] && !pages[i])
            continue;
        visits_chart_topic *t = &ch->topic[ch->ntopics++];
        memcpy(t->name, v->names[i], VISITS_NAME_BYTES);
        t->opened = opened[i];
        t->pages = pages[i];
    }
    qsort(ch->topic, (size_t)ch->ntopics, sizeof ch->topic[0], topic_cmp);
}

/* ---- the calendar (proleptic Gregorian, Howard Hinnant's days_from_civil) ---- */

int64_t visits_day_number(int32_t date)
{
    int64_t y = date / 10000, m = date / 100 % 100, d = date % 100;
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t visits_date_of(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int visits_date_valid(int32_t date)
{
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (y < 2000 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    return visits_date_of(visits_day_number(date)) == date;
}
