/* bench.c — kiosk --bench: content, layout, prepare and frame timings with the
 * real renderer, then the real program (re-executed) for first frame, memory,
 * heap allocations per frame and idle CPU. Prints "name: value unit" lines. */
#define _GNU_SOURCE   /* dlsym(RTLD_NEXT) for the present hook */
#include "platform/bench.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/content.h"
#include "core/layout.h"
#include "platform/metrics_ttf.h"
#include "platform/platform_sdl.h"
#include "platform/run.h"
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
/* Frames of the real loop recorded around one transition (400 ms at most). */
#define BENCH_MAX_REC_FRAMES 256
/* A child that shows nothing in this long has failed. */
#define BENCH_CHILD_TIMEOUT_S 60
/* Deck arena: as run.c's, room for a few thousand cards. */
#define BENCH_DECK_ARENA_BYTES (64u * 1024 * 1024)

/* ---- counting allocator ----
 * Every malloc/calloc/realloc/aligned allocation of the process (SDL, Xlib,
 * FreeType included) goes through these wrappers to glibc's own functions,
 * counted when bench_counting is set. Off, the cost is one branch. Not under
 * AddressSanitizer, which must own malloc itself. */
#if defined(__SANITIZE_ADDRESS__)
#define BENCH_COUNTS_ALLOCS 0
#else
#define BENCH_COUNTS_ALLOCS 1
#endif

static int bench_counting;
static unsigned long bench_allocs;
static int bench_trace;

#if BENCH_COUNTS_ALLOCS
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

/* KIOSK_BENCH_TRACE=1: the callers of every counted allocation go to
 * stderr (addresses: resolve with addr2line -e kiosk or gdb), to find who
 * allocates in a frame that should not. */
static __thread int in_trace;

static void trace_caller(void)
{
    void *pc[8];
    in_trace = 1;
    int n = backtrace(pc, 8);
    fputs("alloc:", stderr);
    for (int i = 2; i < n; i++) {
        Dl_info di;
        if (dladdr(pc[i], &di) && di.dli_fname)
            fprintf(stderr, " %s:%s+%#lx", strrchr(di.dli_fname, '/') ? strrchr(di.dli_fname, '/') + 1
                                                                      : di.dli_fname,
                    di.dli_sname ? di.dli_sname : "",
                    (unsigned long)((char *)pc[i] - (char *)(di.dli_sname ? di.dli_saddr
                                                                          : di.dli_fbase)));
    }
    fputc('\n', stderr);
    in_trace = 0;
}

static inline void count_one(void)
{
    if (__atomic_load_n(&bench_counting, __ATOMIC_RELAXED)) {
        __atomic_fetch_add(&bench_allocs, 1, __ATOMIC_RELAXED);
        if (bench_trace && !in_trace)
            trace_caller();
    }
}

void *malloc(size_t n)
{
    count_one();
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t k)
{
    count_one();
    return __libc_calloc(n, k);
}

void *realloc(void *p, size_t n)
{
    count_one();
    return __libc_realloc(p, n);
}

void free(void *p)
{
    __libc_free(p);
}

void *memalign(size_t align, size_t n)
{
    count_one();
    return __libc_memalign(align, n);
}

void *aligned_alloc(size_t align, size_t n)
{
    count_one();
    return __libc_memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
    if (align < sizeof(void *) || (align & (align - 1)))
        return EINVAL;
    count_one();
    void *p = __libc_memalign(align, n);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}
#endif

static unsigned long allocs_now(void)
{
    return __atomic_load_n(&bench_allocs, __ATOMIC_RELAXED);
}

/* ---- clocks and figures ---- */

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static double ms_since(uint64_t t0)
{
    return (double)(now_ns() - t0) / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of v[0..n), nearest rank; sorts v. */
static double quantile(double *v, int n, double q)
{
    if (n <= 0)
        return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    int k = (int)ceil(q * n) - 1;
    return v[k < 0 ? 0 : k >= n ? n - 1 : k];
}

static double max_of(const double *v, int n)
{
    double m = 0;
    for (int i = 0; i < n; i++)
        if (v[i] > m)
            m = v[i];
    return m;
}

static void put(const char *name, double v, const char *unit)
{
    printf("%s: %.*f %s\n", name, fabs(v) >= 100 ? 0 : fabs(v) >= 10 ? 1 : 2, v, unit);
}

static void put_int(const char *name, long v, const char *unit)
{
    printf("%s: %ld %s\n", name, v, unit);
}

/* kB of a "Name:   123 kB" line of /proc/self/status or smaps_rollup. */
static long proc_kb(const char *file, const char *key)
{
    FILE *f = fopen(file, "r");
    char line[256];
    long v = -1;
    size_t n = strlen(key);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, key, n) && line[n] == ':') {
            v = strtol(line + n + 1, NULL, 10);
            break;
        }
    if (f)
        fclose(f);
    return v;
}

static double cpu_s(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 +
           (double)u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

/* ---- present hook ----
 * SDL_RenderPresent as the program calls it: SDL's own, then a note of the
 * time and of the allocations since the previous frame, when a bench child
 * asked for them. The real function is found once with dlsym. */
typedef void (*present_fn)(SDL_Renderer *);

static struct {
    int on;                                  /* a bench child is running */
    sem_t first;                             /* posted at the first frame */
    uint64_t first_ns;
    unsigned long presents;
    unsigned long last_allocs;
    int rec;                                 /* recording frames */
    int nrec;
    uint64_t rec_ns[BENCH_MAX_REC_FRAMES];
    unsigned long rec_allocs[BENCH_MAX_REC_FRAMES];
} hook;

void SDL_RenderPresent(SDL_Renderer *r)
{
    static present_fn real;
    if (!real)
        real = (present_fn)dlsym(RTLD_NEXT, "SDL_RenderPresent");
    if (real)
        real(r);
    if (!__atomic_load_n(&hook.on, __ATOMIC_ACQUIRE))
        return;
    uint64_t t = now_ns();
    unsigned long a = allocs_now();
    if (hook.presents++ == 0) {
        hook.first_ns = t;
        sem_post(&hook.first);
    }
    if (__atomic_load_n(&hook.rec, __ATOMIC_ACQUIRE) && hook.nrec < BENCH_MAX_REC_FRAMES) {
        hook.rec_ns[hook.nrec] = t;
        hook.rec_allocs[hook.nrec] = a - hook.last_allocs;
        __atomic_store_n(&hook.nrec, hook.nrec + 1, __ATOMIC_RELEASE);
    }
    hook.last_allocs = a;
}

/* ---- child: the real program ----
 * The parent re-executes this binary with KIOSK_BENCH_CHILD set; the child
 * runs platform_run as the kiosk does, and a thread beside it watches the
 * frames, pushes a tap, measures the idle window and ends it with SDL_QUIT.
 * Figures go back as "key value" lines on the descriptor KIOSK_BENCH_FD. */
typedef struct child_args {
    int loop;            /* 0: first frame only */
    int fd;
    int idle_s;
    int w, h;
    int trace;           /* KIOSK_BENCH_TRACE during the transition */
} child_args;

static void push_quit(void)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_QUIT;
    SDL_PushEvent(&e);
}

static void push_tap(int x, int y)
{
    for (int i = 0; i < 2; i++) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = i ? SDL_MOUSEBUTTONUP : SDL_MOUSEBUTTONDOWN;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = i ? SDL_RELEASED : SDL_PRESSED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
        SDL_PushEvent(&e);
    }
}

static void sleep_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR)
        ;
}

static void send(int fd, const char *key, double v)
{
    dprintf(fd, "%s %.6f\n", key, v);
}

/* Frames of one recorded transition: intervals and allocations per frame.
 * Frame 0 prepares the new screen (textures: allocations expected); the
 * frames after it are the warm ones. */
static void send_transition(int fd)
{
    int n = __atomic_load_n(&hook.nrec, __ATOMIC_ACQUIRE);
    static double gap[BENCH_MAX_REC_FRAMES], al[BENCH_MAX_REC_FRAMES];
    int ng = 0, na = 0;
    for (int i = 1; i < n; i++) {
        gap[ng++] = (double)(hook.rec_ns[i] - hook.rec_ns[i - 1]) / 1e6;
        al[na++] = (double)hook.rec_allocs[i];
    }
    send(fd, "loop_transition_frames", n);
    send(fd, "loop_transition_first_frame_allocs", n ? (double)hook.rec_allocs[0] : -1);
    send(fd, "loop_transition_warm_allocs_max", na ? max_of(al, na) : -1);
    double sum = 0;
    for (int i = 0; i < na; i++)
        sum += al[i];
    send(fd, "loop_transition_warm_allocs_per_frame", na ? sum / na : -1);
    send(fd, "loop_frame_interval_median", ng ? quantile(gap, ng, 0.5) : -1);
    send(fd, "loop_frame_interval_p99", ng ? quantile(gap, ng, 0.99) : -1);
}

/* Waits until the process is quiet: under 10 ms of CPU in 250 ms (work
 * left after the first frame is done), for at most a minute. */
static void wait_calm(void)
{
    for (int i = 0; i < 240; i++) {
        double c0 = cpu_s();
        sleep_ms(250);
        if (cpu_s() - c0 < 0.010)
            break;
    }
    sleep_ms(250);
}

static void *child_watch(void *arg)
{
    const child_args *c = arg;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += BENCH_CHILD_TIMEOUT_S;
    while (sem_timedwait(&hook.first, &until) != 0)
        if (errno != EINTR) {
            push_quit();
            return NULL;
        }
    send(c->fd, "first_present_ns", (double)hook.first_ns);
    if (!c->loop) {
        push_quit();
        return NULL;
    }
    /* Settle (the whole deck is built after the first frame), then a tap on
     * the loop: a fade to the menu, prepared on its first frame, warm after. */
    send(c->fd, "rss_after_first_frame_kb", (double)proc_kb("/proc/self/status", "VmRSS"));
    wait_calm();
    send(c->fd, "calm_after_first_frame_ms", (double)(now_ns() - hook.first_ns) / 1e6);
    __atomic_store_n(&hook.rec, 1, __ATOMIC_RELEASE);
    bench_trace = c->trace;
    push_tap(c->w / 2, c->h / 2);
    sleep_ms(1000);   /* transitions last 400 ms at most */
    bench_trace = 0;
    __atomic_store_n(&hook.rec, 0, __ATOMIC_RELEASE);
    send_transition(c->fd);
    /* The idle window: the real loop asleep on the menu. */
    unsigned long p0 = __atomic_load_n(&hook.presents, __ATOMIC_RELAXED), a0 = allocs_now();
    double c0 = cpu_s();
    uint64_t t0 = now_ns();
    sleep_ms(c->idle_s * 1000);
    double cpu = cpu_s() - c0, wall = (double)(now_ns() - t0) / 1e9;
    send(c->fd, "still_cpu_pct", 100.0 * cpu / wall);
    send(c->fd, "still_window_s", wall);
    send(c->fd, "still_frames", (double)(__atomic_load_n(&hook.presents, __ATOMIC_RELAXED) - p0));
    send(c->fd, "still_allocs", (double)(allocs_now() - a0));
    send(c->fd, "rss_peak_kb", (double)proc_kb("/proc/self/status", "VmHWM"));
    send(c->fd, "rss_steady_kb", (double)proc_kb("/proc/self/status", "VmRSS"));
    send(c->fd, "pss_steady_kb", (double)proc_kb("/proc/self/smaps_rollup", "Pss"));
    push_quit();
    return NULL;
}

static int child_main(const char *mode, const char *dir, const char *assets, int w, int h)
{
    static child_args c;
    c.loop = !strcmp(mode, "loop");
    c.fd = atoi(getenv("KIOSK_BENCH_FD") ? getenv("KIOSK_BENCH_FD") : "-1");
    c.idle_s = atoi(getenv("KIOSK_BENCH_IDLE_S") ? getenv("KIOSK_BENCH_IDLE_S") : "5");
    c.w = w;
    c.h = h;
    c.trace = BENCH_COUNTS_ALLOCS && getenv("KIOSK_BENCH_TRACE") &&
              *getenv("KIOSK_BENCH_TRACE") == '1';
    if (c.trace)
        backtrace((void *[1]){0}, 1);
    if (c.fd < 0)
        return 2;
    sem_init(&hook.first, 0, 0);
    __atomic_store_n(&bench_counting, 1, __ATOMIC_RELEASE);
    __atomic_store_n(&hook.on, 1, __ATOMIC_RELEASE);
    pthread_t t;
    if (pthread_create(&t, NULL, child_watch, &c) != 0)
        return 2;
    run_options o = {.content_dir = dir, .assets_dir = assets, .win_w = w, .win_h = h};
    int rc = platform_run(&o);
    pthread_join(t, NULL);
    close(c.fd);
    return rc;
}

/* Runs a child of this binary in mode; parses its "key value" lines into
 * keys/vals (up to cap). t0: its launch, for the first frame. */
typedef struct child_result {
    int n;
    char key[32][48];
    double val[32];
    uint64_t t0;
} child_result;

static double result(const child_result *r, const char *key)
{
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->key[i], key))
            return r->val[i];
    return -1;
}

static int run_child(const char *mode, const char *dir, const char *assets, int w, int h,
                     int idle_s, child_result *out)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    char size[32], fd[16], idle[16];
    snprintf(size, sizeof size, "%dx%d", w, h);
    snprintf(fd, sizeof fd, "%d", fds[1]);
    snprintf(idle, sizeof idle, "%d", idle_s);
    fflush(stdout);
    memset(out, 0, sizeof *out);
    out->t0 = now_ns();
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, 1);   /* the kiosk's start-up line */
        setenv("KIOSK_BENCH_CHILD", mode, 1);
        setenv("KIOSK_BENCH_FD", fd, 1);
        setenv("KIOSK_BENCH_IDLE_S", idle, 1);
        execl("/proc/self/exe", "kiosk", "--bench", "--content", dir, "--assets", assets,
              "--size", size, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return -1;
    }
    FILE *f = fdopen(fds[0], "r");
    char line[128];
    while (f && fgets(line, sizeof line, f) && out->n < 32)
        if (sscanf(line, "%47s %lf", out->key[out->n], &out->val[out->n]) == 2)
            out->n++;
    if (f)
        fclose(f);
    int st = 0;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 && result(out, "first_present_ns") > 0 ? 0 : -1;
}

/* ---- content and layout ---- */

typedef struct bench {
    const char *dir;
    const char *assets;
    int w, h, quick;
    content_snapshot *s;
    metrics_ttf fonts;
    layout_metrics m;
    arena deck_arena;
    layout_deck deck;
} bench;

static void bench_content(bench *b)
{
    int n = b->quick ? BENCH_REPEATS_QUICK : BENCH_REPEATS;
    double t[BENCH_REPEATS];
    for (int i = 0; i < n; i++) {
        uint64_t t0 = now_ns();
        content_snapshot *s = content_load(b->dir, &fs_posix);
        t[i] = ms_since(t0);
        if (i == n - 1)
            b->s = s;
        else
            content_free(s);
    }
    printf("bench: %s: %d topics, %d cards, %d images, %d errors; layout at %dx%d\n",
           b->dir, b->s->ntopics, b->s->ncards, b->s->nimages, b->s->nerrors, b->w, b->h);
    put("content_load_ms", quantile(t, n, 0.5), "ms");
    put("content_bytes", (double)b->s->arena.used / 1024.0, "KiB");
}

static int build_deck(bench *b, double *ms)
{
    arena_fini(&b->deck_arena);
    arena_init(&b->deck_arena, BENCH_DECK_ARENA_BYTES);
    /* Fresh font sizes each time, as at start-up. */
    metrics_ttf_reset(&b->fonts);
    uint64_t t0 = now_ns();
    int rc = layout_deck_build(&b->deck, b->s, &b->m, b->w, b->h, &b->deck_arena);
    *ms = ms_since(t0);
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

/* Bytes of the texture render.c makes for an image box: the box's size,
 * never larger than the picture (nor past the texture limit). */
static double texture_bytes(const content_snapshot *s, const layout_box *bx)
{
    int iw, ih;
    if (!bx->image || picture_size(s, bx->image, &iw, &ih) != 0 || iw <= 0 || ih <= 0)
        return 0;
    double sx = (double)bx->w / iw, sy = (double)bx->h / ih;
    double cw = iw, ch = ih;
    if (bx->cover) {   /* cropped to the box's shape first */
        if ((double)iw * bx->h > (double)ih * bx->w)
            cw = (double)ih * bx->w / bx->h;
        else
            ch = (double)iw * bx->h / bx->w;
        sx = bx->w / cw;
        sy = sx;
    }
    double k = sx < sy ? sx : sy;
    if (k > 1)
        k = 1;
    if (cw * k > RENDER_MAX_TEXTURE_SIDE) k = RENDER_MAX_TEXTURE_SIDE / cw;
    if (ch * k > RENDER_MAX_TEXTURE_SIDE) k = RENDER_MAX_TEXTURE_SIDE / ch;
    return (double)(int)(cw * k + 0.5) * (int)(ch * k + 0.5) * 4;
}

/* Distinct images (file and drawn size) met while laying out every screen. */
typedef struct image_tally {
    const char *path[KIOSK_MAX_IMAGES * 4];
    int w[KIOSK_MAX_IMAGES * 4], h[KIOSK_MAX_IMAGES * 4];
    int n;
    double bytes, screen_max;
} image_tally;

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

static layout_screen bench_sc;

static void bench_layout(bench *b)
{
    int n = b->quick ? BENCH_REPEATS_QUICK : BENCH_REPEATS;
    double t[BENCH_REPEATS];
    for (int i = 0; i < n; i++)
        if (build_deck(b, &t[i]) != 0) {
            printf("bench: the content is too large to lay out at %dx%d\n", b->w, b->h);
            return;
        }
    put("deck_build_ms", quantile(t, n, 0.5), "ms");
    put("deck_bytes", (double)b->deck_arena.used / 1024.0, "KiB");
    int npages = 0;
    for (int i = 0; i < b->deck.ntopics; i++)
        npages += b->deck.topic[i].npages;
    put_int("screens", b->deck.nloop + 1 + npages, "screens");

    /* Every screen once: each loop card, the menu, each topic page. */
    int total = b->deck.nloop + 1 + npages;
    double *per = calloc((size_t)total, sizeof *per), *loop = calloc((size_t)total, sizeof *loop);
    static image_tally tally;
    memset(&tally, 0, sizeof tally);
    if (!per || !loop) {
        free(per);
        free(loop);
        return;
    }
    int k = 0, nl = 0;
    double sum = 0;
    for (int i = 0; i < b->deck.nloop; i++) {
        uint64_t t0 = now_ns();
        layout_loop_screen(&bench_sc, b->s, &b->deck, &b->m, i);
        per[k] = loop[nl++] = ms_since(t0);
        sum += per[k++];
        tally_screen(&tally, b->s, &bench_sc);
    }
    uint64_t t0 = now_ns();
    layout_menu_screen(&bench_sc, b->s, &b->deck, &b->m);
    double menu = ms_since(t0);
    per[k++] = menu;
    sum += menu;
    tally_screen(&tally, b->s, &bench_sc);
    for (int tp = 0; tp < b->deck.ntopics; tp++)
        for (int p = 0; p < b->deck.topic[tp].npages; p++) {
            t0 = now_ns();
            layout_topic_screen(&bench_sc, b->s, &b->deck, &b->m, tp, p);
            per[k] = ms_since(t0);
            sum += per[k++];
            tally_screen(&tally, b->s, &bench_sc);
        }
    put("layout_screen_median_ms", quantile(per, k, 0.5), "ms");
    put("layout_screen_p99_ms", quantile(per, k, 0.99), "ms");
    put("layout_screen_max_ms", max_of(per, k), "ms");
    put("layout_loop_screen_median_ms", quantile(loop, nl, 0.5), "ms");
    put("layout_menu_ms", menu, "ms");
    put("layout_all_screens_ms", sum, "ms");
    put("decoded_images_mib", tally.bytes / (1024.0 * 1024.0), "MiB");
    put("decoded_images_one_screen_max_mib", tally.screen_max / (1024.0 * 1024.0), "MiB");
    free(per);
    free(loop);
}

/* ---- the renderer: prepare and frames ---- */

static render bench_r;
static render_screen bench_a, bench_b;

static void lay_loop(bench *b, layout_screen *sc, int i)
{
    if (b->deck.nloop == 0)
        layout_empty_screen(sc, b->s, &b->m, b->w, b->h);
    else
        layout_loop_screen(sc, b->s, &b->deck, &b->m, i % b->deck.nloop);
}

static void frame(platform_display *d, int kind, int i)
{
    float p = (float)(i % 20) / 20.0f;     /* a transition every 20 frames */
    int w = d->w, off = (int)(p * w);
    platform_begin_frame(d);
    render_clear(&bench_r);
    if (kind == 0) {
        render_draw(&bench_r, &bench_a, 0, 0, 255);
    } else if (kind == 1) {   /* fade: as run.c draws it */
        render_cross_fade(&bench_r, &bench_a, &bench_b, (int)(p * 255));
    } else if (kind == 2) {   /* slide left */
        render_draw(&bench_r, &bench_a, -off, 0, 255);
        render_draw(&bench_r, &bench_b, w - off, 0, 255);
    }   /* kind 3, bare: clear and present only, what SDL costs alone */
    platform_end_frame(d);
}

static void drain_events(void)
{
    SDL_Event e;
    while (SDL_PollEvent(&e))
        ;
}

static void bench_frames(bench *b, platform_display *d)
{
    static const char *const kind_name[4] = {"still", "fade", "slide", "bare"};
    int n = b->quick ? BENCH_FRAMES_QUICK : BENCH_FRAMES;
    static double t[BENCH_FRAMES];
    for (int kind = 0; kind < 4; kind++) {
        for (int i = 0; i < BENCH_WARM_FRAMES; i++) {
            frame(d, kind, i);
            drain_events();
        }
        unsigned long allocs = 0;
        for (int i = 0; i < n; i++) {
            drain_events();
            unsigned long a0 = allocs_now();
            uint64_t t0 = now_ns();
            frame(d, kind, i);
            t[i] = ms_since(t0);
            allocs += allocs_now() - a0;
        }
        char name[64];
        snprintf(name, sizeof name, "frame_%s_median_ms", kind_name[kind]);
        put(name, quantile(t, n, 0.5), "ms");
        snprintf(name, sizeof name, "frame_%s_p99_ms", kind_name[kind]);
        put(name, quantile(t, n, 0.99), "ms");
        snprintf(name, sizeof name, "frame_%s_allocs_per_frame", kind_name[kind]);
        if (BENCH_COUNTS_ALLOCS)
            put(name, (double)allocs / n, "allocs");
        else
            printf("%s: n/a (AddressSanitizer owns malloc)\n", name);
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
        lay_loop(b, &bench_a.layout, i * nl / n);
        uint64_t t0 = now_ns();
        render_prepare(&bench_r, &bench_a);
        t[i] = ms_since(t0);
        render_release(&bench_r, &bench_a);
    }
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += t[i];
    put("prepare_loop_screen_median_ms", quantile(t, n, 0.5), "ms");
    put("prepare_loop_screen_max_ms", max_of(t, n), "ms");
    put("prepare_all_loop_screens_est_ms", sum / n * nl, "ms");
    layout_menu_screen(&bench_a.layout, b->s, &b->deck, &b->m);
    uint64_t t0 = now_ns();
    render_prepare(&bench_r, &bench_a);
    put("prepare_menu_ms", ms_since(t0), "ms");
    render_release(&bench_r, &bench_a);
}

static int bench_render(bench *b)
{
    char err[512];
    static platform_display d;
    if (platform_open(&d, b->w, b->h, err, sizeof err) != 0) {
        printf("bench: %s\n", err);
        return -1;
    }
    if (platform_layout_size(&d, 0, err, sizeof err) != 0)
        printf("bench: %s\n", err);
    SDL_RendererInfo info;
    SDL_GetRendererInfo(d.sdl, &info);
    printf("bench: drawing at %dx%d with SDL's %s driver and %s renderer%s\n", d.w, d.h,
           SDL_GetCurrentVideoDriver(), info.name, d.vsync ? ", vsync" : "");
    if (d.w != b->w || d.h != b->h)
        printf("bench: the window is %dx%d, not %dx%d: figures are for that size\n",
               d.w, d.h, b->w, b->h);
    render_init(&bench_r, d.sdl, &b->fonts);
    render_reset(&bench_r, &b->s->settings, b->dir);
    bench_prepare(b);
    lay_loop(b, &bench_a.layout, 0);
    lay_loop(b, &bench_b.layout, 1);
    render_prepare(&bench_r, &bench_a);
    render_prepare(&bench_r, &bench_b);
    __atomic_store_n(&bench_counting, 1, __ATOMIC_RELEASE);
    bench_frames(b, &d);
    __atomic_store_n(&bench_counting, 0, __ATOMIC_RELEASE);
    render_release(&bench_r, &bench_a);
    render_release(&bench_r, &bench_b);
    render_fini(&bench_r);
    platform_close(&d);
    return 0;
}

/* ---- the real program ---- */

static void bench_children(bench *b)
{
    int n = b->quick ? BENCH_STARTS_QUICK : BENCH_STARTS;
    double t[BENCH_STARTS];
    int ok = 0;
    child_result r;
    for (int i = 0; i < n; i++)
        if (run_child("first", b->dir, b->assets, b->w, b->h, 0, &r) == 0)
            t[ok++] = (double)((uint64_t)result(&r, "first_present_ns") - r.t0) / 1e6;
    if (ok == 0) {
        printf("bench: the kiosk did not show a first frame\n");
        return;
    }
    double lo = t[0], hi = t[0];
    for (int i = 0; i < ok; i++) {
        lo = t[i] < lo ? t[i] : lo;
        hi = t[i] > hi ? t[i] : hi;
    }
    put("first_frame_ms", quantile(t, ok, 0.5), "ms");
    put("first_frame_min_ms", lo, "ms");
    put("first_frame_max_ms", hi, "ms");
    int idle = b->quick ? BENCH_IDLE_S_QUICK : BENCH_IDLE_S;
    if (run_child("loop", b->dir, b->assets, b->w, b->h, idle, &r) != 0 ||
        result(&r, "still_cpu_pct") < 0) {
        printf("bench: the kiosk's main loop could not be measured\n");
        return;
    }
    put("calm_after_first_frame_ms", result(&r, "calm_after_first_frame_ms"), "ms");
    put("rss_first_frame_mib", result(&r, "rss_after_first_frame_kb") / 1024, "MiB");
    put("rss_peak_mib", result(&r, "rss_peak_kb") / 1024, "MiB");
    put("rss_steady_mib", result(&r, "rss_steady_kb") / 1024, "MiB");
    put("pss_steady_mib", result(&r, "pss_steady_kb") / 1024, "MiB");
    put_int("loop_transition_frames", (long)result(&r, "loop_transition_frames"), "frames");
    put("loop_frame_interval_median_ms", result(&r, "loop_frame_interval_median"), "ms");
    put("loop_frame_interval_p99_ms", result(&r, "loop_frame_interval_p99"), "ms");
    if (BENCH_COUNTS_ALLOCS) {
        put_int("loop_transition_first_frame_allocs",
                (long)result(&r, "loop_transition_first_frame_allocs"), "allocs");
        put("loop_warm_allocs_per_frame",
            result(&r, "loop_transition_warm_allocs_per_frame"), "allocs");
        put_int("loop_warm_allocs_max", (long)result(&r, "loop_transition_warm_allocs_max"),
                "allocs");
        put_int("still_allocs", (long)result(&r, "still_allocs"), "allocs");
    }
    put_int("still_frames", (long)result(&r, "still_frames"), "frames");
    put("still_window_s", result(&r, "still_window_s"), "s");
    put("still_cpu_pct", result(&r, "still_cpu_pct"), "%");
}

int bench_main(const char *content_dir, const char *assets_arg, int w, int h, int quick)
{
    const char *assets = metrics_ttf_find_assets(assets_arg);
    if (!assets) {
        fprintf(stderr, "kiosk: the fonts were not found; give --assets DIR\n");
        return 1;
    }
    const char *mode = getenv("KIOSK_BENCH_CHILD");
    if (mode && *mode)
        return child_main(mode, content_dir, assets, w, h);
    /* No display: SDL's offscreen driver, named so platform_open takes it. */
    if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY") && !getenv("SDL_VIDEODRIVER"))
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    static bench b;
    char err[512];
    b.dir = content_dir;
    b.assets = assets;
    b.w = w;
    b.h = h;
    b.quick = quick;
    if (TTF_Init() != 0 || metrics_ttf_open(&b.fonts, assets, err, sizeof err) != 0) {
        fprintf(stderr, "kiosk: the fonts could not be opened\n");
        return 1;
    }
    b.m = metrics_ttf_interface(&b.fonts);
#if BENCH_COUNTS_ALLOCS
    bench_trace = getenv("KIOSK_BENCH_TRACE") && *getenv("KIOSK_BENCH_TRACE") == '1';
    if (bench_trace)
        backtrace((void *[1]){0}, 1);   /* loads libgcc now, not in a frame */
#endif
    printf("bench: %s allocation counting, %s\n",
           BENCH_COUNTS_ALLOCS ? "with" : "without", quick ? "quick" : "full");
    bench_content(&b);
    int rc = 1;
    if (b.s) {
        bench_layout(&b);
        fflush(stdout);
        if (bench_render(&b) == 0) {
            fflush(stdout);
            bench_children(&b);
            rc = 0;
        }
        content_free(b.s);
    }
    arena_fini(&b.deck_arena);
    metrics_ttf_close(&b.fonts);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    return rc;
}
