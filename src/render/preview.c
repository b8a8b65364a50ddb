/* preview.c — draws every screen into PNG files for staff and for tests. */
#include "render/preview.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kiosk_limits.h"
#include "render/png_write.h"
#include "render/render.h"


typedef struct preview {
    render r;
    SDL_Surface *surface;
    render_screen *screen;
    const char *outdir;
    FILE *index;               /* screens.tsv: file name, then the title shown */
    FILE *boxes;               /* boxes.tsv: every tap target of every screen */
    int written;
    int notice;                /* the idle notice over screens a visitor touches */
    char *err;
    int cap;
} preview;

/* One line per tap target (the backdrop aside): screen, action, its arg (a
 * tile's topic, a contents row's topic page),
 * x, y, w, h. End-to-end tests tap these instead of guessed pixels. */
static void note_targets(preview *p, const char *name)
{
    static const char *const act[] = {"none", "menu", "back", "home", "previous",
                                      "next", "topic", "entry", "language",
                                      "large_text", "more_time"};
    const layout_screen *sc = &p->screen->layout;
    for (int i = 0; i < sc->nbox; i++) {
        const layout_box *b = &sc->box[i];
        if (b->action == ACT_NONE || b->backdrop || (unsigned)b->action > ACT_MORE_TIME)
            continue;
        fprintf(p->boxes, "%s\t%s\t%d\t%d\t%d\t%d\t%d\n", name, act[b->action],
                b->arg, b->x, b->y, b->w, b->h);
    }
}

/* Draws what is in p->screen->layout, saves it as outdir/name and notes
 * the screen's title (what a visitor reads first) in the index. */
static int shoot(preview *p, const char *name, const char *title)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", p->outdir, name);
    if (png_write_drawn(&p->r, p->screen, p->surface, path, p->err, p->cap) != 0)
        return -1;
    fprintf(p->index, "%s\t%s\n", name, title ? title : "");
    note_targets(p, name);
    p->written++;
    return 0;
}

/* The title a card's screens show: a review is known by its writer. */
static const char *card_title(const content_snapshot *s, int topic, int card)
{
    const content_card *c = &s->topics[topic].cards[card];
    return c->kind == CARD_REVIEW && c->review_name ? c->review_name : c->title;
}

/* Whether the screen shows t, maybe broken over lines: the menu's heading
 * gives way to bigger tiles on small screens. */
static int shows(const layout_screen *sc, const char *t)
{
    char all[8192];
    int n = 0;
    for (int i = 0; t && i < sc->nbox; i++) {
        const layout_box *b = &sc->box[i];
        if (b->kind != BOX_TEXT || n + b->len + 2 > (int)sizeof all)
            continue;
        memcpy(all + n, b->text, (size_t)b->len);
        n += b->len;
        all[n++] = ' ';
    }
    all[n] = 0;
    return t && strstr(all, t) != NULL;
}

/* The menu's title: its heading when shown, else its first tile's. */
static const char *menu_title(const content_snapshot *s, const layout_deck *d,
                              const layout_screen *sc)
{
    const char *label = s->settings.label[LABEL_MENU_TITLE];
    if (shows(sc, label))
        return label;
    for (int t = 0; t < s->ntopics; t++)
        if (d->topic[t].npages > 0)
            return s->topics[t].title;
    return label;
}

/* The idle notice over the screen laid out, as the kiosk shows it before
 * going back to the loop (with --notice). */
static void notice(preview *p, const content_snapshot *s, const layout_metrics *m)
{
    if (p->notice)
        layout_notice_overlay(&p->screen->layout, s, m);
}

static int shoot_all(preview *p, const content_snapshot *s, const layout_deck *d,
                     const layout_metrics *m)
{
    char name[KIOSK_MAX_PATH_BYTES + 32];
    for (int i = 0; i < d->nloop; i++) {
        layout_loop_screen(&p->screen->layout, s, d, m, i);
        snprintf(name, sizeof name, "loop-%02d.png", i + 1);
        if (shoot(p, name, card_title(s, d->loop[i].topic, d->loop[i].card)))
            return -1;
    }
    layout_menu_screen(&p->screen->layout, s, d, m);
    notice(p, s, m);
    if (shoot(p, "menu.png", menu_title(s, d, &p->screen->layout)))
        return -1;
    for (int t = 0; t < s->ntopics; t++) {
        for (int pg = 0; pg < d->topic[t].ncontents; pg++) {
            layout_contents_screen(&p->screen->layout, s, d, m, t, pg);
            notice(p, s, m);
            snprintf(name, sizeof name, "%s-contents-%02d.png", s->topics[t].name, pg + 1);
            if (shoot(p, name, s->topics[t].title))
                return -1;
        }
        for (int pg = 0; pg < d->topic[t].npages; pg++) {
            layout_topic_screen(&p->screen->layout, s, d, m, t, pg);
            notice(p, s, m);
            const layout_page *lp = &d->topic[t].page[pg];
            snprintf(name, sizeof name, "%s-%02d.png", s->topics[t].name, pg + 1);
            if (shoot(p, name, card_title(s, lp->topic, lp->card)))
                return -1;
        }
    }
    layout_empty_screen(&p->screen->layout, s, m, d->w, d->h);
    return shoot(p, "empty.png", s->settings.spa_name);
}

static int write_all(preview *p, const preview_job *j, arena *a)
{
    const content_snapshot *s = j->s;
    layout_metrics m = metrics_ttf_interface(j->fonts);
    layout_deck d;
    char path[1400];
    snprintf(path, sizeof path, "%s/screens.tsv", j->outdir);
    if (!(p->index = fopen(path, "w")))
        snprintf(p->err, (size_t)p->cap, "could not write %s; check that the folder "
                 "can be written to", path);
    else if (snprintf(path, sizeof path, "%s/boxes.tsv", j->outdir) < 0 ||
             !(p->boxes = fopen(path, "w")))
        snprintf(p->err, (size_t)p->cap, "could not write %s; check that the folder "
                 "can be written to", path);
    else if (layout_deck_build(&d, s, &m, j->w, j->h, a) != 0)
        snprintf(p->err, (size_t)p->cap, "the content is too large to lay out at %dx%d",
                 j->w, j->h);
    else
        return shoot_all(p, s, &d, &m);
    return -1;
}

/* Closes f, the rc it leaves: a failed close loses what was written. */
static int finish(FILE *f, int rc, const char *name, const char *outdir, char *err,
                  int cap)
{
    if (f && fclose(f) != 0 && rc == 0) {
        snprintf(err, (size_t)cap, "could not finish %s in %s; is the disk full?", name,
                 outdir);
        return -1;
    }
    return rc;
}

int preview_write(const preview_job *j, char *err, int cap)
{
    preview p = {.outdir = j->outdir, .notice = j->notice, .err = err, .cap = cap};
    p.surface = SDL_CreateRGBSurfaceWithFormat(0, j->w, j->h, 32, SDL_PIXELFORMAT_ARGB8888);
    p.screen = calloc(1, sizeof *p.screen);
    SDL_Renderer *sdl = p.surface ? SDL_CreateSoftwareRenderer(p.surface) : NULL;
    if (!sdl || !p.screen) {
        snprintf(err, (size_t)cap, "not enough memory to draw a %dx%d screen", j->w, j->h);
        free(p.screen);
        SDL_FreeSurface(p.surface);
        return -1;
    }
    render_init(&p.r, sdl, j->fonts);
    render_use_pictures(&p.r, j->pictures);
    render_reset(&p.r, &j->s->settings, j->content_dir);
    arena a;
    arena_init(&a, KIOSK_DECK_ARENA_BYTES);
    int rc = write_all(&p, j, &a);
    rc = finish(p.index, rc, "screens.tsv", j->outdir, err, cap);
    rc = finish(p.boxes, rc, "boxes.tsv", j->outdir, err, cap);
    arena_fini(&a);
    render_fini(&p.r);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(p.surface);
    free(p.screen);
    return rc < 0 ? -1 : p.written;
}
