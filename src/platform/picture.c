/* picture.c — the parent's side of the sandboxed decoder: starts the kiosk
 * again as a child (/proc/self/exe --decode-picture), hands it the bytes,
 * reads its answer before a wall-clock deadline, and kills and reaps it on
 * time-out or when the kiosk stops. */
#define _GNU_SOURCE   /* posix_spawn_file_actions_addclosefrom_np */
#include "platform/picture.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/content.h"
#include "core/kiosk_limits.h"
#include "platform/picture_proto.h"

extern char **environ;

/* Readable once the kiosk is stopping: every decode's poll sees it. */
static int cancel_fd[2] = {-1, -1};
static pthread_once_t cancel_once = PTHREAD_ONCE_INIT;

static void cancel_init(void)
{
    if (pipe2(cancel_fd, O_CLOEXEC | O_NONBLOCK) != 0)
        cancel_fd[0] = cancel_fd[1] = -1;
}

void platform_picture_cancel_all(void)
{
    pthread_once(&cancel_once, cancel_init);
    if (cancel_fd[1] >= 0) {
        ssize_t r = write(cancel_fd[1], "x", 1);   /* never read: stays readable */
        (void)r;
    }
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The child with sock as its stdin and stdout, the kiosk's stderr (the
 * child silences it), nothing else open. */
static pid_t spawn_child(int sock, const platform_picture_ask *ask)
{
    char a[4][16];
    snprintf(a[0], sizeof a[0], "%d", ask->box_w);
    snprintf(a[1], sizeof a[1], "%d", ask->box_h);
    snprintf(a[2], sizeof a[2], "%d", ask->cover);
    snprintf(a[3], sizeof a[3], "%d", ask->max_side);
    char *argv[] = {"kiosk", PLATFORM_PICTURE_ARG, a[0], a[1], a[2], a[3], NULL};
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    pid_t pid = -1;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1;
    if (posix_spawnattr_init(&at) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return -1;
    }
    sigset_t none, dfl;
    sigemptyset(&none);
    sigemptyset(&dfl);
    sigaddset(&dfl, SIGPIPE);
    sigaddset(&dfl, SIGTERM);
    sigaddset(&dfl, SIGHUP);
    sigaddset(&dfl, SIGINT);
    int ok = posix_spawn_file_actions_adddup2(&fa, sock, 0) == 0 &&
             posix_spawn_file_actions_adddup2(&fa, sock, 1) == 0 &&
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
             posix_spawn_file_actions_addclosefrom_np(&fa, 3) == 0 &&
#endif
             posix_spawnattr_setsigmask(&at, &none) == 0 &&
             posix_spawnattr_setsigdefault(&at, &dfl) == 0 &&
             posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK |
                                           POSIX_SPAWN_SETSIGDEF) == 0;
    if (ok && posix_spawn(&pid, "/proc/self/exe", &fa, &at, argv, environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    return ok ? pid : -1;
}

/* One decode in progress: what goes in, what came out so far. */
typedef struct exchange {
    const unsigned char *in;
    size_t len, sent;
    picture_head head;
    size_t got;             /* bytes of head, then of pixels, received */
    unsigned char *pixels;
    size_t want;            /* pixel bytes the head announced */
    int eof;
} exchange;

/* The head is in: how many pixel bytes follow, 0 when none or nonsense. */
static int head_check(exchange *x, const platform_picture_ask *ask)
{
    picture_head *h = &x->head;
    if (memcmp(h->magic, PICTURE_MAGIC, 4) != 0)
        return -1;
    if (h->status != PICTURE_CHILD_OK || ask->box_w == 0)
        return 0;
    if (h->w < 1 || h->h < 1 || h->w > (uint32_t)ask->max_side ||
        h->h > (uint32_t)ask->max_side)
        return -1;
    x->want = (size_t)h->w * h->h * 4;
    x->pixels = malloc(x->want);
    return x->pixels ? 0 : -1;
}

/* Reads what the child wrote. -1 on a broken answer. */
static int take_output(exchange *x, int sock, const platform_picture_ask *ask)
{
    for (;;) {
        unsigned char *to;
        size_t room;
        if (x->got < sizeof x->head) {
            to = (unsigned char *)&x->head + x->got;
            room = sizeof x->head - x->got;
        } else {
            size_t have = x->got - sizeof x->head;
            if (have >= x->want)
                return 0;
            to = x->pixels + have;
            room = x->want - have;
        }
        ssize_t n = read(sock, to, room);
        if (n == 0) {
            x->eof = 1;
            return 0;
        }
        if (n < 0)
            return errno == EAGAIN || errno == EINTR ? 0 : -1;
        size_t before = x->got;
        x->got += (size_t)n;
        if (before < sizeof x->head && x->got >= sizeof x->head &&
            head_check(x, ask) != 0)
            return -1;
    }
}

static int complete(const exchange *x)
{
    return x->got >= sizeof x->head && x->got - sizeof x->head >= x->want;
}

/* Feeds and reads the child until it answered, the deadline passed or the
 * kiosk stops. */
static fs_picture converse(exchange *x, int sock, const platform_picture_ask *ask)
{
    long long deadline = now_ms() + KIOSK_PICTURE_DECODE_MS;
    for (;;) {
        long long left = deadline - now_ms();
        if (left <= 0)
            return FS_PICTURE_TOO_SLOW;
        struct pollfd pf[2] = {
            {sock, (short)(POLLIN | (x->sent < x->len ? POLLOUT : 0)), 0},
            {cancel_fd[0], POLLIN, 0},
        };
        int n = poll(pf, 2, (int)left);
        if (n < 0 && errno != EINTR)
            return FS_PICTURE_UNCHECKED;
        if (n <= 0)
            continue;
        if (pf[1].revents)
            return FS_PICTURE_UNCHECKED;
        if ((pf[0].revents & POLLOUT) && x->sent < x->len) {
            ssize_t w = send(sock, x->in + x->sent, x->len - x->sent, MSG_NOSIGNAL);
            if (w > 0)
                x->sent += (size_t)w;
            else if (w < 0 && errno != EAGAIN && errno != EINTR)
                x->sent = x->len;   /* it stopped reading: its answer says why */
            if (x->sent == x->len)
                shutdown(sock, SHUT_WR);
        }
        if (pf[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            if (take_output(x, sock, ask) != 0)
                return FS_PICTURE_UNREADABLE;
            if (complete(x) || x->eof)
                return FS_PICTURE_OK;   /* judged by the caller from the head */
        }
    }
}

/* What the child's answer (or its death) means. */
static fs_picture verdict(const exchange *x, fs_picture talk, int wstatus)
{
    if (talk != FS_PICTURE_OK)
        return talk;
    if (complete(x)) {
        switch (x->head.status) {
        case PICTURE_CHILD_OK: return FS_PICTURE_OK;
        case PICTURE_CHILD_TOO_BIG: return FS_PICTURE_TOO_BIG;
        default: return FS_PICTURE_UNREADABLE;
        }
    }
    /* No whole answer: CPU time ran out, or the decoder crashed on it. */
    if (WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGXCPU)
        return FS_PICTURE_TOO_SLOW;
    return FS_PICTURE_UNREADABLE;
}

fs_picture platform_picture_decode(const unsigned char *p, size_t len,
                                   const platform_picture_ask *ask,
                                   platform_picture *out)
{
    memset(out, 0, sizeof *out);
    pthread_once(&cancel_once, cancel_init);
    if (cancel_fd[0] < 0)
        return FS_PICTURE_UNCHECKED;
    struct pollfd stopping = {cancel_fd[0], POLLIN, 0};
    if (poll(&stopping, 1, 0) > 0)
        return FS_PICTURE_UNCHECKED;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return FS_PICTURE_UNCHECKED;
    pid_t pid = spawn_child(sv[1], ask);
    close(sv[1]);
    if (pid < 0) {
        close(sv[0]);
        return FS_PICTURE_UNCHECKED;
    }
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    exchange x = {.in = p, .len = len};
    fs_picture talk = converse(&x, sv[0], ask);
    /* Its answer is in, or it is too late: either way it has nothing left
     * to do (and a sanitizer build's exit-time leak check takes long). */
    int wstatus = 0;
    kill(pid, SIGKILL);
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    close(sv[0]);
    fs_picture v = verdict(&x, talk, wstatus);
    if (v == FS_PICTURE_OK && x.pixels) {
        out->w = (int)x.head.w;
        out->h = (int)x.head.h;
        out->pixels = x.pixels;
    } else {
        free(x.pixels);
    }
    return v;
}

fs_picture platform_picture_load(const char *dir, const char *rel,
                                 const platform_picture_ask *ask,
                                 platform_picture *out)
{
    memset(out, 0, sizeof *out);
    /* malloc'd pages are only mapped as the read touches them. */
    unsigned char *buf = malloc(KIOSK_MAX_IMAGE_BYTES);
    size_t len = 0, total = 0;
    fs_picture st = FS_PICTURE_UNREADABLE;
    if (!buf)
        return FS_PICTURE_UNCHECKED;
    if (fs_posix.read(fs_posix.ctx, dir, rel, (char *)buf, KIOSK_MAX_IMAGE_BYTES,
                      &len, &total) == FS_OK &&
        total == len && content_image_fits(buf, len))
        st = platform_picture_decode(buf, len, ask, out);
    free(buf);
    return st;
}

/* Pictures that decoded, by a hash of their bytes: every reload and the
 * check of each last good copy would decode them all again (216 pictures
 * took 11 s here). A fixed table, cleared when full. The hash is seeded at
 * random per run, so a file cannot be made to look like one that decoded. */
typedef struct checked_picture {
    uint64_t hash;
    size_t len;
} checked_picture;

static pthread_mutex_t checked_mu = PTHREAD_MUTEX_INITIALIZER;
static checked_picture checked[KIOSK_MAX_IMAGES];
static int nchecked;
static uint64_t checked_seed;

static uint64_t picture_hash(const unsigned char *p, size_t len)
{
    uint64_t h = checked_seed ^ 0xcbf29ce484222325ull;   /* FNV-1a, seeded */
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

static int checked_find(uint64_t h, size_t len)
{
    for (int i = 0; i < nchecked; i++)
        if (checked[i].hash == h && checked[i].len == len)
            return 1;
    return 0;
}

static fs_picture picture_check(void *ctx, const unsigned char *p, size_t len)
{
    (void)ctx;
    pthread_mutex_lock(&checked_mu);
    if (!checked_seed && getentropy(&checked_seed, sizeof checked_seed) != 0)
        checked_seed = (uint64_t)now_ms() * 0x9e3779b97f4a7c15ull;
    pthread_mutex_unlock(&checked_mu);
    uint64_t h = picture_hash(p, len);
    pthread_mutex_lock(&checked_mu);
    int known = checked_find(h, len);
    pthread_mutex_unlock(&checked_mu);
    if (known)
        return FS_PICTURE_OK;
    platform_picture_ask ask = {0, 0, 0, 0};
    platform_picture out;
    fs_picture st = platform_picture_decode(p, len, &ask, &out);
    if (st != FS_PICTURE_OK)
        return st;
    pthread_mutex_lock(&checked_mu);
    if (nchecked == KIOSK_MAX_IMAGES)
        nchecked = 0;
    if (!checked_find(h, len))
        checked[nchecked++] = (checked_picture){h, len};
    pthread_mutex_unlock(&checked_mu);
    return st;
}

kiosk_fs platform_picture_fs(void)
{
    kiosk_fs fs = fs_posix;
    fs.picture = picture_check;
    fs.picture_ctx = NULL;
    return fs;
}
