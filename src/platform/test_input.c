/* test_input.c — TEST ONLY: a thread reading finger events from the FIFO
 * named by KIOSK_TEST_INPUT and pushing them into SDL's queue (see
 * test_input.h). Compiled into kiosk_testinput only: the same objects as the
 * kiosk but for platform_sdl.c, which starts this reader there. */
#include "platform/test_input.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A line is a few words; a longer one is a broken test, skipped. */
#define TEST_INPUT_LINE_BYTES 256
/* The touch device id of the pretend panel (any id SDL never uses itself). */
#define TEST_INPUT_TOUCH_ID 7

struct platform_test_input {
    SDL_Thread *thread;
    int fd;           /* the FIFO, opened read-write: never blocks, never EOF */
    int stop[2];      /* a byte written to stop[1] ends the thread */
    Uint32 window_id;
    int win_w, win_h;
};

static void push_mouse(const platform_test_input *ti, Uint32 type, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    int wx = (int)(x * ti->win_w), wy = (int)(y * ti->win_h);
    if (type == SDL_MOUSEMOTION) {
        e.motion = (SDL_MouseMotionEvent){.type = type, .windowID = ti->window_id,
            .which = SDL_TOUCH_MOUSEID, .state = SDL_BUTTON_LMASK, .x = wx, .y = wy};
    } else {
        e.button = (SDL_MouseButtonEvent){.type = type, .windowID = ti->window_id,
            .which = SDL_TOUCH_MOUSEID, .button = SDL_BUTTON_LEFT, .clicks = 1,
            .state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED,
            .x = wx, .y = wy};
    }
    SDL_PushEvent(&e);
}

/* One line: "down|move|up ID X Y [SOURCE]". */
static void push_line(const platform_test_input *ti, const char *line)
{
    char kind[8], source[16] = "touch";
    long long id;
    float x, y;
    if (sscanf(line, "%7s %lld %f %f %15s", kind, &id, &x, &y, source) < 4) {
        fprintf(stderr, "kiosk: KIOSK_TEST_INPUT: skipped \"%s\"\n", line);
        return;
    }
    int k = !strcmp(kind, "down") ? 0 : !strcmp(kind, "move") ? 1 : !strcmp(kind, "up") ? 2 : -1;
    if (k < 0)
        return;
    if (!strcmp(source, "touch-as-mouse")) {
        static const Uint32 mouse[3] = {SDL_MOUSEBUTTONDOWN, SDL_MOUSEMOTION, SDL_MOUSEBUTTONUP};
        push_mouse(ti, mouse[k], x, y);
        return;
    }
    static const Uint32 finger[3] = {SDL_FINGERDOWN, SDL_FINGERMOTION, SDL_FINGERUP};
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.tfinger = (SDL_TouchFingerEvent){.type = finger[k], .windowID = ti->window_id,
        .touchId = !strcmp(source, "mouse-as-touch") ? SDL_MOUSE_TOUCHID : TEST_INPUT_TOUCH_ID,
        .fingerId = (SDL_FingerID)id, .x = x, .y = y, .pressure = k == 2 ? 0.0f : 1.0f};
    SDL_PushEvent(&e);
}

static int reader(void *arg)
{
    platform_test_input *ti = arg;
    char buf[TEST_INPUT_LINE_BYTES];
    size_t len = 0;
    for (;;) {
        struct pollfd p[2] = {{ti->fd, POLLIN, 0}, {ti->stop[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return 0;
        }
        if (p[1].revents)
            return 0;
        ssize_t n = read(ti->fd, buf + len, sizeof buf - 1 - len);
        if (n <= 0)
            continue;
        len += (size_t)n;
        buf[len] = '\0';
        char *nl, *at = buf;
        while ((nl = strchr(at, '\n'))) {
            *nl = '\0';
            push_line(ti, at);
            at = nl + 1;
        }
        len = strlen(at);
        memmove(buf, at, len);
        if (len == sizeof buf - 1)
            len = 0;   /* a line too long to be one of ours */
    }
}

platform_test_input *platform_test_input_start(SDL_Window *win)
{
    const char *path = getenv("KIOSK_TEST_INPUT");
    if (!path || !*path)
        return NULL;
    platform_test_input *ti = calloc(1, sizeof *ti);
    if (!ti)
        return NULL;
    ti->window_id = SDL_GetWindowID(win);
    SDL_GetWindowSize(win, &ti->win_w, &ti->win_h);
    ti->fd = open(path, O_RDWR | O_CLOEXEC);
    if (ti->fd < 0 || pipe(ti->stop) != 0) {
        fprintf(stderr, "kiosk: KIOSK_TEST_INPUT: cannot read %s: %s\n", path, strerror(errno));
        if (ti->fd >= 0)
            close(ti->fd);
        free(ti);
        return NULL;
    }
    ti->thread = SDL_CreateThread(reader, "test-input", ti);
    if (!ti->thread) {
        platform_test_input_stop(ti);
        return NULL;
    }
    fprintf(stderr, "kiosk: TEST ONLY: reading touch events from %s\n", path);
    return ti;
}

void platform_test_input_stop(platform_test_input *ti)
{
    if (!ti)
        return;
    if (ti->thread) {
        ssize_t w = write(ti->stop[1], "", 1);
        (void)w;
        SDL_WaitThread(ti->thread, NULL);
    }
    close(ti->stop[0]);
    close(ti->stop[1]);
    close(ti->fd);
    free(ti);
}
