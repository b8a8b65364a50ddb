/* bench.c — kiosk --bench: content, layout, prepare and frame timings with the
 * real renderer, then the real program (re-executed) for first frame, memory,
 * heap allocations per frame and idle CPU. Prints "name: value unit" lines.
 * Allocation counts and present times come from libkiosk_benchhook.so,
 * which the bench preloads into itself and its children (bench_stats.c). */
#include "platform/bench.h"

#include <SDL.h>
#include <SDL_image.h>
#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kiosk_limits.h"
#include "platform/bench_internal.h"

/* ---- content and layout ---- */

static void bench_content(bench *b)
{
    int n = b->quick ? BENCH_REPEATS_QUICK : BENCH_REPEATS;
    double t[BENCH_REPEATS];
    for (int i = 0; i < n; i++) {
        uint64_t t0 = bench_now_ns();
        content_snapshot *s = content_load(b->dir, &fs_posix);
        t[i] = bench_ms_since(t0);
        if (i == n - 1)
            b->s = s;
        else
            content_free(s);
    }
    printf("bench: %s: %d topics, %d cards, %d images, %d errors; layout at %dx%d\n",
           b->dir, b->s->ntopics, b->s->ncards, b->s->nimages, b->s->nerrors, b->w, b->h);
    bench_put("content_load_ms", bench_quantile(t, n, 0.5), "ms");
    bench_put("content_bytes", (double)b->s->arena.used / 1024.0, "KiB");
}

static int build_deck(bench *b, double *ms)
{
    arena_fini(&b->deck_arena);
    arena_init(&b->deck_arena, KIOSK_DECK_ARENA_BYTES);
    /* Fresh font sizes each time, as at start-up. */
    metrics_ttf_reset(&b->fonts);
    uint64_t t0 = bench_now_ns();
    int rc = layout_deck_build(&b->deck, b->s, &b->m, b->w, b->h, &b->deck_arena);
    *ms = bench_ms_since(t0);
    return rc;
}

/* A picture's pixel size as the content read it from the file's header. */
static int picture_size(const content_snapshot *s, const char *path, int *w, int *h)
{
    for (int t = 0; t < s->ntopics; t++)
        for (int c = 0; c < s->topics[t].ncards; c++) {
            const content_card *cd = &s->topics[t].cards[c];
            for (int k = 0; k < cd->nblocks; k++)
                if (cd->blocks[k].kind == BLOCK_IMAGE && cd->blocks[k].image &&
                    !strcmp(cd->blocks[k].image, path)) {
                    *w = cd->blocks[k].image_w;
                    *h = cd->blocks[k].image_h;
                    return 0;
                }
        }
    return -1;
}

/* Bytes of the texture made for an image box: the picture decoded to the
 * box's size (render_picture_fit_box) at the renderer's texture limit. */
static double texture_bytes(const content_snapshot *s, const layout_box *bx)
{
    int iw, ih;
    if (!bx->image || picture_size(s, bx->image, &iw, &ih) != 0 || iw <= 0 || ih <= 0 ||
        bx->w < 1 || bx->h < 1)
        return 0;
    render_picture_ask ask = {bx->w, bx->h, bx->cover, RENDER_MAX_TEXTURE_SIDE};
    render_picture_fit f = render_picture_fit_box(iw, ih, &ask);
    return (double)f.out_w * f.out_h * 4;
}

static void tally_screen(image_tally *t, const content_snapshot *s, const layout_screen *sc)
{
    double on_screen = 0;
    for (int i = 0; i < sc->nbox; i++) {
        const layout_box *bx = &sc->box[i];
        if (bx->kind != BOX_IMAGE || !bx->image)
            continue;
        double bytes = texture_bytes(s, bx);
        on_screen += bytes;
        int k = 0;
        while (k < t->n && !(t->w[k] == bx->w && t->h[k] == bx->h &&
                             !strcmp(t->path[k], bx->image)))
            k++;
        if (k == t->n && t->n < KIOSK_MAX_IMAGES * 4) {
            t->path[k] = bx->image;
            t->w[k] = bx->w;
            t->h[k] = bx->h;
            t->n++;
            t->bytes += bytes;
        }
    }
    if (on_screen > t->screen_max)
        t->screen_max = on_screen;
}

/* Lays out one screen (loop card i, the menu at -1, or topic tp's page p)
 * into b->sc: the time it took, its images tallied. */
static double lay_one(bench *b, int loop_i, int tp, int p)
{
    uint64_t t0 = bench_now_ns();
    if (loop_i >= 0)
        layout_loop_screen(&b->sc, b->s, &b->deck, &b->m, loop_i);
    else if (tp < 0)
        layout_menu_screen(&b->sc, b->s, &b->deck, &b->m);
    else
        layout_topic_screen(&b->sc, b->s, &b->deck, &b->m, tp, p);
    double ms = bench_ms_since(t0);
    tally_screen(&b->tally, b->s, &b->sc);
    return ms;
}

/* Every screen once: each loop card, the menu, each topic page. */
static void bench_screens(bench *b, int total)
{
    double *per = calloc((size_t)total, sizeof *per), *loop = calloc((size_t)total, sizeof *loop);
    memset(&b->tally, 0, sizeof b->tally);
    if (!per || !loop) {
        free(per);
        free(loop);
        return;
    }
    int k = 0, nl = 0;
    double sum = 0;
    for (int i = 0; i < b->deck.nloop; i++) {
        per[k] = loop[nl++] = lay_one(b, i, -1, 0);
        sum += per[k++];
    }
    double menu = lay_one(b, -1, -1, 0);
    per[k++] = menu;
    sum += menu;
    for (int tp = 0; tp < b->deck.ntopics; tp++)
        for (int p = 0; p < b->deck.topic[tp].npages; p++) {
            per[k] = lay_one(b, -1, tp, p);
            sum += per[k++];
        }
    bench_put("layout_screen_median_ms", bench_quantile(per, k, 0.5), "ms");
    bench_put("layout_screen_p99_ms", bench_quantile(per, k, 0.99), "ms");
    bench_put("layout_screen_max_ms", bench_max_of(per, k), "ms");
    bench_put("layout_loop_screen_median_ms", bench_quantile(loop, nl, 0.5), "ms");
    bench_put("layout_menu_ms", menu, "ms");
    bench_put("layout_all_screens_ms", sum, "ms");
    bench_put("decoded_images_mib", b->tally.bytes / (1024.0 * 1024.0), "MiB");
    bench_put("decoded_images_one_screen_max_mib", b->tally.screen_max / (1024.0 * 1024.0),
              "MiB");
    free(per);
    free(loop);
}

static void bench_layout(bench *b)
{
    int n = b->quick ? BENCH_REPEATS_QUICK : BENCH_REPEATS;
    double t[BENCH_REPEATS];
    for (int i = 0; i < n; i++)
        if (build_deck(b, &t[i]) != 0) {
            printf("bench: the content is too large to lay out at %dx%d\n", b->w, b->h);
            return;
        }
    bench_put("deck_build_ms", bench_quantile(t, n, 0.5), "ms");
    bench_put("deck_bytes", (double)b->deck_arena.used / 1024.0, "KiB");
    int npages = 0;
    for (int i = 0; i < b->deck.ntopics; i++)
        npages += b->deck.topic[i].npages;
    bench_put_int("screens", b->deck.nloop + 1 + npages, "screens");
    bench_screens(b, b->deck.nloop + 1 + npages);
}

/* ---- the real program ---- */

static void bench_first_frames(bench *b)
{
    int n = b->quick ? BENCH_STARTS_QUICK : BENCH_STARTS;
    double t[BENCH_STARTS];
    int ok = 0;
    child_result r;
    for (int i = 0; i < n; i++)
        if (bench_run_child("first", b, 0, &r) == 0)
            t[ok++] = (double)((uint64_t)bench_child_value(&r, "first_present_ns") - r.t0) / 1e6;
    if (ok == 0) {
        printf("bench: the kiosk did not show a first frame\n");
        return;
    }
    double lo = t[0], hi = t[0];
    for (int i = 0; i < ok; i++) {
        lo = t[i] < lo ? t[i] : lo;
        hi = t[i] > hi ? t[i] : hi;
    }
    bench_put("first_frame_ms", bench_quantile(t, ok, 0.5), "ms");
    bench_put("first_frame_min_ms", lo, "ms");
    bench_put("first_frame_max_ms", hi, "ms");
}

static void bench_loop(bench *b)
{
    child_result r;
    int idle = b->quick ? BENCH_IDLE_S_QUICK : BENCH_IDLE_S;
    if (bench_run_child("loop", b, idle, &r) != 0 ||
        bench_child_value(&r, "still_cpu_pct") < 0) {
        printf("bench: the kiosk's main loop could not be measured\n");
        return;
    }
#define V(key) bench_child_value(&r, key)
    bench_put("calm_after_first_frame_ms", V("calm_after_first_frame_ms"), "ms");
    bench_put("rss_first_frame_mib", V("rss_after_first_frame_kb") / 1024, "MiB");
    bench_put("rss_peak_mib", V("rss_peak_kb") / 1024, "MiB");
    bench_put("rss_steady_mib", V("rss_steady_kb") / 1024, "MiB");
    bench_put("pss_steady_mib", V("pss_steady_kb") / 1024, "MiB");
    bench_put_int("loop_transition_frames", (long)V("loop_transition_frames"), "frames");
    bench_put("loop_frame_interval_median_ms", V("loop_frame_interval_median"), "ms");
    bench_put("loop_frame_interval_p99_ms", V("loop_frame_interval_p99"), "ms");
    if (bench_counts_allocs(b->hook)) {
        bench_put_int("loop_transition_first_frame_allocs",
                      (long)V("loop_transition_first_frame_allocs"), "allocs");
        bench_put("loop_warm_allocs_per_frame", V("loop_transition_warm_allocs_per_frame"),
                  "allocs");
        bench_put_int("loop_warm_allocs_max", (long)V("loop_transition_warm_allocs_max"),
                      "allocs");
        bench_put_int("still_allocs", (long)V("still_allocs"), "allocs");
    }
    bench_put_int("still_frames", (long)V("still_frames"), "frames");
    bench_put("still_window_s", V("still_window_s"), "s");
    bench_put("still_cpu_pct", V("still_cpu_pct"), "%");
#undef V
}

/* The real program's figures need the hook: it is what sees its frames. */
static void bench_children(bench *b)
{
    if (!b->hook) {
        printf("bench: the real program's figures need %s (built beside the kiosk, "
               "not installed; or name it in KIOSK_BENCH_HOOK)\n", BENCHHOOK_LIBRARY);
        return;
    }
    bench_first_frames(b);
    bench_loop(b);
}

static int bench_run(bench *b)
{
    bench_content(b);
    int rc = 1;
    if (b->s) {
        bench_layout(b);
        fflush(stdout);
        if (bench_render(b) == 0) {
            fflush(stdout);
            bench_children(b);
            rc = 0;
        }
        content_free(b->s);
    }
    return rc;
}

int bench_main(const char *content_dir, const char *assets_arg, int w, int h, int quick)
{
    const char *assets = metrics_ttf_find_assets(assets_arg);
    if (!assets) {
        fprintf(stderr, "kiosk: the fonts were not found; give --assets DIR\n");
        return 1;
    }
    bench_preload();   /* returns in the preloaded kiosk, or without the hook */
    const char *mode = getenv("KIOSK_BENCH_CHILD");
    if (mode && *mode)
        return bench_child_main(mode, content_dir, assets, w, h);
    /* No display: SDL's offscreen driver, named so platform_open takes it. */
    if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY") && !getenv("SDL_VIDEODRIVER"))
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    static bench b;   /* large (screens, tally): the one bench of this process */
    char err[512];
    b = (bench){.dir = content_dir, .assets = assets, .w = w, .h = h, .quick = quick,
                .hook = bench_hook()};
    if (metrics_ttf_start(&b.fonts, assets, err, sizeof err) != METRICS_TTF_STARTED) {
        fprintf(stderr, "kiosk: the fonts could not be opened\n");
        return 1;
    }
    b.m = metrics_ttf_interface(&b.fonts);
    if (bench_counts_allocs(b.hook) && getenv("KIOSK_BENCH_TRACE") &&
        *getenv("KIOSK_BENCH_TRACE") == '1') {
        b.hook->trace = 1;
        backtrace((void *[1]){0}, 1);   /* loads libgcc now, not in a frame */
    }
    printf("bench: %s allocation counting, %s\n",
           bench_counts_allocs(b.hook) ? "with" : "without", quick ? "quick" : "full");
    int rc = bench_run(&b);
    arena_fini(&b.deck_arena);
    metrics_ttf_stop(&b.fonts);
    IMG_Quit();
    SDL_Quit();
    return rc;
}
