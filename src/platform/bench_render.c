/* bench_render.c — kiosk --bench with the real renderer: preparing loop
 * screens one by one, then still, fade, slide and bare frames, timed and
 * with the heap allocations each frame makes (when the hook counts them). */
#include "platform/bench_internal.h"

#include <SDL.h>
#include <stdio.h>

#include "platform/picture_worker.h"

void bench_lay_loop(bench *b, layout_screen *sc, int i)
{
    if (b->deck.nloop == 0)
        layout_empty_screen(sc, b->s, &b->m, b->w, b->h);
    else
        layout_loop_screen(sc, b->s, &b->deck, &b->m, i % b->deck.nloop);
}

static void frame(bench *b, int kind, int i)
{
    float p = (float)(i % 20) / 20.0f;     /* a transition every 20 frames */
    int w = b->d.w, off = (int)(p * w);
    platform_begin_frame(&b->d);
    render_clear(&b->r);
    if (kind == 0) {
        render_draw(&b->r, &b->a, 0, 0, 255);
    } else if (kind == 1) {   /* fade: as run.c draws it */
        render_cross_fade(&b->r, &b->a, &b->b, (int)(p * 255));
    } else if (kind == 2) {   /* slide left */
        render_draw(&b->r, &b->a, -off, 0, 255);
        render_draw(&b->r, &b->b, w - off, 0, 255);
    }   /* kind 3, bare: clear and present only, what SDL costs alone */
    platform_end_frame(&b->d);
}

static void drain_events(void)
{
    SDL_Event e;
    while (SDL_PollEvent(&e))
        ;
}

static void put_allocs(const bench *b, const char *name, unsigned long allocs, int n)
{
    if (bench_counts_allocs(b->hook))
        bench_put(name, (double)allocs / n, "allocs");
    else if (b->hook)
        printf("%s: n/a (AddressSanitizer owns malloc)\n", name);
    else
        printf("%s: n/a (%s is not loaded)\n", name, BENCHHOOK_LIBRARY);
}

static void bench_frames(bench *b)
{
    static const char *const kind_name[4] = {"still", "fade", "slide", "bare"};
    int n = b->quick ? BENCH_FRAMES_QUICK : BENCH_FRAMES;
    for (int kind = 0; kind < 4; kind++) {
        for (int i = 0; i < BENCH_WARM_FRAMES; i++) {
            frame(b, kind, i);
            drain_events();
        }
        unsigned long allocs = 0;
        for (int i = 0; i < n; i++) {
            drain_events();
            unsigned long a0 = bench_allocs(b->hook);
            uint64_t t0 = bench_now_ns();
            frame(b, kind, i);
            b->t[i] = bench_ms_since(t0);
            allocs += bench_allocs(b->hook) - a0;
        }
        char name[64];
        snprintf(name, sizeof name, "frame_%s_median_ms", kind_name[kind]);
        bench_put(name, bench_quantile(b->t, n, 0.5), "ms");
        snprintf(name, sizeof name, "frame_%s_p99_ms", kind_name[kind]);
        bench_put(name, bench_quantile(b->t, n, 0.99), "ms");
        snprintf(name, sizeof name, "frame_%s_allocs_per_frame", kind_name[kind]);
        put_allocs(b, name, allocs, n);
    }
}

/* Prepares loop screens one at a time: what a transition's first frame
 * costs on top of drawing, and what preparing everything up front would. */
static void bench_prepare(bench *b)
{
    int nl = b->deck.nloop > 0 ? b->deck.nloop : 1;
    int n = nl < BENCH_PREPARE_SAMPLES ? nl : BENCH_PREPARE_SAMPLES;
    double t[BENCH_PREPARE_SAMPLES];
    for (int i = 0; i < n; i++) {
        bench_lay_loop(b, &b->a.layout, i * nl / n);
        uint64_t t0 = bench_now_ns();
        render_prepare(&b->r, &b->a);
        t[i] = bench_ms_since(t0);
        render_release(&b->r, &b->a);
    }
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += t[i];
    bench_put("prepare_loop_screen_median_ms", bench_quantile(t, n, 0.5), "ms");
    bench_put("prepare_loop_screen_max_ms", bench_max_of(t, n), "ms");
    bench_put("prepare_all_loop_screens_est_ms", sum / n * nl, "ms");
    layout_menu_screen(&b->a.layout, b->s, &b->deck, &b->m);
    uint64_t t0 = bench_now_ns();
    render_prepare(&b->r, &b->a);
    bench_put("prepare_menu_ms", bench_ms_since(t0), "ms");
    render_release(&b->r, &b->a);
}

static void say_display(const bench *b)
{
    SDL_RendererInfo info;
    SDL_GetRendererInfo(b->d.sdl, &info);
    printf("bench: drawing at %dx%d with SDL's %s driver and %s renderer%s\n", b->d.w,
           b->d.h, SDL_GetCurrentVideoDriver(), info.name, b->d.vsync ? ", vsync" : "");
    if (b->d.w != b->w || b->d.h != b->h)
        printf("bench: the window is %dx%d, not %dx%d: figures are for that size\n",
               b->d.w, b->d.h, b->w, b->h);
}

int bench_render(bench *b)
{
    char err[512];
    if (platform_open(&b->d, b->w, b->h, err, sizeof err) != 0) {
        printf("bench: %s\n", err);
        return -1;
    }
    if (platform_layout_size(&b->d, 0, err, sizeof err) != 0)
        printf("bench: %s\n", err);
    say_display(b);
    render_init(&b->r, b->d.sdl, &b->fonts);
    render_use_pictures(&b->r, platform_pictures_for_render(NULL));
    render_reset(&b->r, &b->s->settings, b->dir);
    bench_prepare(b);
    bench_lay_loop(b, &b->a.layout, 0);
    bench_lay_loop(b, &b->b.layout, 1);
    render_prepare(&b->r, &b->a);
    render_prepare(&b->r, &b->b);
    bench_set_counting(b->hook, 1);
    bench_frames(b);
    bench_set_counting(b->hook, 0);
    render_release(&b->r, &b->a);
    render_release(&b->r, &b->b);
    render_fini(&b->r);
    platform_close(&b->d);
    return 0;
}
