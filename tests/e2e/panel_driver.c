/* panel_driver.c — platform/panel.c alone, driven line by line from stdin
 * for tests/e2e/panel_cec.sh: "sleep" and "wake" ask for the panel asleep or
 * on by [screen] sleep = cec (KIOSK_CEC_DEVICE names the adapter); end of
 * input stops it. What the panel does it says on stdout, as in the kiosk. */
#include <stdio.h>
#include <string.h>

#include "core/content.h"
#include "platform/panel.h"

int main(void)
{
    char line[64];
    platform_panel *p = platform_panel_start(1);
    if (!p)
        return 1;
    while (fgets(line, sizeof line, stdin)) {
        if (!strncmp(line, "sleep", 5))
            platform_panel_set(p, 0, SLEEP_CEC);
        else if (!strncmp(line, "wake", 4))
            platform_panel_set(p, 1, SLEEP_CEC);
    }
    platform_panel_stop(p);
    return 0;
}
