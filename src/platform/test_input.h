/* test_input.h — TEST ONLY: SDL finger events from a FIFO, so end-to-end
 * tests can touch the kiosk the way a touch panel does (Xvfb has no touch
 * device, and xdotool only moves the mouse). Compiled only into
 * kiosk_testinput (CMake option KIOSK_TEST_INPUT), never into the installed
 * kiosk; there it is inert unless the environment variable KIOSK_TEST_INPUT
 * names a FIFO.
 *
 * One line per event, coordinates normalised 0..1 across the window:
 *     down|move|up ID X Y [SOURCE]
 * SOURCE is how the event reaches the kiosk, to check that SDL's emulation
 * of one input by the other is never read twice:
 *     touch           a finger of a touch panel (the default)
 *     mouse-as-touch  a finger event SDL made from the mouse (touchId
 *                     SDL_MOUSE_TOUCHID): must be ignored
 *     touch-as-mouse  a left-button mouse event SDL made from a finger
 *                     (which SDL_TOUCH_MOUSEID): must be ignored */
#ifndef KIOSK_TEST_INPUT_H
#define KIOSK_TEST_INPUT_H

#include <SDL.h>

typedef struct platform_test_input platform_test_input;

#ifdef KIOSK_TEST_INPUT
/* Starts the reader when KIOSK_TEST_INPUT is set (NULL otherwise, or when
 * the FIFO cannot be opened, said on stderr). win: the window whose size
 * the mouse-emulation events are scaled to. */
platform_test_input *platform_test_input_start(SDL_Window *win);
/* Stops the reader and frees it; NULL is fine. */
void platform_test_input_stop(platform_test_input *ti);
#else
/* The product: no test input, and no code for it. */
static inline platform_test_input *platform_test_input_start(SDL_Window *win)
{
    (void)win;
    return NULL;
}
static inline void platform_test_input_stop(platform_test_input *ti) { (void)ti; }
#endif

#endif
