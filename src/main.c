/* main.c — the command line: run the kiosk, --check, --render, --bench. */
#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/content.h"
#include "core/kiosk_limits.h"
#include "core/layout.h"
#include "core/visits.h"
#include "platform/bench.h"
#include "render/metrics_ttf.h"
#include "platform/netaddr.h"
#include "platform/picture.h"
#include "platform/picture_worker.h"
#include "platform/run.h"
#include "platform/stats_cli.h"
#include "render/preview.h"
#include "render/preview_staff.h"

/* Screen sizes accepted by --size and --window: from a small panel to 8K;
 * beyond that a PNG of every screen is hundreds of megabytes. */
#define MAIN_MIN_SIDE 240
#define MAIN_MAX_SIDE 7680

/* The sizes --check lays every card out at: the 7" panel the spa has, and
 * the portrait Touch Display 2, the two most cramped screens supported. */
static const int check_sizes[][2] = {{800, 480}, {720, 1280}};
#define CHECK_NSIZES ((int)(sizeof check_sizes / sizeof check_sizes[0]))

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ./content when there is one, else the bundled content of the source tree
 * (so the README's first command works from the build folder). */
static const char *default_content_dir(void)
{
    if (is_dir("content"))
        return "content";
#ifdef KIOSK_SOURCE_DIR
    if (is_dir(KIOSK_SOURCE_DIR "/content"))
        return KIOSK_SOURCE_DIR "/content";
#endif
    return "content";
}

/* mkdir -p: staff and tests name a fresh folder, maybe nested. */
static int make_dirs(const char *path)
{
    char p[1024];
    if (snprintf(p, sizeof p, "%s", path) >= (int)sizeof p)
        return -1;
    for (char *c = p + 1; *c; c++) {
        if (*c != '/')
            continue;
        *c = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            return -1;
        *c = '/';
    }
    return mkdir(p, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

static void usage(FILE *f)
{
    fputs("usage: kiosk [--content DIR] [--state DIR] [--window WxH] [--assets DIR]\n"
          "       kiosk --check [--content DIR]\n"
          "       kiosk --render OUTDIR [--size WxH] [--content DIR] [--lang all|CODE]\n"
          "              [--large-text] [--notice]\n"
          "       kiosk --bench [--quick] [--size WxH] [--content DIR]\n"
          "       kiosk --stats [--state DIR] [--days N] [--png FILE [--size WxH]]"
          " [--content DIR]\n", f);
}

static int parse_size(const char *arg, int *w, int *h)
{
    char x;
    if (sscanf(arg, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X'))
        return -1;
    if (*w < MAIN_MIN_SIDE || *h < MAIN_MIN_SIDE || *w > MAIN_MAX_SIDE || *h > MAIN_MAX_SIDE)
        return -1;
    return 0;
}

/* A contents screen's rows are its entries' titles: one that needs more
 * than two lines as a row on the 800x480 screen (at body size, on the
 * widest row) is a paragraph, not a button to find at a glance. Prints a
 * warning at each; returns how many. */
static int check_entry_titles(const content_snapshot *s, const layout_metrics *m)
{
    int n = 0;
    for (int t = 0; t < s->ntopics; t++) {
        if (!layout_topic_has_contents(s, t))
            continue;
        const content_topic *tp = &s->topics[t];
        for (int c = 0; c < tp->ncards; c++) {
            if (layout_card_entry(tp, c) < 0 || tp->cards[c].continues)
                continue;
            int lines = layout_entry_title_lines(s, m, check_sizes[0][0], check_sizes[0][1],
                                                 t, c);
            if (lines <= 2)
                continue;
            printf("%s:%d: this title takes %d lines as a button on the topic's contents "
                   "screen at %dx%d; shorten it to two lines at most, so visitors find "
                   "it at a glance\n", tp->file, tp->cards[c].line, lines,
                   check_sizes[0][0], check_sizes[0][1]);
            n++;
        }
    }
    return n;
}

static int check_layout_lang(const content_snapshot *s, const content_snapshot *base,
                             layout_metrics *mp);

/* Lays every card out at the check sizes with the real fonts and prints a
 * warning at each card that does not fit one screen, in every language.
 * Returns how many. */
static int check_layout(const content_snapshot *s, const char *assets_arg)
{
    metrics_ttf fonts;
    char err[512];
    metrics_ttf_failure why = metrics_ttf_start(&fonts, assets_arg, err, sizeof err);
    if (why == METRICS_TTF_UNREADABLE) {
        fprintf(stderr, "kiosk: %s\n", err);
        return 0;
    }
    if (why != METRICS_TTF_STARTED) {
        fprintf(stderr, "kiosk: the fonts were not found, so card lengths were not "
                "checked; give --assets DIR\n");
        return 0;
    }
    layout_metrics m = metrics_ttf_interface(&fonts);
    int n = 0;
    for (int g = 0; g < s->nlangs; g++) {
        content_snapshot v = content_view(s, g);
        n += check_layout_lang(&v, g ? s : NULL, &m);
    }
    metrics_ttf_stop(&fonts);
    return n;
}

/* check_layout for one language's view v; base: the default language, whose
 * topics standing in for a missing translation were checked already. */
static int check_layout_lang(const content_snapshot *s, const content_snapshot *base,
                             layout_metrics *mp)
{
    layout_metrics m = *mp;
    static unsigned char too_long[KIOSK_MAX_TOPICS][KIOSK_MAX_CARDS_PER_TOPIC];
    memset(too_long, 0, sizeof too_long);
    for (int z = 0; z < CHECK_NSIZES; z++) {
        arena a;
        arena_init(&a, KIOSK_DECK_ARENA_BYTES);
        layout_deck d;
        if (layout_deck_build(&d, s, &m, check_sizes[z][0], check_sizes[z][1], &a) == 0)
            for (int t = 0; t < s->ntopics && t < KIOSK_MAX_TOPICS; t++)
                for (int c = 0; c < s->topics[t].ncards && c < KIOSK_MAX_CARDS_PER_TOPIC; c++)
                    if (layout_card_parts(&d, t, c) > 1)
                        too_long[t][c] |= (unsigned char)(1u << z);
        arena_fini(&a);
    }
    int n = 0;
    for (int t = 0; t < s->ntopics && t < KIOSK_MAX_TOPICS; t++) {
        const content_topic *tp = &s->topics[t];
        for (int c = 0; c < tp->ncards && c < KIOSK_MAX_CARDS_PER_TOPIC; c++) {
            unsigned f = too_long[t][c];
            if (!f || (base && tp->file == base->topics[t].file))
                continue;
            char where[64] = "";
            for (int z = 0; z < CHECK_NSIZES; z++)
                if (f & (1u << z))
                    snprintf(where + strlen(where), sizeof where - strlen(where), "%s%dx%d",
                             where[0] ? " and " : "", check_sizes[z][0], check_sizes[z][1]);
            printf("%s:%d: this card is too long for one screen at %s; it continues on "
                   "a next card. To keep one idea per card, shorten it or split it "
                   "with a new ## heading\n", tp->file, tp->cards[c].line, where);
            n++;
        }
    }
    n += check_entry_titles(s, &m);
    return n;
}

/* Prints every problem, then one summary line. Exit 0 when usable. */
static int run_check(const char *dir, const char *assets)
{
    /* Every picture decoded whole, each in a bounded child process. */
    kiosk_fs fs = platform_picture_fs();
    content_snapshot *s = content_load(dir, &fs);
    if (!s) {
        fprintf(stderr, "kiosk: out of memory\n");
        return 1;
    }
    char line[1024];
    for (int i = 0; i < s->ndiags; i++) {
        content_diag_format(&s->diags[i], line, sizeof line);
        printf("%s\n", line);
    }
    if (s->nerrors + s->nwarnings > s->ndiags)
        printf("(%d more problems not shown: fix the ones above first)\n",
               s->nerrors + s->nwarnings - s->ndiags);
    int long_cards = check_layout(s, assets);
    int ok = content_usable(s);
    printf("%s: %d topics, %d cards, %d images; %d errors, %d warnings%s\n",
           dir, s->ntopics, s->ncards, s->nimages, s->nerrors, s->nwarnings + long_cards,
           ok ? "" : " - the kiosk will not show this content until the errors are fixed");
    content_free(s);
    return ok ? 0 : 1;
}

/* --notice: the idle notice (and its More time button, in boxes.tsv) over
 * the menu, contents and cards, as shown before the loop returns. */
static int render_notice;

/* Every screen of s at w x h into outdir, the staff view's too when it has
 * a PIN. The number written, or -1 with a plain sentence in err. */
static int render_screens(const content_snapshot *s, const char *dir, metrics_ttf *fonts,
                          int w, int h, const char *outdir, char *err, int cap)
{
    char addr[512];
    platform_addresses(addr, sizeof addr);
    preview_job j = {s, dir, fonts, platform_pictures_for_render(NULL), addr, w, h, outdir,
                     render_notice};
    int n = preview_write(&j, err, cap);
    int staff = n < 0 ? 0 : preview_staff_write(&j, err, cap);
    return staff < 0 ? -1 : n + staff;
}

/* --large-text: the visitors' screens as a visitor who touched "Aa" sees
 * them (large text, the high-contrast colours), without the staff view. */
static int render_large;

/* The visitors' screens of translation g of s into outdir (the staff view
 * is always in the default language). The number written, or -1 with a
 * plain sentence in err. */
static int render_lang(const content_snapshot *s, int g, const char *dir,
                       metrics_ttf *fonts, int w, int h, const char *outdir,
                       char *err, int cap)
{
    if (make_dirs(outdir) != 0 || !is_dir(outdir)) {
        snprintf(err, (size_t)cap, "could not make the folder %.400s", outdir);
        return -1;
    }
    content_snapshot v = content_visitor_view(s, g, render_large);
    preview_job j = {&v, dir, fonts, platform_pictures_for_render(NULL), "", w, h, outdir,
                     render_notice};
    return preview_write(&j, err, cap);
}

/* --lang: "all" draws the default language into outdir and each
 * translation into outdir/<code>/; a code draws only that translation,
 * into outdir; NULL only the default language. */
static int render_langs(const content_snapshot *s, const char *lang, const char *dir,
                        metrics_ttf *fonts, int w, int h, const char *outdir,
                        char *err, int cap)
{
    if (lang && strcmp(lang, "all") != 0) {
        for (int g = 1; g < s->nlangs; g++)
            if (!strcmp(lang, s->langs[g].code))
                return render_lang(s, g, dir, fonts, w, h, outdir, err, cap);
        snprintf(err, (size_t)cap, "the content has no translation %.64s: --lang takes "
                 "all or the name of a language folder in it (like es)", lang);
        return -1;
    }
    int n = render_large ? render_lang(s, 0, dir, fonts, w, h, outdir, err, cap)
                         : render_screens(s, dir, fonts, w, h, outdir, err, cap);
    for (int g = 1; lang && g < s->nlangs && n >= 0; g++) {
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", outdir, s->langs[g].code);
        int k = render_lang(s, g, dir, fonts, w, h, sub, err, cap);
        n = k < 0 ? -1 : n + k;
    }
    return n;
}

/* --render of the folder dir; fonts NULL when they would not open (err
 * says why): the content is still loaded and checked. */
static int render_folder(const char *dir, const char *outdir, const char *lang, int w,
                         int h, metrics_ttf *fonts, char *err, int cap)
{
    if (make_dirs(outdir) != 0 || !is_dir(outdir)) {
        fprintf(stderr, "kiosk: could not make the folder %s\n", outdir);
        return 1;
    }
    kiosk_fs fs = platform_picture_fs();
    content_snapshot *s = content_load(dir, &fs);
    if (!s) {
        fprintf(stderr, "kiosk: out of memory\n");
        return 1;
    }
    int ok = content_usable(s);
    if (!ok)
        fprintf(stderr, "kiosk: %s has %d errors; drawing what is valid. Run kiosk "
                "--check --content %s to see them\n", dir, s->nerrors, dir);
    int n = fonts ? render_langs(s, lang, dir, fonts, w, h, outdir, err, cap) : -1;
    if (n < 0)
        fprintf(stderr, "kiosk: %s\n", err);
    else
        printf("%s: %d screens at %dx%d\n", outdir, n, w, h);
    content_free(s);
    return n >= 0 && ok ? 0 : 1;
}

static int run_render(const char *dir, const char *outdir, const char *lang, int w,
                      int h, const char *assets_arg)
{
    metrics_ttf fonts;
    char err[512];
    metrics_ttf_failure failed = metrics_ttf_start(&fonts, assets_arg, err, sizeof err);
    if (failed == METRICS_TTF_NOT_FOUND) {
        fprintf(stderr, "kiosk: %s\n", err);
        return 1;
    }
    int rc = render_folder(dir, outdir, lang, w, h, failed ? NULL : &fonts, err,
                           sizeof err);
    if (!failed)
        metrics_ttf_stop(&fonts);
    IMG_Quit();
    SDL_Quit();
    return rc;
}

int main(int argc, char **argv)
{
    /* Not a user command: the kiosk decoding one picture for itself in a
     * sandboxed child (src/platform/picture.c). */
    if (argc >= 2 && !strcmp(argv[1], PLATFORM_PICTURE_ARG))
        return platform_picture_child(argc, argv);
    const char *dir = NULL, *outdir = NULL, *assets = NULL, *state = NULL, *png = NULL;
    const char *lang = NULL;
    int check = 0, bench = 0, quick = 0, w = 800, h = 480, win_w = 0, win_h = 0;
    int stats = 0, days = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--check")) {
            check = 1;
        } else if (!strcmp(a, "--bench") || !strcmp(a, "--quick")) {
            *(a[2] == 'b' ? &bench : &quick) = 1;
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (!strcmp(a, "--days") && v) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > VISITS_MAX_DAYS) {
                fprintf(stderr, "kiosk: --days '%s': give a number of days from 1 to "
                        "%d\n", v, VISITS_MAX_DAYS);
                return 2;
            }
            days = (int)n, i++;
        } else if (!strcmp(a, "--png") && v) {
            png = v, i++;
        } else if (!strcmp(a, "--content") && v) {
            dir = v, i++;
        } else if (!strcmp(a, "--state") && v) {
            state = v, i++;   /* the last good content is kept there */
        } else if (!strcmp(a, "--assets") && v) {
            assets = v, i++;
        } else if (!strcmp(a, "--render") && v) {
            outdir = v, i++;
        } else if (!strcmp(a, "--large-text")) {
            render_large = 1;   /* --render: as with "Aa" touched */
        } else if (!strcmp(a, "--notice")) {
            render_notice = 1;  /* --render: with the idle notice */
        } else if (!strcmp(a, "--lang") && v) {
            lang = v, i++;   /* --render: which languages (content/README.md) */
        } else if ((!strcmp(a, "--size") || !strcmp(a, "--window")) && v) {
            int *pw = a[2] == 's' ? &w : &win_w, *ph = a[2] == 's' ? &h : &win_h;
            if (parse_size(v, pw, ph) != 0) {
                fprintf(stderr, "kiosk: %s '%s': a size is WIDTHxHEIGHT, like 800x480, "
                        "each side %d to %d\n", a, v, MAIN_MIN_SIDE, MAIN_MAX_SIDE);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "kiosk: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (!dir)
        dir = default_content_dir();
    if (check)
        return run_check(dir, assets);
    if (png && !stats) {
        fprintf(stderr, "kiosk: --png goes with --stats (kiosk --stats --png FILE)\n");
        return 2;
    }
    if (stats) {
        stats_options so = {state, days, png, dir, assets, w, h};
        return stats_main(&so);
    }
    if (outdir)
        return run_render(dir, outdir, lang, w, h, assets);
    if (bench)
        return bench_main(dir, assets, w, h, quick);
    const char *found = metrics_ttf_find_assets(assets);
    if (!found) {
        fprintf(stderr, "kiosk: the fonts were not found; give --assets DIR (the "
                "folder with fonts/Inter-Regular.otf)\n");
        return 1;
    }
    if (state && (make_dirs(state) != 0 || !is_dir(state)))
        fprintf(stderr, "kiosk: could not make the state folder %s; the last good "
                "content will not be kept\n", state);
    run_options o = {dir, found, win_w, win_h};
    return platform_run_with_state(&o, state);
}
