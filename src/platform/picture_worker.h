/* picture_worker.h — decodes pictures for the screen on a thread of its own,
 * each in the sandboxed child (picture.h), and hands the pixels back: the
 * main loop only makes textures of them (SDL wants textures made on the
 * thread that draws) and never waits for a decoder. */
#ifndef KIOSK_PICTURE_WORKER_H
#define KIOSK_PICTURE_WORKER_H

#include <SDL.h>

#include "platform/picture.h"
#include "render/pictures.h"

/* Requests waiting and results not yet taken, each: a screen shows at most
 * a menu of KIOSK_MAX_TOPICS tiles, and the renderer caches 64 pictures. */
#define PLATFORM_PICTURES_QUEUE 64

typedef struct platform_pictures platform_pictures;

/* Starts the thread; it pushes an SDL event of type event (from
 * SDL_RegisterEvents) when a picture is ready. NULL when it cannot start. */
platform_pictures *platform_pictures_start(Uint32 event);
/* Ends every decode (platform_picture_cancel_all: only at exit) and joins. */
void platform_pictures_stop(platform_pictures *q);
/* Queues dir/rel to be read and decoded for ask; id comes back with it.
 * 0, or -1 when the queue is full or the path too long. */
int platform_pictures_ask(platform_pictures *q, unsigned id, const char *dir,
                          const char *rel, const platform_picture_ask *ask);
/* Drops the requests not yet started (new content: they are stale). */
void platform_pictures_forget(platform_pictures *q);
/* One finished picture, without blocking: 1 and *id and *out (out->pixels
 * NULL when it could not be decoded; the caller frees them), or 0. */
int platform_pictures_take(platform_pictures *q, unsigned *id, platform_picture *out);

/* The renderer's view of the decoder: with q, pictures go through its
 * thread; with NULL, each is decoded at once (--render, --bench). */
render_pictures platform_pictures_for_render(platform_pictures *q);

#endif
