/* bench_stats.c — kiosk --bench's clocks, statistics and "name: value unit"
 * lines, and the finding of libkiosk_benchhook.so (its counters). */
#define _GNU_SOURCE   /* dlsym(RTLD_DEFAULT) */
#include "platform/bench_internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

uint64_t bench_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

double bench_ms_since(uint64_t t0)
{
    return (double)(bench_now_ns() - t0) / 1e6;
}

void bench_sleep_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR)
        ;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double bench_quantile(double *v, int n, double q)
{
    if (n <= 0)
        return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    int k = (int)ceil(q * n) - 1;
    return v[k < 0 ? 0 : k >= n ? n - 1 : k];
}

double bench_max_of(const double *v, int n)
{
    double m = 0;
    for (int i = 0; i < n; i++)
        if (v[i] > m)
            m = v[i];
    return m;
}

void bench_put(const char *name, double v, const char *unit)
{
    printf("%s: %.*f %s\n", name, fabs(v) >= 100 ? 0 : fabs(v) >= 10 ? 1 : 2, v, unit);
}

void bench_put_int(const char *name, long v, const char *unit)
{
    printf("%s: %ld %s\n", name, v, unit);
}

long bench_proc_kb(const char *file, const char *key)
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

double bench_cpu_s(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 +
           (double)u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

/* ---- the hook library ---- */

benchhook *bench_hook(void)
{
    return dlsym(RTLD_DEFAULT, BENCHHOOK_SYMBOL);
}

unsigned long bench_allocs(const benchhook *h)
{
    return h ? __atomic_load_n(&h->allocs, __ATOMIC_RELAXED) : 0;
}

int bench_counts_allocs(const benchhook *h)
{
    return h && h->counts_allocs;
}

void bench_set_counting(benchhook *h, int on)
{
    if (h)
        __atomic_store_n(&h->counting, on, __ATOMIC_RELEASE);
}

/* The library's path: KIOSK_BENCH_HOOK, else beside this program (the
 * build folder; it is never installed). 0 when it is there. */
static int hook_path(char *out, size_t cap)
{
    const char *env = getenv("KIOSK_BENCH_HOOK");
    if (env && *env) {
        snprintf(out, cap, "%s", env);
    } else {
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n <= 0)
            return -1;
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        snprintf(out, cap, "%s/%s", exe, BENCHHOOK_LIBRARY);
    }
    return access(out, R_OK);
}

/* This process's command line, as execv wants it (at most 63 words). */
static int own_argv(char *buf, size_t cap, char **argv, int max)
{
    FILE *f = fopen("/proc/self/cmdline", "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, cap - 1, f);
    fclose(f);
    buf[n] = '\0';
    int argc = 0;
    for (size_t i = 0; i < n && argc < max - 1; i += strlen(buf + i) + 1)
        argv[argc++] = buf + i;
    argv[argc] = NULL;
    return argc > 0 ? 0 : -1;
}

void bench_preload(void)
{
    char lib[PATH_MAX + 64], words[8192], env[PATH_MAX + 4096];
    char *argv[64];
    if (bench_hook() || getenv("KIOSK_BENCH_PRELOADED"))
        return;
    if (hook_path(lib, sizeof lib) != 0 || own_argv(words, sizeof words, argv, 64) != 0)
        return;
    const char *old = getenv("LD_PRELOAD");
    snprintf(env, sizeof env, "%s%s%s", lib, old && *old ? ":" : "", old ? old : "");
    setenv("LD_PRELOAD", env, 1);
    setenv("KIOSK_BENCH_PRELOADED", "1", 1);
#if defined(__SANITIZE_ADDRESS__)
    /* The library comes before AddressSanitizer's runtime; it then counts
     * nothing (ASan owns malloc) and only notes presents. */
    const char *asan = getenv("ASAN_OPTIONS");
    snprintf(env, sizeof env, "%s%sverify_asan_link_order=0", asan ? asan : "",
             asan && *asan ? ":" : "");
    setenv("ASAN_OPTIONS", env, 1);
#endif
    fflush(stdout);
    execv("/proc/self/exe", argv);
}
