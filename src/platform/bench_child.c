/* bench_child.c — kiosk --bench's real program: the parent re-executes
 * this binary with KIOSK_BENCH_CHILD set; the child runs platform_run as
 * the kiosk does, and a thread beside it watches the frames (through the
 * preloaded hook's present notes), pushes a tap, measures the idle window
 * and ends it with SDL_QUIT. Figures go back as "key value" lines on the
 * descriptor KIOSK_BENCH_FD. */
#include "platform/bench_internal.h"

#include <SDL.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "platform/run.h"

typedef struct child_args {
    benchhook *hook;
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

static void send(int fd, const char *key, double v)
{
    dprintf(fd, "%s %.6f\n", key, v);
}

/* Frames of one recorded transition: intervals and allocations per frame.
 * Frame 0 prepares the new screen (textures: allocations expected); the
 * frames after it are the warm ones. */
static void send_transition(const benchhook *h, int fd)
{
    int n = __atomic_load_n(&h->nrec, __ATOMIC_ACQUIRE);
    double gap[BENCHHOOK_MAX_REC_FRAMES], al[BENCHHOOK_MAX_REC_FRAMES];
    int ng = 0, na = 0;
    for (int i = 1; i < n; i++) {
        gap[ng++] = (double)(h->rec_ns[i] - h->rec_ns[i - 1]) / 1e6;
        al[na++] = (double)h->rec_allocs[i];
    }
    send(fd, "loop_transition_frames", n);
    send(fd, "loop_transition_first_frame_allocs", n ? (double)h->rec_allocs[0] : -1);
    send(fd, "loop_transition_warm_allocs_max", na ? bench_max_of(al, na) : -1);
    double sum = 0;
    for (int i = 0; i < na; i++)
        sum += al[i];
    send(fd, "loop_transition_warm_allocs_per_frame", na ? sum / na : -1);
    send(fd, "loop_frame_interval_median", ng ? bench_quantile(gap, ng, 0.5) : -1);
    send(fd, "loop_frame_interval_p99", ng ? bench_quantile(gap, ng, 0.99) : -1);
}

/* Waits until the process is quiet: under 10 ms of CPU in 250 ms (work
 * left after the first frame is done), for at most a minute. */
static void wait_calm(void)
{
    for (int i = 0; i < 240; i++) {
        double c0 = bench_cpu_s();
        bench_sleep_ms(250);
        if (bench_cpu_s() - c0 < 0.010)
            break;
    }
    bench_sleep_ms(250);
}

/* The idle window: the real loop asleep on the menu. */
static void send_idle(const child_args *c)
{
    benchhook *h = c->hook;
    unsigned long p0 = __atomic_load_n(&h->presents, __ATOMIC_RELAXED);
    unsigned long a0 = bench_allocs(h);
    double c0 = bench_cpu_s();
    uint64_t t0 = bench_now_ns();
    bench_sleep_ms(c->idle_s * 1000);
    double cpu = bench_cpu_s() - c0, wall = (double)(bench_now_ns() - t0) / 1e9;
    send(c->fd, "still_cpu_pct", 100.0 * cpu / wall);
    send(c->fd, "still_window_s", wall);
    send(c->fd, "still_frames",
         (double)(__atomic_load_n(&h->presents, __ATOMIC_RELAXED) - p0));
    send(c->fd, "still_allocs", (double)(bench_allocs(h) - a0));
    send(c->fd, "rss_peak_kb", (double)bench_proc_kb("/proc/self/status", "VmHWM"));
    send(c->fd, "rss_steady_kb", (double)bench_proc_kb("/proc/self/status", "VmRSS"));
    send(c->fd, "pss_steady_kb", (double)bench_proc_kb("/proc/self/smaps_rollup", "Pss"));
}

static void *child_watch(void *arg)
{
    const child_args *c = arg;
    benchhook *h = c->hook;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += BENCH_CHILD_TIMEOUT_S;
    while (sem_timedwait(&h->first, &until) != 0)
        if (errno != EINTR) {
            push_quit();
            return NULL;
        }
    send(c->fd, "first_present_ns", (double)h->first_ns);
    if (!c->loop) {
        push_quit();
        return NULL;
    }
    /* Settle (the whole deck is built after the first frame), then a tap on
     * the loop: a fade to the menu, prepared on its first frame, warm after. */
    send(c->fd, "rss_after_first_frame_kb",
         (double)bench_proc_kb("/proc/self/status", "VmRSS"));
    wait_calm();
    send(c->fd, "calm_after_first_frame_ms", (double)(bench_now_ns() - h->first_ns) / 1e6);
    __atomic_store_n(&h->rec, 1, __ATOMIC_RELEASE);
    h->trace = c->trace;
    push_tap(c->w / 2, c->h / 2);
    bench_sleep_ms(1000);   /* transitions last 400 ms at most */
    h->trace = 0;
    __atomic_store_n(&h->rec, 0, __ATOMIC_RELEASE);
    send_transition(h, c->fd);
    send_idle(c);
    push_quit();
    return NULL;
}

static int env_int(const char *name, int fallback)
{
    const char *v = getenv(name);
    return v ? atoi(v) : fallback;
}

int bench_child_main(const char *mode, const char *dir, const char *assets, int w, int h)
{
    child_args c = {
        .hook = bench_hook(),
        .loop = !strcmp(mode, "loop"),
        .fd = env_int("KIOSK_BENCH_FD", -1),
        .idle_s = env_int("KIOSK_BENCH_IDLE_S", BENCH_IDLE_S),
        .w = w,
        .h = h,
    };
    if (c.fd < 0 || !c.hook)
        return 2;
    c.trace = bench_counts_allocs(c.hook) && getenv("KIOSK_BENCH_TRACE") &&
              *getenv("KIOSK_BENCH_TRACE") == '1';
    if (c.trace)
        backtrace((void *[1]){0}, 1);   /* loads libgcc now, not in a frame */
    sem_init(&c.hook->first, 0, 0);
    bench_set_counting(c.hook, 1);
    __atomic_store_n(&c.hook->on, 1, __ATOMIC_RELEASE);
    pthread_t t;
    if (pthread_create(&t, NULL, child_watch, &c) != 0)
        return 2;
    run_options o = {.content_dir = dir, .assets_dir = assets, .win_w = w, .win_h = h};
    int rc = platform_run(&o);
    pthread_join(t, NULL);
    close(c.fd);
    return rc;
}

double bench_child_value(const child_result *r, const char *key)
{
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->key[i], key))
            return r->val[i];
    return -1;
}

/* The child: this binary again, its start-up line to /dev/null. */
static void child_exec(const char *mode, const bench *b, int fd, int idle_s)
{
    char size[32], fds[16], idle[16];
    snprintf(size, sizeof size, "%dx%d", b->w, b->h);
    snprintf(fds, sizeof fds, "%d", fd);
    snprintf(idle, sizeof idle, "%d", idle_s);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0)
        dup2(null, 1);
    setenv("KIOSK_BENCH_CHILD", mode, 1);
    setenv("KIOSK_BENCH_FD", fds, 1);
    setenv("KIOSK_BENCH_IDLE_S", idle, 1);
    execl("/proc/self/exe", "kiosk", "--bench", "--content", b->dir, "--assets", b->assets,
          "--size", size, (char *)NULL);
    _exit(127);
}

int bench_run_child(const char *mode, const bench *b, int idle_s, child_result *out)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    memset(out, 0, sizeof *out);
    out->t0 = bench_now_ns();
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child_exec(mode, b, fds[1], idle_s);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return -1;
    }
    FILE *f = fdopen(fds[0], "r");
    char line[128];
    while (f && fgets(line, sizeof line, f) && out->n < BENCH_CHILD_FIGURES)
        if (sscanf(line, "%47s %lf", out->key[out->n], &out->val[out->n]) == 2)
            out->n++;
    if (f)
        fclose(f);
    int st = 0;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 &&
           bench_child_value(out, "first_present_ns") > 0 ? 0 : -1;
}
