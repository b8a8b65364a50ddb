/* benchhook.c — libkiosk_benchhook.so: the counting allocator and the
 * present hook of kiosk --bench, preloaded (LD_PRELOAD) into the bench and
 * its children only, so the installed kiosk carries neither. */
#define _GNU_SOURCE   /* dlsym(RTLD_NEXT), dladdr */
#include "benchhook.h"

#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#if defined(__SANITIZE_ADDRESS__)
#define COUNTS_ALLOCS 0
#else
#define COUNTS_ALLOCS 1
#endif

__attribute__((visibility("default"))) benchhook kiosk_benchhook = {
    .counts_allocs = COUNTS_ALLOCS
};

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static unsigned long allocs_now(void)
{
    return __atomic_load_n(&kiosk_benchhook.allocs, __ATOMIC_RELAXED);
}

#if COUNTS_ALLOCS
/* ---- counting allocator ----
 * Wrappers to glibc's own functions; off, the cost is one branch. */
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
        if (!dladdr(pc[i], &di) || !di.dli_fname)
            continue;
        const char *base = strrchr(di.dli_fname, '/');
        char *from = di.dli_sname ? di.dli_saddr : di.dli_fbase;
        fprintf(stderr, " %s:%s+%#lx", base ? base + 1 : di.dli_fname,
                di.dli_sname ? di.dli_sname : "",
                (unsigned long)((char *)pc[i] - from));
    }
    fputc('\n', stderr);
    in_trace = 0;
}

static inline void count_one(void)
{
    if (__atomic_load_n(&kiosk_benchhook.counting, __ATOMIC_RELAXED)) {
        __atomic_fetch_add(&kiosk_benchhook.allocs, 1, __ATOMIC_RELAXED);
        if (kiosk_benchhook.trace && !in_trace)
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

/* ---- present hook ----
 * SDL_RenderPresent as the program calls it: SDL's own, then a note of the
 * time and of the allocations since the previous frame, when a bench child
 * asked for them. The real function is found once with dlsym; the renderer
 * is only passed on, so this library needs no SDL header. */
void SDL_RenderPresent(void *r)
{
    benchhook *h = &kiosk_benchhook;
    if (!h->real_present)
        *(void **)&h->real_present = dlsym(RTLD_NEXT, "SDL_RenderPresent");
    if (h->real_present)
        h->real_present(r);
    if (!__atomic_load_n(&h->on, __ATOMIC_ACQUIRE))
        return;
    uint64_t t = now_ns();
    unsigned long a = allocs_now();
    if (h->presents++ == 0) {
        h->first_ns = t;
        sem_post(&h->first);
    }
    if (__atomic_load_n(&h->rec, __ATOMIC_ACQUIRE) && h->nrec < BENCHHOOK_MAX_REC_FRAMES) {
        h->rec_ns[h->nrec] = t;
        h->rec_allocs[h->nrec] = a - h->last_allocs;
        __atomic_store_n(&h->nrec, h->nrec + 1, __ATOMIC_RELEASE);
    }
    h->last_allocs = a;
}
