/* cec_link.h — one HDMI-CEC adapter through the kernel's CEC framework
 * (<linux/cec.h> ioctls on /dev/cecN): tell the TV to sleep or wake and ask
 * it how it is. Each call may block for up to a second: panel.c calls them
 * from its own thread, never from the main loop. */
#ifndef KIOSK_CEC_LINK_H
#define KIOSK_CEC_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "core/panel_plan.h"

typedef struct cec_link {
    int fd;
    int from;                  /* our logical address, 15: none claimed */
    uint16_t phys;             /* our physical address, 0xffff: none */
    char path[32];
} cec_link;

/* Is a TV behind the adapter at dev (NULL: any of /dev/cec0 to /dev/cec7):
 * does it have a physical address (the TV's EDID read over hot-plug)? */
int cec_link_connected(const char *dev);
/* Opens dev (NULL: the first adapter with a TV behind it, else the first
 * that opens), claiming a playback device's address if none is claimed.
 * 0, or -1 with err in plain words. */
int cec_link_open(cec_link *l, const char *dev, char *err, size_t cap);
/* PANEL_ACT_WAKE (Image View On, then Active Source) or PANEL_ACT_SLEEP
 * (Standby): 1 when the TV acknowledged, 0 when not, -1 when the adapter
 * refused (err says why). */
int cec_link_command(cec_link *l, panel_act a, char *err, size_t cap);
/* Give Device Power Status: the TV's answer, or unknown. */
panel_power cec_link_ask(cec_link *l);
void cec_link_close(cec_link *l);

#endif
