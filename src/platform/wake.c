/* wake.c — one thread in poll(), an SDL event per wake-up, a semaphore for
 * the main loop's answer, and a pipe to stop it. */
#include "platform/wake.h"

#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

/* If an ack never comes (the event was dropped from a full queue), poll
 * again after this long: a lost wake-up delays, it never stops reloads. */
#define WAKE_ACK_WAIT_MS 1000

struct platform_wake {
    SDL_Thread *thread;
    SDL_sem *ack;
    int stop[2];
    struct pollfd pfd[PLATFORM_WAKE_MAX_FDS + 1];
    int n;
    Uint32 event;
};

static int wake_thread(void *arg)
{
    platform_wake *w = arg;
    for (;;) {
        int r = poll(w->pfd, (nfds_t)w->n, -1);
        if (r < 0)
            continue;   /* EINTR: a signal; its descriptor says more */
        if (w->pfd[0].revents)
            return 0;
        SDL_Event e;
        SDL_zero(e);
        e.type = w->event;
        SDL_PushEvent(&e);
        SDL_SemWaitTimeout(w->ack, WAKE_ACK_WAIT_MS);
    }
}

platform_wake *platform_wake_start(const int *fds, int nfds, Uint32 event)
{
    platform_wake *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    if (pipe(w->stop) != 0) {
        free(w);
        return NULL;
    }
    w->event = event;
    w->pfd[w->n++] = (struct pollfd){ w->stop[0], POLLIN, 0 };
    for (int i = 0; i < nfds && i < PLATFORM_WAKE_MAX_FDS; i++)
        if (fds[i] >= 0)
            w->pfd[w->n++] = (struct pollfd){ fds[i], POLLIN, 0 };
    w->ack = SDL_CreateSemaphore(0);
    w->thread = w->ack ? SDL_CreateThread(wake_thread, "kiosk-wake", w) : NULL;
    if (!w->thread) {
        if (w->ack)
            SDL_DestroySemaphore(w->ack);
        close(w->stop[0]);
        close(w->stop[1]);
        free(w);
        return NULL;
    }
    return w;
}

void platform_wake_ack(platform_wake *w)
{
    if (w && SDL_SemValue(w->ack) == 0)
        SDL_SemPost(w->ack);
}

void platform_wake_stop(platform_wake *w)
{
    if (!w)
        return;
    ssize_t r = write(w->stop[1], "x", 1);
    (void)r;
    SDL_SemPost(w->ack);
    SDL_WaitThread(w->thread, NULL);
    SDL_DestroySemaphore(w->ack);
    close(w->stop[0]);
    close(w->stop[1]);
    free(w);
}
