/* wake.h — wakes the SDL event wait when a descriptor becomes readable
 * (signals, the content watcher, the loader), so the main loop can sleep in
 * SDL_WaitEventTimeout and still answer SIGTERM and reloads at once. */
#ifndef KIOSK_WAKE_H
#define KIOSK_WAKE_H

#include <SDL.h>

/* Descriptors watched at most: signals, watcher, loader, and room. */
#define PLATFORM_WAKE_MAX_FDS 6

typedef struct platform_wake platform_wake;

/* Starts a thread that poll()s fds (entries < 0 are skipped) and pushes an
 * SDL event of type `event` when one is readable. It then waits for
 * platform_wake_ack (the main loop has read the descriptors) before it polls
 * again, so one readable descriptor sends one event, not thousands. NULL when
 * the thread cannot start: then the loop wakes only on its own timeouts. */
platform_wake *platform_wake_start(const int *fds, int nfds, Uint32 event);
/* After handling the event: the descriptors have been read. */
void platform_wake_ack(platform_wake *w);
void platform_wake_stop(platform_wake *w);

#endif
