/* signals.c — signal handlers that only set a flag and write a byte to a
 * self-pipe (all a handler may safely do); the main loop does the work. */
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_hup, got_term;
static int wake[2] = { -1, -1 };

static void on_signal(int sig)
{
    int saved = errno;   /* write() may change it under the interrupted code */
    if (sig == SIGHUP)
        got_hup = 1;
    else
        got_term = 1;
    if (wake[1] >= 0) {
        ssize_t r = write(wake[1], "s", 1);   /* pipe full: already awake */
        (void)r;
    }
    errno = saved;
}

static int set_flags(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    return fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0 ||
           fcntl(fd, F_SETFD, FD_CLOEXEC) < 0 ? -1 : 0;
}

int platform_signals_init(void)
{
    if (wake[0] < 0) {
        if (pipe(wake) != 0)
            return -1;
        if (set_flags(wake[0]) || set_flags(wake[1]))
            return -1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a blocking wait returns EINTR and the loop looks at once. */
    if (sigaction(SIGHUP, &sa, NULL) || sigaction(SIGTERM, &sa, NULL) ||
        sigaction(SIGINT, &sa, NULL))
        return -1;
    return 0;
}

/* Empties the self-pipe; the flags say what came. */
static void drain(void)
{
    char buf[64];
    if (wake[0] < 0)
        return;
    while (read(wake[0], buf, sizeof buf) > 0)
        ;
}

int platform_signal_take_hup(void)
{
    drain();
    if (!got_hup)
        return 0;
    got_hup = 0;
    return 1;
}

int platform_signal_take_term(void)
{
    drain();
    return got_term != 0;
}

int platform_signals_fd(void)
{
    return wake[0];
}
