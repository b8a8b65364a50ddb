/* panel_driver.c — platform/panel.c alone, driven line by line from stdin
 * for tests/e2e/panel_cec.sh: "sleep" and "wake" ask for the panel asleep or
 * on by [screen] sleep = cec, "auto sleep" and "auto wake" by sleep = auto on
 * the console (KIOSK_CEC_DEVICE names the adapter); end of input stops it.
 * What the panel does it says on stdout, as in the kiosk. */
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
        int how = strstr(line, "auto") ? SLEEP_AUTO : SLEEP_CEC;
        if (strstr(line, "sleep"))
            platform_panel_set(p, 0, how);
        else if (strstr(line, "wake"))
            platform_panel_set(p, 1, how);
    }
    platform_panel_stop(p);
    return 0;
}
