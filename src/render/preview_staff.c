/* preview_staff.c — the staff view's screens to PNG: the pad with two
 * digits typed, the status screen with this folder's status, its charts of
 * a made-up fortnight of visits, and the USB stick screens for a made-up
 * stick. */
#include "render/preview_staff.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/staff.h"
#include "core/status.h"
#include "core/layout_visits.h"
#include "render/png_write.h"
#include "render/render.h"

typedef struct shot {
    render r;
    SDL_Surface *surface;
    render_screen *screen;
    const char *outdir;
    FILE *index;
} shot;

static int shoot(shot *p, const char *name, const char *title, char *err, int cap)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", p->outdir, name);
    if (png_write_drawn(&p->r, p->screen, p->surface, path, err, cap) != 0)
        return -1;
    fprintf(p->index, "%s\t%s\n", name, title ? title : "");
    return 0;
}

/* The status as the staff view shows it: STATUS.txt without its first note
 * and its version line (the screen has its own). */
static char *status_body(const content_snapshot *s)
{
    status_report r = { .showing = content_usable(s) ? STATUS_FRESH : STATUS_PARTIAL,
                        .since = "(when the kiosk shows it)", .shown = s, .current = s };
    size_t n = status_format(&r, NULL, 0);
    char *text = malloc(n + 1);
    if (!text)
        return NULL;
    status_format(&r, text, n + 1);
    char *rest = strstr(text, "\n\n");
    if (rest)
        memmove(text, rest + 2, strlen(rest + 2) + 1);
    return text;
}

/* A stick on offer as --render shows it: made up (no stick is read), a
 * few topics and one problem (a warning, or for the stick that cannot be
 * imported an error), worded as kiosk --check words them. */
#define PREVIEW_USB_TOPICS 4
#define PREVIEW_USB_PICTURES 9
#define PREVIEW_USB_WARNING "kiosk/20-symptoms.md:14: this card is too long for " \
    "one screen at 800x480; it continues on a next card"
#define PREVIEW_USB_ERROR "kiosk/20-symptoms.md:9: the picture sauna.jpg is " \
    "missing; put it in the folder or remove the line"

/* The USB stick screens (run_usb.c draws them live): the offer, one with
 * errors (no Import), the import running, and both results. Nothing when
 * their labels are not all set: the running kiosk then offers no stick.
 * The number written, or -1. */
static int shoot_usb(shot *p, const preview_job *j, const layout_metrics *m, char *err,
                     int cap)
{
#define OFFER .kind = USB_OFFER, .ntopics = PREVIEW_USB_TOPICS, \
              .npictures = PREVIEW_USB_PICTURES, .why = LABEL_COUNT
    static const struct {
        const char *name;
        usb_screen u;
    } shots[] = {
        {"usb-offer.png", {OFFER, .usable = 1, .problems = PREVIEW_USB_WARNING}},
        {"usb-offer-unusable.png", {OFFER, .usable = 0, .problems = PREVIEW_USB_ERROR}},
        {"usb-importing.png", {OFFER, .usable = 1, .problems = PREVIEW_USB_WARNING,
                               .importing = 1}},
        {"usb-imported.png", {.kind = USB_RESULT, .imported = 1, .why = LABEL_COUNT}},
        {"usb-not-imported.png", {.kind = USB_RESULT, .imported = 0,
                                  .why = LABEL_USB_GONE}},
    };
#undef OFFER
    const content_snapshot *s = j->s;
    if (!usb_labels_present(&s->settings))
        return 0;
    int n = (int)(sizeof shots / sizeof shots[0]);
    for (int i = 0; i < n; i++) {
        layout_usb_screen(&p->screen->layout, s, m, j->w, j->h, &shots[i].u);
        if (shoot(p, shots[i].name, s->settings.label[LABEL_USB_TITLE], err, cap))
            return -1;
    }
    return n;
}

/* The last day of the made-up fortnight the chart page shows (--render
 * reads no counts, and a fixed date keeps the pictures the same). */
#define PREVIEW_VISITS_LAST 20261130
#define PREVIEW_VISITS_DAYS 14

/* A made-up fortnight of visits to the folder's topics, some more read. */
static void made_up_chart(const content_snapshot *s, visits_chart *ch)
{
    static visits v;
    visits_init(&v);
    int64_t d0 = visits_day_number(PREVIEW_VISITS_LAST) - PREVIEW_VISITS_DAYS + 1;
    for (int d = 0; d < PREVIEW_VISITS_DAYS; d++) {
        int32_t date = visits_date_of(d0 + d);
        for (int i = 0, n = 4 + d * 5 % 9; i < n; i++) {
            visits_clock c = {(uint64_t)i * 600000u, date, 9 + (i * 7 + d) % 10};
            visits_touch_down(&v, c);
            visits_count_events(&v, VE_SESSION_START, NULL, c);
            const char *name = s->ntopics ? s->topics[(i * i + d) % s->ntopics].name : NULL;
            visits_count_events(&v, VE_TOPIC | VE_PAGE, name, c);
            c.mono_ms += 90000;
            visits_count_events(&v, VE_SESSION_END, NULL, c);
        }
    }
    visits_chart_of(&v, PREVIEW_VISITS_LAST, PREVIEW_VISITS_DAYS, ch);
}

/* The staff view's last page: the charts (info->chart). Nothing when there
 * are none (their labels are not all set: the staff view has no such page). */
static int shoot_charts(shot *p, const preview_job *j, const layout_metrics *m,
                        const staff_info *info, char *err, int cap)
{
    const content_snapshot *s = j->s;
    if (!info->chart)
        return 0;
    layout_staff_view(&p->screen->layout, s, m, j->w, j->h, info, INT_MAX);
    return shoot(p, "staff-visits.png", s->settings.label[LABEL_VISITS_TITLE], err, cap)
        ? -1 : 1;
}

static int shoot_both(shot *p, const preview_job *j, const layout_metrics *m, char *err,
                      int cap)
{
    const content_snapshot *s = j->s;
    int w = j->w, h = j->h;
    staff st;
    staff_init(&st);
    staff_request(&st, s->settings.staff_pin, 0);
    st.nentered = 2;   /* two dots: what staff see while typing */
    staff_pin_view pv = staff_pin_view_of(&st);
    layout_staff_pin(&p->screen->layout, s, m, w, h, &pv);
    if (shoot(p, "staff-pin.png", s->settings.label[LABEL_STAFF_PIN_PROMPT], err, cap))
        return -1;
    char *body = status_body(s);
    /* As the running kiosk shows it with a state folder: the charts are its
     * last page (so the status page has Next). */
    static visits_chart ch;
    int charts = visits_labels_present(&s->settings);
    if (charts)
        made_up_chart(s, &ch);
    staff_info info = { body ? body : "", j->addresses ? j->addresses : "", KIOSK_VERSION,
                        charts ? &ch : NULL };
    layout_staff_view(&p->screen->layout, s, m, w, h, &info, 0);
    int rc = shoot(p, "staff.png", s->settings.label[LABEL_STAFF_TITLE], err, cap);
    charts = rc < 0 ? -1 : shoot_charts(p, j, m, &info, err, cap);
    free(body);
    int usb = charts < 0 ? -1 : shoot_usb(p, j, m, err, cap);
    return usb < 0 ? -1 : 2 + charts + usb;
}

int preview_staff_write(const preview_job *j, char *err, int cap)
{
    if (!j->s->settings.staff_pin)
        return 0;
    int w = j->w, h = j->h;
    shot p = { .outdir = j->outdir };
    char path[1400];
    snprintf(path, sizeof path, "%s/screens.tsv", j->outdir);
    p.surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    p.screen = calloc(1, sizeof *p.screen);
    SDL_Renderer *sdl = p.surface ? SDL_CreateSoftwareRenderer(p.surface) : NULL;
    p.index = fopen(path, "a");
    int rc = -1;
    if (!sdl || !p.screen) {
        snprintf(err, (size_t)cap, "not enough memory to draw a %dx%d screen", w, h);
    } else if (!p.index) {
        snprintf(err, (size_t)cap, "could not write %s", path);
    } else {
        render_init(&p.r, sdl, j->fonts);
        render_use_pictures(&p.r, j->pictures);
        render_reset(&p.r, &j->s->settings, j->content_dir);
        layout_metrics m = metrics_ttf_interface(j->fonts);
        rc = shoot_both(&p, j, &m, err, cap);
        render_fini(&p.r);
    }
    if (p.index && fclose(p.index) != 0 && rc >= 0) {
        snprintf(err, (size_t)cap, "could not finish %s; is the disk full?", path);
        rc = -1;
    }
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(p.surface);
    free(p.screen);
    return rc;
}
