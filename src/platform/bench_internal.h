/* bench_internal.h — what the files of kiosk --bench share: the one struct
 * of a bench run, the figures' clocks and printing (bench_stats.c), the
 * real program run as a child (bench_child.c) and the renderer's frames
 * (bench_render.c). The counting allocator and the present hook are not
 * here: they are libkiosk_benchhook.so (src/benchhook), preloaded. */
#ifndef KIOSK_BENCH_INTERNAL_H
#define KIOSK_BENCH_INTERNAL_H

#include <stdint.h>

#include "benchhook/benchhook.h"
#include "core/content.h"
#include "core/layout.h"
#include "platform/platform_sdl.h"
#include "render/metrics_ttf.h"
#include "render/render.h"

/* Repeats of the cheap whole-run measurements (content load, deck build) and
 * of the start-up child; medians over these. Quick mode is for CI. */
#define BENCH_REPEATS 9
#define BENCH_REPEATS_QUICK 3
#define BENCH_STARTS 7
#define BENCH_STARTS_QUICK 3
/* Frames drawn per kind (still, fade, slide): 120 is two seconds at 60 Hz,
 * enough for a p99 that is not the single worst frame. */
#define BENCH_FRAMES 120
#define BENCH_FRAMES_QUICK 40
/* Frames drawn before measuring: first uses of a texture may allocate. */
#define BENCH_WARM_FRAMES 10
/* Loop screens prepared one by one to time a transition's first frame:
 * spread over the loop; all 800+ of the big content would take minutes. */
#define BENCH_PREPARE_SAMPLES 24
/* The real main loop idling on one screen: CPU is measured over this. */
#define BENCH_IDLE_S 5
#define BENCH_IDLE_S_QUICK 2
/* A child that shows nothing in this long has failed. */
#define BENCH_CHILD_TIMEOUT_S 60
/* Figures one child sends back at most. */
#define BENCH_CHILD_FIGURES 32

/* Distinct images (file and drawn size) met while laying out every screen. */
typedef struct image_tally {
    const char *path[KIOSK_MAX_IMAGES * 4];
    int w[KIOSK_MAX_IMAGES * 4], h[KIOSK_MAX_IMAGES * 4];
    int n;
    double bytes, screen_max;
} image_tally;

/* One bench run: everything it measures with, in one place. */
typedef struct bench {
    const char *dir;
    const char *assets;
    int w, h, quick;
    benchhook *hook;         /* NULL: libkiosk_benchhook.so is not loaded */
    content_snapshot *s;
    metrics_ttf fonts;
    layout_metrics m;
    arena deck_arena;
    layout_deck deck;
    layout_screen sc;        /* each screen in turn, for the layout figures */
    image_tally tally;
    platform_display d;
    render r;
    render_screen a, b;      /* the two screens of a transition */
    double t[BENCH_FRAMES];  /* one kind of frame's times */
} bench;

/* ---- clocks and figures (bench_stats.c) ---- */
uint64_t bench_now_ns(void);
double bench_ms_since(uint64_t t0);
void bench_sleep_ms(int ms);
/* The q-quantile (0..1) of v[0..n), nearest rank; sorts v. */
double bench_quantile(double *v, int n, double q);
double bench_max_of(const double *v, int n);
/* "name: value unit" lines. */
void bench_put(const char *name, double v, const char *unit);
void bench_put_int(const char *name, long v, const char *unit);
/* kB of a "Name:   123 kB" line of /proc/self/status or smaps_rollup. */
long bench_proc_kb(const char *file, const char *key);
/* CPU seconds of this process, user and system. */
double bench_cpu_s(void);

/* ---- the hook library ---- */
/* Re-executes this kiosk with libkiosk_benchhook.so preloaded when it is
 * not loaded yet and is found (KIOSK_BENCH_HOOK, else beside the program).
 * Returns when it is loaded, or cannot be. */
void bench_preload(void);
/* The preloaded library's state, or NULL. */
benchhook *bench_hook(void);
/* Allocations counted so far (0 without the library). */
unsigned long bench_allocs(const benchhook *h);
int bench_counts_allocs(const benchhook *h);
void bench_set_counting(benchhook *h, int on);

/* ---- the real program as a child (bench_child.c) ---- */
typedef struct child_result {
    int n;
    char key[BENCH_CHILD_FIGURES][48];
    double val[BENCH_CHILD_FIGURES];
    uint64_t t0;             /* its launch, for the first frame */
} child_result;

/* In a child (KIOSK_BENCH_CHILD=mode): runs the real main loop and sends
 * its figures to the parent. Returns the exit status. */
int bench_child_main(const char *mode, const char *dir, const char *assets, int w, int h);
/* Runs a child of this binary in mode and reads its figures into out.
 * Returns 0 when it showed a first frame and ended well. */
int bench_run_child(const char *mode, const bench *b, int idle_s, child_result *out);
/* A figure the child sent, or -1. */
double bench_child_value(const child_result *r, const char *key);

/* ---- the renderer: prepare and frames (bench_render.c) ---- */
int bench_render(bench *b);
void bench_lay_loop(bench *b, layout_screen *sc, int i);

#endif
