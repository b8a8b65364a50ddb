/* signals.h — SIGHUP (reload the content) and SIGTERM/SIGINT (stop) as flags
 * the main loop takes, plus a descriptor that wakes a poll() when one comes. */
#ifndef KIOSK_SIGNALS_H
#define KIOSK_SIGNALS_H

/* Installs the handlers. Call after SDL_Init: SDL installs its own SIGINT
 * and SIGTERM handlers there (or set SDL_HINT_NO_SIGNAL_HANDLERS first).
 * Returns 0, or -1 when the handlers could not be installed. */
int platform_signals_init(void);

/* 1 once per SIGHUP that arrived since the last call (several in a row count
 * as one: a reload reads everything anyway). */
int platform_signal_take_hup(void);

/* 1 once SIGTERM or SIGINT arrived: stop cleanly. Stays set. */
int platform_signal_take_term(void);

/* Readable when a signal arrived since the last take; -1 before init. The
 * take functions empty it. For the main loop's poll(). */
int platform_signals_fd(void);

#endif
