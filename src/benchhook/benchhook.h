/* benchhook.h — what libkiosk_benchhook.so (preloaded by kiosk --bench only,
 * never installed) shares with the bench: its allocation counters and the
 * frames it saw presented. The kiosk itself defines no malloc and no
 * SDL_RenderPresent; the bench finds this state with dlsym. */
#ifndef KIOSK_BENCHHOOK_H
#define KIOSK_BENCHHOOK_H

#include <semaphore.h>
#include <stdint.h>

/* The library's file name, looked for beside the kiosk program. */
#define BENCHHOOK_LIBRARY "libkiosk_benchhook.so"
/* The name of its one exported object, for dlsym. */
#define BENCHHOOK_SYMBOL "kiosk_benchhook"

/* Frames of the real loop recorded around one transition (400 ms at most). */
#define BENCHHOOK_MAX_REC_FRAMES 256

typedef struct benchhook {
    int counts_allocs;        /* 0 under AddressSanitizer, which owns malloc */
    /* Allocation counting: every malloc/calloc/realloc/aligned allocation of
     * the process (SDL, Xlib, FreeType included) while counting is set. */
    int counting;
    unsigned long allocs;
    int trace;                /* callers of each counted allocation to stderr */
    void (*real_present)(void *);   /* SDL's own SDL_RenderPresent */
    /* Presents: noted while on is set (a bench child is running). */
    int on;
    sem_t first;              /* posted at the first frame */
    uint64_t first_ns;        /* CLOCK_MONOTONIC, as the bench's clock */
    unsigned long presents;
    unsigned long last_allocs;
    int rec;                  /* recording frames */
    int nrec;
    uint64_t rec_ns[BENCHHOOK_MAX_REC_FRAMES];
    unsigned long rec_allocs[BENCHHOOK_MAX_REC_FRAMES];
} benchhook;

#endif
