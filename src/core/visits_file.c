/* visits_file.c — visit counts to and from STATE/visits.bin, and to CSV. */
#include "visits_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs_durable.h"

static const char visits_magic[8] = {'K', 'V', 'I', 'S', 'I', 'T', 'S', '1'};
#define VISITS_VERSION 1

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

/* ---- little-endian writer and reader ---- */

typedef struct cursor {
    unsigned char *w;
    const unsigned char *r;
    size_t at, len;
} cursor;

static void put32(cursor *c, uint32_t x)
{
    if (c->at + 4 > c->len)
        return;
    for (int i = 0; i < 4; i++)
        c->w[c->at++] = (unsigned char)(x >> (8 * i));
}

static uint32_t get32(cursor *c)
{
    uint32_t x = 0;
    for (int i = 0; i < 4 && c->at + 4 <= c->len; i++)
        x |= (uint32_t)c->r[c->at + (size_t)i] << (8 * i);
    c->at += 4;
    return x;
}

size_t visits_encode(const visits *v, unsigned char *buf, size_t cap)
{
    size_t need = VISITS_HEAD_BYTES + (size_t)v->nnames * VISITS_NAME_BYTES +
                  (size_t)v->ndays * VISITS_DAY_BYTES + 4;
    if (cap < need)
        return 0;
    cursor c = {buf, NULL, 0, cap};
    memcpy(buf, visits_magic, sizeof visits_magic);
    c.at = sizeof visits_magic;
    put32(&c, VISITS_VERSION);
    put32(&c, (uint32_t)v->nnames);
    put32(&c, (uint32_t)v->ndays);
    for (int i = 0; i < v->nnames; i++, c.at += VISITS_NAME_BYTES)
        memcpy(buf + c.at, v->names[i], VISITS_NAME_BYTES);
    for (int i = 0; i < v->ndays; i++) {
        const visits_day *d = &v->day[i];
        put32(&c, (uint32_t)d->date);
        for (int k = 0; k < VC_COUNT; k++)
            put32(&c, d->n[k]);
        for (int h = 0; h < 24; h++)
            put32(&c, d->hour[h]);
        for (int t = 0; t < VISITS_DAY_TOPICS; t++) {
            put32(&c, d->topic[t].name);
            put32(&c, d->topic[t].opened);
            put32(&c, d->topic[t].pages);
        }
    }
    put32(&c, crc32_of(buf, c.at));
    return c.at;
}

static int refuse(visits *v, char *why, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, cap, fmt, ap);
    va_end(ap);
    visits_init(v);
    return -1;
}

/* A kept name: NUL-terminated in its room, no control bytes, not empty. */
static int name_ok(const char *n)
{
    size_t len = strnlen(n, VISITS_NAME_BYTES);
    if (len == 0 || len == VISITS_NAME_BYTES)
        return 0;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)n[i] < 0x20 || n[i] == '"')
            return 0;
    return 1;
}

static int day_read(cursor *c, visits_day *d, int nnames, int32_t after)
{
    d->date = (int32_t)get32(c);
    if (!visits_date_valid(d->date) || d->date <= after)
        return -1;
    for (int k = 0; k < VC_COUNT; k++)
        d->n[k] = get32(c);
    for (int h = 0; h < 24; h++)
        d->hour[h] = get32(c);
    for (int t = 0; t < VISITS_DAY_TOPICS; t++) {
        uint32_t name = get32(c);
        if (name != VISITS_NO_NAME && name >= (uint32_t)nnames)
            return -1;
        d->topic[t].name = (uint16_t)name;
        d->topic[t].opened = get32(c);
        d->topic[t].pages = get32(c);
    }
    return 0;
}

int visits_decode(visits *v, const unsigned char *buf, size_t len, char *why, size_t cap)
{
    visits_init(v);
    if (len < VISITS_HEAD_BYTES + 4 || memcmp(buf, visits_magic, sizeof visits_magic))
        return refuse(v, why, cap, "it is not a file of visit counts");
    cursor c = {NULL, buf, sizeof visits_magic, len};
    uint32_t version = get32(&c), nnames = get32(&c), ndays = get32(&c);
    if (version != VISITS_VERSION)
        return refuse(v, why, cap, "it was written by another version of the kiosk");
    if (nnames > VISITS_MAX_NAMES || ndays > VISITS_MAX_DAYS)
        return refuse(v, why, cap, "it says it holds more than the kiosk keeps");
    size_t need = VISITS_HEAD_BYTES + nnames * VISITS_NAME_BYTES +
                  ndays * VISITS_DAY_BYTES + 4;
    if (len != need)
        return refuse(v, why, cap, "it is %s than its contents say (cut short or added to)",
                      len < need ? "shorter" : "longer");
    c.len = len - 4;
    cursor tail = {NULL, buf, len - 4, len};
    if (get32(&tail) != crc32_of(buf, len - 4))
        return refuse(v, why, cap, "its check sum is wrong (damaged on the card)");
    for (uint32_t i = 0; i < nnames; i++, c.at += VISITS_NAME_BYTES) {
        memcpy(v->names[i], buf + c.at, VISITS_NAME_BYTES);
        if (!name_ok(v->names[i]))
            return refuse(v, why, cap, "topic name %u is not readable", i + 1);
    }
    v->nnames = (int)nnames;
    for (uint32_t i = 0; i < ndays; i++)
        if (day_read(&c, &v->day[i], (int)nnames, i ? v->day[i - 1].date : 0) != 0)
            return refuse(v, why, cap, "day %u has an impossible date or topic", i + 1);
    v->ndays = (int)ndays;
    return 0;
}

/* ---- CSV ---- */

typedef struct out {
    char *buf;
    size_t cap, len;
} out;

static void say(out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = o->len < o->cap ? o->cap - o->len : 0;
    int n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n;
}

static size_t finish(out *o)
{
    if (o->len >= o->cap) {   /* did not fit: nothing rather than half */
        if (o->cap)
            o->buf[0] = 0;
        return 0;
    }
    return o->len;
}

static void say_date(out *o, int32_t d)
{
    say(o, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

size_t visits_days_csv(const visits *v, int32_t from, char *buf, size_t cap)
{
    out o = {buf, cap, 0};
    say(&o, "date");
    for (int k = 0; k < VC_COUNT; k++)
        say(&o, ",%s", k == VC_SECONDS ? "minutes" : visits_count_name((visits_count)k));
    for (int h = 0; h < 24; h++)
        say(&o, ",touches %02d-%02d", h, h + 1);
    say(&o, "\r\n");
    for (int i = 0; i < v->ndays; i++) {
        const visits_day *d = &v->day[i];
        if (d->date < from)
            continue;
        say_date(&o, d->date);
        for (int k = 0; k < VC_COUNT; k++)
            if (k == VC_SECONDS)
                say(&o, ",%u.%u", d->n[k] / 60, d->n[k] % 60 * 10 / 60);
            else
                say(&o, ",%u", d->n[k]);
        for (int h = 0; h < 24; h++)
            say(&o, ",%u", d->hour[h]);
        say(&o, "\r\n");
    }
    return finish(&o);
}

size_t visits_topics_csv(const visits *v, int32_t from, char *buf, size_t cap)
{
    out o = {buf, cap, 0};
    say(&o, "date,topic,opened,pages read\r\n");
    for (int i = 0; i < v->ndays; i++) {
        const visits_day *d = &v->day[i];
        for (int t = 0; d->date >= from && t < VISITS_DAY_TOPICS; t++) {
            const visits_topic *tp = &d->topic[t];
            if (tp->name == VISITS_NO_NAME || (int)tp->name >= v->nnames)
                continue;
            say_date(&o, d->date);
            say(&o, ",\"%s\",%u,%u\r\n", v->names[tp->name], tp->opened, tp->pages);
        }
    }
    return finish(&o);
}

/* ---- the file in the state folder ---- */

int visits_load(visits *v, const char *state, char *why, size_t cap)
{
    static unsigned char buf[VISITS_MAX_FILE_BYTES + 1];
    visits_init(v);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", state, VISITS_FILE);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0 && errno == ENOENT)
        return 0;
    if (fd < 0)
        return refuse(v, why, cap, "it could not be opened (%s)", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return refuse(v, why, cap, "it is not a plain file");
    }
    size_t len = 0;
    for (;;) {
        ssize_t n = read(fd, buf + len, sizeof buf - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
        if (len == sizeof buf)
            break;
    }
    close(fd);
    if (len > VISITS_MAX_FILE_BYTES)
        return refuse(v, why, cap, "it is larger than any file of visit counts");
    return visits_decode(v, buf, len, why, cap);
}

int visits_set_aside(const char *state)
{
    char from[4096], to[4096];
    snprintf(from, sizeof from, "%s/%s", state, VISITS_FILE);
    snprintf(to, sizeof to, "%s/%s", state, VISITS_FILE_BAD);
    return rename(from, to) == 0 ? 0 : errno;
}

int visits_save(const visits *v, const char *state, unsigned char *buf, size_t cap)
{
    size_t n = visits_encode(v, buf, cap);
    if (!n)
        return ENOSPC;
    /* Readable by all: counts only, and staff's `kiosk --stats` need not be
     * the kiosk's user. */
    return fs_durable_replace(state, VISITS_FILE, buf, n, 0644, FS_DURABLE_SYNC_DIR);
}
