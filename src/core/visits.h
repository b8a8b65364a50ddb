/* visits.h — what visitors read, counted anonymously on the device: sessions,
 * topics opened, pages read, time spent, buttons, contents rows, switches and
 * touches per hour of the day, kept per day (visits_file.c stores them).
 *
 * Nothing here is about a person: a session is "someone touched the loop,
 * and later the loop came back"; no time of a touch is kept finer than its
 * hour, and no order of what one visitor read.
 *
 * Time: every call takes a visits_clock the caller reads (a monotonic ms for
 * lengths, the local date and hour for the day's record); nothing here reads
 * a clock, so the tests drive days and hours by hand.
 *
 * What happened is derived, not reported: the platform gives the screen
 * shown before and after each nav_input / nav_tick (visits_view, made from
 * nav_view) and whether a tap hit a button (visits_touch); visits_classify
 * turns that into events. So the counting needs no change to navigation.
 *
 * Memory: fixed size, no allocation. A year and a month of days is kept
 * (VISITS_MAX_DAYS); the oldest day goes when a new one comes. */
#ifndef KIOSK_VISITS_H
#define KIOSK_VISITS_H

#include <stddef.h>
#include <stdint.h>

#include "kiosk_limits.h"
#include "layout.h"

/* Days kept: 400, a year with the same month of last year beside it for
 * comparison; at VISITS_DAY_BYTES each the file stays under 200 KB, which an
 * SD card writes in a few milliseconds once an hour. */
#define VISITS_MAX_DAYS 400
/* Topic names remembered over those days: the menu shows at most 24, and
 * staff renaming or replacing topics over a year rarely add 40 more. When
 * full, the names no kept day uses are forgotten; a topic that still finds
 * no room counts in the day's totals only. */
#define VISITS_MAX_NAMES 64
/* A topic's name as kept: its file name without number and .md (a line of
 * the menu), cut at a whole character to fit. */
#define VISITS_NAME_BYTES 48
/* Topics counted per day: all a menu can show. */
#define VISITS_DAY_TOPICS KIOSK_MAX_TOPICS
/* A session longer than this is a fault (the kiosk returns to the loop after
 * its idle time, minutes at most): it counts this long. */
#define VISITS_MAX_SESSION_MS (3 * 3600 * 1000)

/* The counters of a day, in the CSV's column order (visits_count_name). */
typedef enum visits_count {
    VC_SESSIONS,       /* first touch on the loop .. back to the loop */
    VC_SECONDS,        /* time spent in those sessions */
    VC_TOPICS,         /* topics opened (from the menu, a contents row, ...) */
    VC_PAGES,          /* topic pages (cards, or their continuations) shown */
    VC_ROWS,           /* contents rows used */
    VC_PREVIOUS,       /* buttons used */
    VC_NEXT,
    VC_BACK,
    VC_HOME,
    VC_SWIPES,         /* swipes that paged a topic */
    VC_LANGUAGE,       /* language switches (issue 15) */
    VC_LARGE_TEXT,     /* large-text switches (issue 15) */
    VC_TOUCHES,        /* fingers put on the visitors' screens */
    VC_COUNT
} visits_count;

/* The clock of one call: mono_ms for lengths (like nav's now), the local
 * date as yyyymmdd and the hour 0-23 for the record it goes into. */
typedef struct visits_clock {
    uint64_t mono_ms;
    int32_t date;
    int hour;
} visits_clock;

/* Which screen is shown, as far as counting cares. */
typedef enum visits_place {
    VISITS_AT_LOOP, VISITS_AT_MENU, VISITS_AT_TOPIC, VISITS_AT_CONTENTS, VISITS_AT_OTHER
} visits_place;

typedef struct visits_view {
    visits_place at;
    int topic, page;           /* VISITS_AT_TOPIC and VISITS_AT_CONTENTS */
} visits_view;

/* What caused a change of screen: input (a touch) or not (the clock: loop
 * pages, the idle return); and if a tap hit something, its action (what
 * nav's hit callback returned; ACT_NONE when no tap was hit-tested). */
typedef struct visits_touch {
    int input;
    layout_action act;
} visits_touch;

/* Events of one change of screen (visits_classify). */
enum {
    VE_SESSION_START = 1 << 0,
    VE_SESSION_END = 1 << 1,
    VE_TOPIC = 1 << 2,         /* a topic opened: after.topic */
    VE_PAGE = 1 << 3,          /* a topic page shown */
    VE_ROW = 1 << 4,           /* a contents row took the visitor to a topic */
    VE_PREVIOUS = 1 << 5,
    VE_NEXT = 1 << 6,
    VE_BACK = 1 << 7,
    VE_HOME = 1 << 8,
    VE_SWIPE = 1 << 9
};

/* The events of going from before to after. Pure: the tests drive it. */
unsigned visits_classify(visits_view before, visits_view after, visits_touch why);

/* One topic's counts on a day. name: index into visits.names, or
 * VISITS_NO_NAME for an unused slot. */
#define VISITS_NO_NAME 0xffff
typedef struct visits_topic {
    uint16_t name;
    uint32_t opened, pages;
} visits_topic;

typedef struct visits_day {
    int32_t date;              /* yyyymmdd */
    uint32_t n[VC_COUNT];
    uint32_t hour[24];         /* touches in each hour of the day */
    visits_topic topic[VISITS_DAY_TOPICS];
} visits_day;

typedef struct visits {
    int ndays;
    visits_day day[VISITS_MAX_DAYS];   /* oldest first, dates rising */
    int nnames;
    char names[VISITS_MAX_NAMES][VISITS_NAME_BYTES];
    /* The session running, not kept in the file: a restart ends it. */
    int in_session;
    uint64_t session_start;
    /* Unsaved changes, and the hour (date * 100 + hour) of the first. */
    int dirty;
    int64_t dirty_hour;
} visits;

/* Nothing counted. */
void visits_init(visits *v);
/* Counts what visits_classify found; topic_name: the topic after.topic
 * (for VE_TOPIC and VE_PAGE), or NULL. */
void visits_count_events(visits *v, unsigned ev, const char *topic_name, visits_clock c);
/* A finger put on the visitors' screen. */
void visits_touch_down(visits *v, visits_clock c);
/* A language or large-text switch (issue 15): VC_LANGUAGE or VC_LARGE_TEXT. */
void visits_switch(visits *v, visits_count which, visits_clock c);
/* Ends a session still running (the kiosk stops): its time counts. */
void visits_end_session(visits *v, visits_clock c);

/* 1 when the counts should be written now: something changed in an hour
 * before c's, and no session runs (a visitor never waits for the disk; the
 * session's end comes within the idle time). */
int visits_flush_due(const visits *v, visits_clock c);
/* The counts were written. */
void visits_flushed(visits *v);

/* The record of date, or NULL. */
const visits_day *visits_day_of(const visits *v, int32_t date);
/* A count's name for a CSV heading ("sessions", ...). */
const char *visits_count_name(visits_count c);

/* What the table and the charts show of the days first..last. */
typedef struct visits_chart_topic {
    char name[VISITS_NAME_BYTES];
    uint32_t opened, pages;
} visits_chart_topic;

typedef struct visits_chart {
    int32_t first, last;       /* yyyymmdd, the days shown */
    int ndays;                 /* first..last, at most VISITS_MAX_DAYS */
    uint32_t sessions[VISITS_MAX_DAYS];   /* per day from first (0: none) */
    uint32_t total[VC_COUNT];  /* over those days */
    uint32_t hour[24];         /* touches in each hour, over those days */
    int ntopics;               /* most opened first */
    visits_chart_topic topic[VISITS_MAX_NAMES];
} visits_chart;

/* The ndays days ending with `last` (clamped to 1..VISITS_MAX_DAYS). */
void visits_chart_of(const visits *v, int32_t last, int ndays, visits_chart *ch);

/* Calendar help: days since 1970-01-01 of yyyymmdd and back; 1 when
 * yyyymmdd is a real date (2000-2199). */
int64_t visits_day_number(int32_t date);
int32_t visits_date_of(int64_t day_number);
int visits_date_valid(int32_t date);

#endif
