/* usb_worker.c — one thread per import, a mutex and condition for its end,
 * an eventfd for the main loop (usb_worker.h). */
#include "platform/usb_worker.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

/* Paths: Linux's PATH_MAX (not <limits.h>: src/core's shadows it). */
#define USB_WORKER_PATH_BYTES 4096

struct usb_worker {
    usb_import_gate gate;      /* its mutex also guards the fields below */
    pthread_t thread;
    int running;               /* a thread was started and not yet joined */
    int done;                  /* its result is in */
    int efd;
    char staged[USB_WORKER_PATH_BYTES], content[USB_WORKER_PATH_BYTES];
    char offer[USB_WORKER_PATH_BYTES];
    usb_import_job job;
    usb_import_result result;
};

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
    if (w->efd < 0) {
        pthread_cond_destroy(&w->gate.cv);
        pthread_mutex_destroy(&w->gate.mu);
        free(w);
        return NULL;
    }
    return w;
}

int usb_worker_fd(const usb_worker *w)
{
    return w ? w->efd : -1;
}

static void *work(void *arg)
{
    usb_worker *w = arg;
    usb_import_result *r = &w->result;
    r->status = usb_import(&w->job, r->notes, sizeof r->notes, &r->topics, &r->cards);
    pthread_mutex_lock(&w->gate.mu);
    w->done = 1;
    pthread_cond_broadcast(&w->gate.cv);
    pthread_mutex_unlock(&w->gate.mu);
    uint64_t one = 1;
    ssize_t n = write(w->efd, &one, sizeof one);
    (void)n;
    return NULL;
}

int usb_worker_start(usb_worker *w, const usb_import_job *job)
{
    if (!w || w->running)
        return -1;
    snprintf(w->staged, sizeof w->staged, "%s", job->staged);
    snprintf(w->content, sizeof w->content, "%s", job->content_dir);
    snprintf(w->offer, sizeof w->offer, "%s", job->offer ? job->offer : "");
    w->job = (usb_import_job){ w->staged, w->content, job->offer ? w->offer : NULL,
                               job->offer_id, &w->gate };
    w->gate.stop = w->gate.swapping = 0;
    w->done = 0;
    if (pthread_create(&w->thread, NULL, work, w) != 0)
        return -1;
    w->running = 1;
    return 0;
}

int usb_worker_take(usb_worker *w, usb_import_result *out)
{
    uint64_t n;
    if (!w || read(w->efd, &n, sizeof n) != (ssize_t)sizeof n || !w->running)
        return 0;
    pthread_join(w->thread, NULL);   /* done: it returns at once */
    w->running = 0;
    *out = w->result;
    return 1;
}

void usb_worker_stop(usb_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->gate.mu);
    w->gate.stop = 1;
    pthread_mutex_unlock(&w->gate.mu);
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
    w->gate.stop = 1;
    int timed_out = 0;
    while (w->running && !w->done && !timed_out)
        timed_out = pthread_cond_timedwait(&w->gate.cv, &w->gate.mu, &due) != 0;
    while (w->running && w->gate.swapping)
        pthread_cond_wait(&w->gate.cv, &w->gate.mu);   /* two renames: short */
    int busy = w->running && !w->done;
    pthread_mutex_unlock(&w->gate.mu);
    if (busy) {
        /* Still in the content check, which cannot be stopped; it may not
         * swap any more (stop is set). w stays for it: the process ends. */
        pthread_detach(w->thread);
        return;
    }
    if (w->running)
        pthread_join(w->thread, NULL);
    close(w->efd);
    pthread_cond_destroy(&w->gate.cv);
    pthread_mutex_destroy(&w->gate.mu);
    free(w);
}
