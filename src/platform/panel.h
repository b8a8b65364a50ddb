/* panel.h — the screen itself put to sleep and woken: a DSI panel's backlight
 * (sysfs bl_power) and an HDMI TV over CEC, done on a thread of its own so
 * the main loop never waits for a slow panel or TV. */
#ifndef KIOSK_PANEL_H
#define KIOSK_PANEL_H

typedef struct platform_panel platform_panel;

/* console: the kiosk has the screen to itself (SDL's KMSDRM driver), so
 * [screen] sleep = auto switches what it finds; on a desktop auto leaves
 * the screen to the desktop's own power saving. The backlights are looked
 * for in $KIOSK_BACKLIGHT_DIR (default /sys/class/backlight) and the TV
 * behind $KIOSK_CEC_DEVICE (default the first of /dev/cec0..7): a test's
 * fake folder, or a board with its own device. NULL when no thread could
 * start (said once): the screen then only goes black. */
platform_panel *platform_panel_start(int console);
/* The screen on (1) or asleep (0), by [screen] sleep (a content_sleep).
 * Returns at once; the thread carries it out, a TV with retries. */
void platform_panel_set(platform_panel *p, int on, int how);
/* Ends the thread (waits for a CEC message under way, a second at most); a
 * backlight it switched off is switched on again, so a stopped kiosk never
 * leaves a dark panel behind. NULL is fine. */
void platform_panel_stop(platform_panel *p);

#endif
