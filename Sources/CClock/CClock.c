#include "CClock.h"

int gil_tick_counter_available(void) {
#if defined(__x86_64__) || defined(__aarch64__)
    return 1;
#else
    return 0;
#endif
}
