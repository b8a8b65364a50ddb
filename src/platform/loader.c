/* loader.c — one worker thread, one request slot and one result slot under a
 * mutex; an eventfd wakes the main loop when a result is ready. */
#include "loader.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "core/lastgood.h"

typedef struct load_request {
    char dir[PATH_MAX];
    char stamp[128];
    int save;
    unsigned seq;
} load_request;

struct platform_loader {
    const kiosk_fs *fs;
    const lastgood_os *os;
    char state[PATH_MAX];
    int has_state;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
    int has_request, running;
    load_request request;          /* the newest request not yet started */
    unsigned last_seq;
    int has_result;
    platform_load_result result;
    int efd;
};

/* Off the main thread: load, and save when asked and usable. */
static void run_request(platform_loader *l, const load_request *rq,
                        platform_load_result *res)
{
    memset(res, 0, sizeof *res);
    res->seq = rq->seq;
    res->save_asked = rq->save;
    res->snap = content_load(rq->dir, l->fs);
    res->usable = res->snap && content_usable(res->snap);
    if (!rq->save || !res->usable)
        return;
    res->saved = l->has_state
        ? lastgood_save(l->os, l->fs, l->state, rq->dir, res->snap, rq->stamp)
        : LG_MISSING;
}

static void publish(platform_loader *l, platform_load_result *res)
{
    pthread_mutex_lock(&l->mu);
    if (l->has_result)
        content_free(l->result.snap);   /* nobody took it; the newer wins */
    l->result = *res;
    l->has_result = 1;
    l->running = 0;
    pthread_mutex_unlock(&l->mu);
    uint64_t one = 1;
    ssize_t r = write(l->efd, &one, sizeof one);   /* fails only if saturated */
    (void)r;
}

static void *worker(void *arg)
{
    platform_loader *l = arg;
    load_request *rq = malloc(sizeof *rq);
    if (!rq)
        return NULL;
    for (;;) {
        pthread_mutex_lock(&l->mu);
        while (!l->stop && !l->has_request)
            pthread_cond_wait(&l->cv, &l->mu);
        if (l->stop) {
            pthread_mutex_unlock(&l->mu);
            break;
        }
        *rq = l->request;
        l->has_request = 0;
        l->running = 1;
        pthread_mutex_unlock(&l->mu);

        platform_load_result res;
        run_request(l, rq, &res);
        publish(l, &res);
    }
    free(rq);
    return NULL;
}

platform_loader *platform_loader_start(const kiosk_fs *fs, const lastgood_os *os,
                                       const char *state)
{
    platform_loader *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->fs = fs;
    l->os = os;
    if (state && strlen(state) < sizeof l->state) {
        strcpy(l->state, state);
        l->has_state = 1;
    }
    l->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (l->efd < 0) {
        free(l);
        return NULL;
    }
    pthread_mutex_init(&l->mu, NULL);
    pthread_cond_init(&l->cv, NULL);
    if (pthread_create(&l->thread, NULL, worker, l) != 0) {
        close(l->efd);
        pthread_mutex_destroy(&l->mu);
        pthread_cond_destroy(&l->cv);
        free(l);
        return NULL;
    }
    return l;
}

void platform_loader_stop(platform_loader *l)
{
    if (!l)
        return;
    pthread_mutex_lock(&l->mu);
    l->stop = 1;
    pthread_cond_signal(&l->cv);
    pthread_mutex_unlock(&l->mu);
    pthread_join(l->thread, NULL);
    if (l->has_result)
        content_free(l->result.snap);
    close(l->efd);
    pthread_mutex_destroy(&l->mu);
    pthread_cond_destroy(&l->cv);
    free(l);
}

unsigned platform_loader_request(platform_loader *l, const char *dir, int save,
                                 const char *stamp)
{
    if (!stamp)
        stamp = "";
    if (strlen(dir) >= sizeof l->request.dir || strlen(stamp) >= sizeof l->request.stamp)
        return 0;
    pthread_mutex_lock(&l->mu);
    if (++l->last_seq == 0)
        l->last_seq = 1;   /* 0 means "refused" */
    strcpy(l->request.dir, dir);
    strcpy(l->request.stamp, stamp);
    l->request.save = save;
    l->request.seq = l->last_seq;
    l->has_request = 1;   /* replaces a request not yet started */
    unsigned seq = l->last_seq;
    pthread_cond_signal(&l->cv);
    pthread_mutex_unlock(&l->mu);
    return seq;
}

int platform_loader_fd(const platform_loader *l)
{
    return l->efd;
}

int platform_loader_take(platform_loader *l, platform_load_result *out)
{
    uint64_t n;
    ssize_t r = read(l->efd, &n, sizeof n);   /* clears the wakeup */
    (void)r;
    pthread_mutex_lock(&l->mu);
    int got = l->has_result;
    if (got) {
        *out = l->result;
        l->has_result = 0;
    }
    pthread_mutex_unlock(&l->mu);
    return got;
}

int platform_loader_busy(platform_loader *l)
{
    pthread_mutex_lock(&l->mu);
    int busy = l->has_request || l->running;
    pthread_mutex_unlock(&l->mu);
    return busy;
}
