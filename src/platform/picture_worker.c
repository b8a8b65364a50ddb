/* picture_worker.c — one thread, a ring of requests and a ring of results
 * under a mutex; an SDL event wakes the main loop for each result. */
#include "platform/picture_worker.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/kiosk_limits.h"

typedef struct picture_job {
    unsigned id;
    char dir[PATH_MAX];
    char rel[KIOSK_MAX_PATH_BYTES];
    platform_picture_ask ask;
} picture_job;

typedef struct picture_done {
    unsigned id;
    platform_picture pic;
} picture_done;

struct platform_pictures {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;         /* a job came, room for a result, or stop */
    int stop;
    Uint32 event;
    picture_job jobs[PLATFORM_PICTURES_QUEUE];
    int job_first, njobs;
    picture_done done[PLATFORM_PICTURES_QUEUE];
    int done_first, ndone;
};

static void deliver(platform_pictures *q, const picture_job *job,
                    const platform_picture *pic)
{
    pthread_mutex_lock(&q->mu);
    while (!q->stop && q->ndone == PLATFORM_PICTURES_QUEUE)
        pthread_cond_wait(&q->cv, &q->mu);
    if (q->stop) {
        pthread_mutex_unlock(&q->mu);
        free(pic->pixels);
        return;
    }
    picture_done *d = &q->done[(q->done_first + q->ndone++) % PLATFORM_PICTURES_QUEUE];
    d->id = job->id;
    d->pic = *pic;
    pthread_mutex_unlock(&q->mu);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = q->event;
    SDL_PushEvent(&e);
}

static void *worker(void *arg)
{
    platform_pictures *q = arg;
    picture_job *job = malloc(sizeof *job);
    if (!job)
        return NULL;
    for (;;) {
        pthread_mutex_lock(&q->mu);
        while (!q->stop && q->njobs == 0)
            pthread_cond_wait(&q->cv, &q->mu);
        if (q->stop) {
            pthread_mutex_unlock(&q->mu);
            break;
        }
        *job = q->jobs[q->job_first];
        q->job_first = (q->job_first + 1) % PLATFORM_PICTURES_QUEUE;
        q->njobs--;
        pthread_mutex_unlock(&q->mu);

        platform_picture pic;
        platform_picture_load(job->dir, job->rel, &job->ask, &pic);
        deliver(q, job, &pic);
    }
    free(job);
    return NULL;
}

platform_pictures *platform_pictures_start(Uint32 event)
{
    platform_pictures *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->event = event;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->cv, NULL);
    if (pthread_create(&q->thread, NULL, worker, q) != 0) {
        pthread_mutex_destroy(&q->mu);
        pthread_cond_destroy(&q->cv);
        free(q);
        return NULL;
    }
    return q;
}

void platform_pictures_stop(platform_pictures *q)
{
    if (!q)
        return;
    platform_picture_cancel_all();
    pthread_mutex_lock(&q->mu);
    q->stop = 1;
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
    pthread_join(q->thread, NULL);
    for (int i = 0; i < q->ndone; i++)
        free(q->done[(q->done_first + i) % PLATFORM_PICTURES_QUEUE].pic.pixels);
    pthread_mutex_destroy(&q->mu);
    pthread_cond_destroy(&q->cv);
    free(q);
}

int platform_pictures_ask(platform_pictures *q, unsigned id, const char *dir,
                          const char *rel, const platform_picture_ask *ask)
{
    if (strlen(dir) >= PATH_MAX || strlen(rel) >= KIOSK_MAX_PATH_BYTES)
        return -1;
    pthread_mutex_lock(&q->mu);
    int ok = q->njobs < PLATFORM_PICTURES_QUEUE;
    if (ok) {
        picture_job *j = &q->jobs[(q->job_first + q->njobs++) % PLATFORM_PICTURES_QUEUE];
        j->id = id;
        strcpy(j->dir, dir);
        strcpy(j->rel, rel);
        j->ask = *ask;
        pthread_cond_broadcast(&q->cv);
    }
    pthread_mutex_unlock(&q->mu);
    return ok ? 0 : -1;
}

void platform_pictures_forget(platform_pictures *q)
{
    pthread_mutex_lock(&q->mu);
    q->njobs = 0;
    pthread_mutex_unlock(&q->mu);
}

int platform_pictures_take(platform_pictures *q, unsigned *id, platform_picture *out)
{
    pthread_mutex_lock(&q->mu);
    int got = q->ndone > 0;
    if (got) {
        picture_done *d = &q->done[q->done_first];
        *id = d->id;
        *out = d->pic;
        q->done_first = (q->done_first + 1) % PLATFORM_PICTURES_QUEUE;
        q->ndone--;
        pthread_cond_broadcast(&q->cv);
    }
    pthread_mutex_unlock(&q->mu);
    return got;
}

static void load_now(void *ctx, const char *dir, const char *rel,
                     const render_picture_ask *ask, render_picture *out)
{
    platform_picture_load(dir, rel, ask, out);
}

static int ask_thread(void *ctx, unsigned id, const char *dir, const char *rel,
                      const render_picture_ask *ask)
{
    return platform_pictures_ask(ctx, id, dir, rel, ask);
}

static void forget_thread(void *ctx)
{
    platform_pictures_forget(ctx);
}

static int take_thread(void *ctx, unsigned *id, render_picture *out)
{
    return platform_pictures_take(ctx, id, out);
}

render_pictures platform_pictures_for_render(platform_pictures *q)
{
    if (!q)
        return (render_pictures){NULL, load_now, NULL, NULL, NULL};
    return (render_pictures){q, load_now, ask_thread, forget_thread, take_thread};
}
