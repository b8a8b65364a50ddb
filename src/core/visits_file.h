/* visits_file.h — the visit counts in the state folder and the CSV summaries
 * staff open in a spreadsheet.
 *
 * STATE/visits.bin: a small binary file (little-endian): "KVISITS1", the
 * number of names and of days, the names (VISITS_NAME_BYTES each), the days
 * (VISITS_DAY_BYTES each), a CRC-32 of all that. At most VISITS_MAX_FILE_BYTES
 * (400 days: about 180 KB). Written whole or not at all (fs_durable: temp
 * file, fsync, rename), so a power cut leaves the last hour written.
 * A file that is not one, was cut short or says impossible things is
 * refused with plain words; the caller keeps it aside and starts afresh.
 *
 * The CSVs (comma-separated, one heading line, a row per day, the date as
 * 2026-12-02): the days (date, sessions, minutes, topics opened, pages read,
 * buttons, switches, touches, then touches in each hour 00-23), and the
 * topics (date, topic, opened, pages read). */
#ifndef KIOSK_VISITS_FILE_H
#define KIOSK_VISITS_FILE_H

#include <stddef.h>

#include "visits.h"

#define VISITS_FILE "visits.bin"
#define VISITS_FILE_BAD "visits.bin.bad"
/* The CSVs in the state folder. */
#define VISITS_DAYS_CSV "visits-days.csv"
#define VISITS_TOPICS_CSV "visits-topics.csv"
#include "visits_name.h"

#define VISITS_HEAD_BYTES 20   /* magic 8, version 4, names 4, days 4 */
#define VISITS_DAY_BYTES (4 + 4 * VC_COUNT + 4 * 24 + VISITS_DAY_TOPICS * 12)
#define VISITS_MAX_FILE_BYTES (VISITS_HEAD_BYTES + VISITS_MAX_NAMES * VISITS_NAME_BYTES + \
                               VISITS_MAX_DAYS * VISITS_DAY_BYTES + 4)
/* A day's CSV line: 14 numbers of 10 digits and 24 hours: under 512. A
 * topic line: the date, a name (quoted) and two numbers. */
#define VISITS_DAY_LINE_BYTES 512
#define VISITS_TOPIC_LINE_BYTES (VISITS_NAME_BYTES + 64)
/* The CSVs at their largest (every day, every topic slot). */
#define VISITS_DAYS_CSV_BYTES ((VISITS_MAX_DAYS + 1) * VISITS_DAY_LINE_BYTES)
#define VISITS_TOPICS_CSV_BYTES \
    ((VISITS_MAX_DAYS * VISITS_DAY_TOPICS + 1) * VISITS_TOPIC_LINE_BYTES)

/* v as the file's bytes into buf (cap >= VISITS_MAX_FILE_BYTES is always
 * enough); returns the length. */
size_t visits_encode(const visits *v, unsigned char *buf, size_t cap);
/* Reads the file's bytes into v (0), or leaves v empty and returns -1 with
 * what is wrong in plain words in why. */
int visits_decode(visits *v, const unsigned char *buf, size_t len, char *why, size_t cap);

/* The CSVs of v's days from `from` on (yyyymmdd; 0: all); return lengths. */
size_t visits_days_csv(const visits *v, int32_t from, char *buf, size_t cap);
size_t visits_topics_csv(const visits *v, int32_t from, char *buf, size_t cap);

/* Loads STATE/visits.bin into v. 0: read (or there was none: v empty);
 * -1: refused, v empty, why says what was wrong. */
int visits_load(visits *v, const char *state, char *why, size_t cap);
/* Moves STATE/visits.bin aside as visits.bin.bad (the last bad one kept). */
int visits_set_aside(const char *state);
/* Writes v as STATE/visits.bin through buf (VISITS_MAX_FILE_BYTES): 0 or
 * an errno value; on failure the file written before is unchanged. */
int visits_save(const visits *v, const char *state, unsigned char *buf, size_t cap);

#endif
