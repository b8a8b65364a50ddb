/* usb_worker.c — one thread waiting for imports, a mutex and condition for
 * the job and its end, an eventfd for the main loop (usb_worker.h). */
#include "platform/usb_worker.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

struct usb_worker {
    usb_import_gate gate;      /* its mutex and condition guard all below */
    pthread_t thread;
    int quit;                  /* the thread is to end */
    int has_job;               /* a job waits for the thread */
    int busy;                  /* started and its result not yet taken */
    int done;                  /* its result is in */
    int efd;
    char staged[PATH_MAX], content[PATH_MAX];
    char offer[PATH_MAX];
    usb_import_job job;
    usb_import_result result;
};

/* One thread for the kiosk's life, started with the kiosk (before the
 * screen's libraries load), waiting for jobs as the loader's does. */
static void *work(void *arg)
{
    usb_worker *w = arg;
    usb_import_result *r = &w->result;
    pthread_mutex_lock(&w->gate.mu);
    for (;;) {
        while (!w->has_job && !w->quit)
            pthread_cond_wait(&w->gate.cv, &w->gate.mu);
        if (w->quit)
            break;
        w->has_job = 0;
        pthread_mutex_unlock(&w->gate.mu);
        r->status = usb_import(&w->job, r->notes, sizeof r->notes, &r->topics, &r->cards);
        pthread_mutex_lock(&w->gate.mu);
        w->done = 1;
        pthread_cond_broadcast(&w->gate.cv);
        uint64_t one = 1;
        ssize_t n = write(w->efd, &one, sizeof one);
        (void)n;
    }
    pthread_mutex_unlock(&w->gate.mu);
    return NULL;
}

static void destroy(usb_worker *w)
{
    if (w->efd >= 0)
        close(w->efd);
    pthread_cond_destroy(&w->gate.cv);
    pthread_mutex_destroy(&w->gate.mu);
    free(w);
}

usb_worker *usb_worker_open(void)
{
    usb_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&w->gate.mu, NULL);
    pthread_cond_init(&w->gate.cv, &ca);
    pthread_condattr_destroy(&ca);
    w->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (w->efd < 0 || pthread_create(&w->thread, NULL, work, w) != 0) {
        destroy(w);
        return NULL;
    }
    return w;
}

int usb_worker_fd(const usb_worker *w)
{
    return w ? w->efd : -1;
}

int usb_worker_start(usb_worker *w, const usb_import_job *job)
{
    if (!w || w->busy)
        return -1;
    snprintf(w->staged, sizeof w->staged, "%s", job->staged);
    snprintf(w->content, sizeof w->content, "%s", job->content_dir);
    snprintf(w->offer, sizeof w->offer, "%s", job->offer ? job->offer : "");
    pthread_mutex_lock(&w->gate.mu);
    w->job = (usb_import_job){ w->staged, w->content, job->offer ? w->offer : NULL,
                               job->offer_id, &w->gate };
    w->gate.stop = w->gate.swapping = 0;
    w->done = 0;
    w->has_job = w->busy = 1;
    pthread_cond_broadcast(&w->gate.cv);
    pthread_mutex_unlock(&w->gate.mu);
    return 0;
}

int usb_worker_take(usb_worker *w, usb_import_result *out)
{
    uint64_t n;
    if (!w || read(w->efd, &n, sizeof n) != (ssize_t)sizeof n)
        return 0;
    pthread_mutex_lock(&w->gate.mu);
    int got = w->busy && w->done;
    if (got)
        *out = w->result;
    w->busy = !got && w->busy;
    pthread_mutex_unlock(&w->gate.mu);
    return got;
}

void usb_worker_close(usb_worker *w, int wait_ms)
{
    if (!w)
        return;
    struct timespec due;
    clock_gettime(CLOCK_MONOTONIC, &due);
    due.tv_sec += wait_ms / 1000;
    due.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
    if (due.tv_nsec >= 1000000000L) {
        due.tv_sec++;
        due.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&w->gate.mu);
    w->gate.stop = w->quit = 1;
    if (w->has_job)
        w->has_job = w->busy = 0;   /* never begun: the thread quits first */
    pthread_cond_broadcast(&w->gate.cv);
    int timed_out = 0;
    while (w->busy && !w->done && !timed_out)
        timed_out = pthread_cond_timedwait(&w->gate.cv, &w->gate.mu, &due) != 0;
    while (w->gate.swapping)
        pthread_cond_wait(&w->gate.cv, &w->gate.mu);   /* two renames: short */
    int running = w->busy && !w->done;
    pthread_mutex_unlock(&w->gate.mu);
    if (running) {
        /* Still in the content check, which cannot be stopped; it may not
         * swap any more (stop is set). w stays for it: the process ends. */
        pthread_detach(w->thread);
        return;
    }
    pthread_join(w->thread, NULL);
    destroy(w);
}
