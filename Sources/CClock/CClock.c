#include "CClock.h"

int gil_tick_counter_available(void) {
#if defined(__x86_64__) || defined(__aarch64__)
    return 1;
#else
    return 0;
#endif
}

#if defined(__linux__)
#include <sys/prctl.h>
#endif

long gil_timer_slack_ns(void) {
#if defined(__linux__)
    return prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0);
#else
    return -1;
#endif
}

int gil_set_timer_slack_ns(unsigned long ns) {
#if defined(__linux__)
    return prctl(PR_SET_TIMERSLACK, ns, 0, 0, 0);
#else
    (void)ns;
    return -1;
#endif
}
