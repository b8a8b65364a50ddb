/* kiosk_limits.h — every bound the kiosk puts on what staff can feed it, in one place. */
#ifndef KIOSK_LIMITS_H
#define KIOSK_LIMITS_H

/* A topic file for a lobby screen is a few kilobytes; 256 KiB is a hundred
 * times the longest real one and still parses in well under a millisecond.
 * Anything larger is a mistake (a log, a video renamed .md) and is refused
 * before it is read further. */
#define KIOSK_MAX_FILE_BYTES (256 * 1024)

/* kiosk.ini holds settings and labels: a page of text. */
#define KIOSK_MAX_INI_BYTES (64 * 1024)

/* Names kept from content/ that could be content (kiosk.ini, *.md, *.ini):
 * 24 topics are all a menu shows, so thousands mean a mistake. */
#define KIOSK_MAX_DIR_ENTRIES 4096

/* Folder entries read from content/ (everything, ignored files too), so a
 * folder of a million files cannot stall a reload: reading 65536 names takes
 * tens of milliseconds on a Pi. Photos dumped beside the topics (10,000 of
 * them) are still read past, so the topics among them are found. */
#define KIOSK_MAX_DIR_SCAN 65536

/* Topics are menu tiles: more than 24 would not fit a menu a visitor can read. */
#define KIOSK_MAX_TOPICS 24

/* Cards in one topic, and in the whole content (every language counted).
 * The bench content is 100x the spa's (800+ cards); 4000 leaves room and
 * keeps a snapshot in a few MiB. */
#define KIOSK_MAX_CARDS_PER_TOPIC 400
#define KIOSK_MAX_CARDS 4000

/* Characters (code points) of text on one card, before layout. A card holds
 * one idea; 1500 is five screens of body text, so anything longer is a
 * paste gone wrong. Layout splits long cards into pages anyway. */
#define KIOSK_MAX_CARD_CHARS 1500

/* Bytes on one line of a file. A paragraph is one line in Markdown, so this
 * is generous; it stops a 1 MB "word" before md4c or layout see it. */
#define KIOSK_MAX_LINE_BYTES 4096

/* Bytes of one card's text as written (from one # or ## heading to the
 * next). A card shows at most KIOSK_MAX_CARD_CHARS characters, so even with
 * pictures and links its Markdown is a few KB. md4c 0.4.8 takes time
 * quadratic in the size of one paragraph full of [ or ![ (a 256 KiB one:
 * 0.3 s on a laptop, seconds on a Pi); cards of at most 32 KiB keep that
 * a few milliseconds each. */
#define KIOSK_MAX_CARD_BYTES (32 * 1024)

/* Nesting of blockquotes and lists. Two levels is all a screen can show;
 * md4c 0.4.8 recurses on nesting, so deep input never reaches it. */
#define KIOSK_MAX_NESTING 4

/* Text lengths in kiosk.ini values (labels, names). */
#define KIOSK_MAX_VALUE_BYTES 512

/* Images: files referenced from cards. */
#define KIOSK_MAX_IMAGES 512
#define KIOSK_MAX_IMAGE_BYTES (16 * 1024 * 1024)
/* A decoded image costs w*h*4 bytes; 4096x4096 (64 MiB decoded) is already
 * more than a 4K screen shows, and the renderer scales it down once. */
#define KIOSK_MAX_IMAGE_SIDE 8192
#define KIOSK_MAX_IMAGE_PIXELS (4096 * 4096)

/* Decoding one picture whole, in its own process (src/platform/picture*.c),
 * to check it and to show it. Time: the largest picture allowed, a 4096 x
 * 4096 progressive JPEG, takes 0.5-0.6 s of CPU here (x86-64, libjpeg-turbo);
 * a Raspberry Pi 3 is about 10 times slower, so about 6 s, and the bound
 * leaves half as much again. A picture still decoding then (a JPEG of
 * thousands of progressive scans, which takes minutes) is refused. It is
 * wall-clock time: the decoding runs beside the screen, never in its way. */
#define KIOSK_PICTURE_DECODE_MS 10000
/* CPU seconds the decoding process may use: the wall-clock bound above,
 * rounded up, so a decoder never outlives it even if the kiosk stalls. */
#define KIOSK_PICTURE_DECODE_CPU_S ((KIOSK_PICTURE_DECODE_MS + 999) / 1000 + 1)
/* Pictures in one load that may run into that bound: a bomb costs its full
 * time, and a load before the first frame must end well within systemd's
 * start timeout (60 s), so after two the rest are not tried (and are
 * errors too: the content is not shown until those are fixed). A picture
 * that decodes never comes near the bound. */
#define KIOSK_MAX_SLOW_PICTURES 2
/* Address space of the decoding process: the program and its libraries,
 * the file (16 MiB), a progressive JPEG's coefficients (96 MiB at 4096 x
 * 4096 in full colour), the decoded picture and its converted copy. The
 * largest picture allowed decodes within 192 MiB here and not within 128;
 * this leaves a third more, so a decoder gone wrong stops well within a
 * Pi 3's 1 GiB. */
#define KIOSK_PICTURE_DECODE_BYTES (256ull * 1024 * 1024)

/* Path of a file inside content/ (images/x.jpg). */
#define KIOSK_MAX_PATH_BYTES 256

/* Diagnostics kept per snapshot: a broken file can produce thousands; staff
 * read the first ones and fix them first. */
#define KIOSK_MAX_DIAGS 200

/* Pictures the content shows, all together (each counted once). The last
 * good copy (lastgood.c) keeps them all in the state folder: the spa's are
 * well under 1 MiB, and 64 MiB leaves room for dozens of photos yet never
 * fills a Pi's SD card. --check warns past it, in the words a failed save
 * uses, and the content shows all the same, without a backup copy. */
#define KIOSK_MAX_PICTURES_MB 64
#define KIOSK_MAX_PICTURES_BYTES (KIOSK_MAX_PICTURES_MB * 1024 * 1024)

/* Languages the content may hold, the default one included (content_lang.c).
 * Each is a button a visitor reads along the screen's edge, and a copy of
 * the topics in the snapshot; a lobby in Salt Lake City needs two or three,
 * and eight names still fit a button row on the 7" panel. Translation
 * folders past it are reported and not loaded, so a folder of hundreds
 * of language-named copies costs no memory. */
#define KIOSK_MAX_LANGUAGES 8

/* The last good content kept in the state folder (lastgood.c): kiosk.ini
 * and every topic in each language, and every image a usable snapshot
 * refers to, so at most this many files; their pictures within
 * KIOSK_MAX_PICTURES_BYTES. */
#define KIOSK_MAX_LASTGOOD_FILES \
    ((1 + KIOSK_MAX_TOPICS) * KIOSK_MAX_LANGUAGES + KIOSK_MAX_IMAGES)

/* Folders watched for changes in the content folder (itself included;
 * watch.c). Any folder may hold a picture a topic shows, so all are
 * watched: one inotify watch each, about 1 KiB of kernel memory, counted
 * against the system's per-user limit (8192 on a small Pi) that other
 * programs share. Real content has a handful; twice KIOSK_MAX_IMAGES still
 * gives every picture a folder of its own and its parent. Walked again
 * when a folder comes or goes: a few ms at this size. */
#define KIOSK_MAX_WATCHED_FOLDERS 1024

/* Problems kept per file: a broken file can produce one per line, and staff
 * fix the first few before the rest make sense; the rest are counted. */
#define KIOSK_MAX_DIAGS_PER_FILE 8

/* Memory one content snapshot may take. The bench content (100x the spa's)
 * takes a few MiB; a bound keeps a pathological folder from eating the Pi. */
#define KIOSK_MAX_SNAPSHOT_BYTES (32 * 1024 * 1024)

/* Memory the layout of one screen size may take (the deck's arena): pages
 * for a few thousand cards fit well under it. Reserved, touched as used. */
#define KIOSK_DECK_ARENA_BYTES (64u * 1024 * 1024)

/* Bytes read from the start of an image to find its pixel size. A PNG says it
 * in its first 24 bytes; a JPEG after its metadata segments (at most 64 KiB
 * each), so 256 KiB covers a camera JPEG with EXIF and a colour profile. */
#define KIOSK_IMAGE_HEAD_BYTES (256 * 1024)

/* The booking QR code's largest version (33 x 33 modules, 62 bytes of link
 * at error correction M). Layout gives the code, quiet zone included,
 * about 35% of the screen's shorter side; with 33 modules and the zone (41)
 * that is still whole modules of 4 px on the 7" 800x480 panel (0.76 mm
 * each, its pixels being 0.19 mm), about the smallest a phone reads at
 * arm's length. A longer link would need smaller
 * modules, so --check refuses it. */
#define KIOSK_QR_MAX_VERSION 4

#endif
