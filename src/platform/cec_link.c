/* cec_link.c — HDMI-CEC through the kernel's CEC framework: no library, the
 * ioctls of <linux/cec.h>; the message bytes come from core/panel_plan. */
#include "platform/cec_link.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/cec.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Adapters looked at: a Pi 4 or 5 has two (one per HDMI port). */
#define CEC_LINK_MAX_ADAPTERS 8
/* How long the kernel waits for the TV's Report Power Status: CEC allows a
 * follower 1 s to answer. */
#define CEC_LINK_REPLY_MS 1000

static int open_dev(const char *path)
{
    return open(path, O_RDWR | O_CLOEXEC);
}

static uint16_t phys_of(int fd)
{
    uint16_t phys = CEC_PHYS_ADDR_INVALID;
    if (ioctl(fd, CEC_ADAP_G_PHYS_ADDR, &phys) != 0)
        return CEC_PHYS_ADDR_INVALID;
    return phys;
}

int cec_link_connected(const char *dev)
{
    cec_link l;
    char err[128];
    if (cec_link_open(&l, dev, err, sizeof err) != 0)
        return 0;
    int yes = l.phys != CEC_PHYS_ADDR_INVALID;
    cec_link_close(&l);
    return yes;
}

/* The first adapter with a physical address (a TV is plugged in and on
 * hot-plug), else the first that opens at all. */
static int open_any(char *path, size_t cap)
{
    int first = -1;
    char p[32];
    for (int i = 0; i < CEC_LINK_MAX_ADAPTERS; i++) {
        snprintf(p, sizeof p, "/dev/cec%d", i);
        int fd = open_dev(p);
        if (fd < 0)
            continue;
        if (phys_of(fd) != CEC_PHYS_ADDR_INVALID) {
            if (first >= 0)
                close(first);
            snprintf(path, cap, "%s", p);
            return fd;
        }
        if (first < 0) {
            first = fd;
            snprintf(path, cap, "%s", p);
        } else {
            close(fd);
        }
    }
    return first;
}

/* Claims a playback device's logical address, as a media player does, when
 * nobody has configured the adapter (the Pi's vc4 HDMI leaves it to user
 * space). Blocks while the kernel polls the bus for a free address. */
static void claim(int fd)
{
    struct cec_caps caps;
    struct cec_log_addrs las;
    memset(&las, 0, sizeof las);
    if (ioctl(fd, CEC_ADAP_G_CAPS, &caps) != 0 || !(caps.capabilities & CEC_CAP_LOG_ADDRS))
        return;
    if (ioctl(fd, CEC_ADAP_G_LOG_ADDRS, &las) != 0 || las.num_log_addrs > 0)
        return;
    memset(&las, 0, sizeof las);
    las.cec_version = CEC_OP_CEC_VERSION_1_4;
    las.vendor_id = CEC_VENDOR_ID_NONE;
    las.flags = CEC_LOG_ADDRS_FL_ALLOW_UNREG_FALLBACK;
    snprintf(las.osd_name, sizeof las.osd_name, "Kiosk");
    las.num_log_addrs = 1;
    las.log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
    las.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
    las.all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
    ioctl(fd, CEC_ADAP_S_LOG_ADDRS, &las);   /* refused: sent as unregistered */
}

static int logical_of(int fd)
{
    struct cec_log_addrs las;
    memset(&las, 0, sizeof las);
    if (ioctl(fd, CEC_ADAP_G_LOG_ADDRS, &las) != 0 || las.num_log_addrs == 0 ||
        las.log_addr[0] == CEC_LOG_ADDR_INVALID)
        return PANEL_CEC_UNREGISTERED;
    return las.log_addr[0];
}

int cec_link_open(cec_link *l, const char *dev, char *err, size_t cap)
{
    l->fd = -1;
    if (dev) {
        snprintf(l->path, sizeof l->path, "%s", dev);
        l->fd = open_dev(dev);
    } else {
        l->fd = open_any(l->path, sizeof l->path);
    }
    if (l->fd < 0 && dev) {
        snprintf(err, cap, "cannot open the HDMI-CEC device %s: %s", dev, strerror(errno));
        return -1;
    }
    if (l->fd < 0) {
        snprintf(err, cap, "no HDMI-CEC device opens (/dev/cec0 to /dev/cec%d)",
                 CEC_LINK_MAX_ADAPTERS - 1);
        return -1;
    }
    l->phys = phys_of(l->fd);
    if (l->phys != CEC_PHYS_ADDR_INVALID)
        claim(l->fd);
    l->from = logical_of(l->fd);
    return 0;
}

/* Sends bytes; the filled message back in *m. 0, or -1 (errno). */
static int transmit(cec_link *l, const uint8_t *b, size_t n, int reply, struct cec_msg *m)
{
    memset(m, 0, sizeof *m);
    memcpy(m->msg, b, n);
    m->len = (uint32_t)n;
    if (reply) {
        m->reply = PANEL_CEC_OP_REPORT_POWER_STATUS;
        m->timeout = CEC_LINK_REPLY_MS;
    }
    return ioctl(l->fd, CEC_TRANSMIT, m);
}

static int acked(const struct cec_msg *m)
{
    return (m->tx_status & CEC_TX_STATUS_OK) != 0;
}

int cec_link_command(cec_link *l, panel_act a, char *err, size_t cap)
{
    uint8_t b[PANEL_CEC_MAX_BYTES];
    struct cec_msg m;
    panel_cec_msg what = a == PANEL_ACT_WAKE ? PANEL_CEC_IMAGE_VIEW_ON : PANEL_CEC_STANDBY;
    size_t n = panel_cec_build(what, l->from, l->phys, b);
    if (transmit(l, b, n, 0, &m) != 0) {
        snprintf(err, cap, "the HDMI-CEC device %s did not send: %s", l->path,
                 strerror(errno));
        return -1;
    }
    int ok = acked(&m);
    /* Active Source: the TV switches to our input (it may have been
     * showing another when it went to sleep). Broadcast: nobody acks. */
    n = a == PANEL_ACT_WAKE ? panel_cec_build(PANEL_CEC_ACTIVE_SOURCE, l->from, l->phys, b) : 0;
    if (ok && n)
        transmit(l, b, n, 0, &m);
    return ok;
}

panel_power cec_link_ask(cec_link *l)
{
    uint8_t b[PANEL_CEC_MAX_BYTES];
    struct cec_msg m;
    size_t n = panel_cec_build(PANEL_CEC_GIVE_POWER_STATUS, l->from, l->phys, b);
    /* Unregistered, the kernel lets no question out (only a wake to the TV). */
    if (l->from == PANEL_CEC_UNREGISTERED || transmit(l, b, n, 1, &m) != 0 || !acked(&m))
        return PANEL_POWER_UNKNOWN;
    if (!(m.rx_status & CEC_RX_STATUS_OK))
        return PANEL_POWER_UNKNOWN;   /* no answer in time, or Feature Abort */
    return panel_cec_power_of(m.msg, m.len);
}

void cec_link_close(cec_link *l)
{
    if (l->fd >= 0)
        close(l->fd);
    l->fd = -1;
}
