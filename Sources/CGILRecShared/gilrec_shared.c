// Everything of this target is in include/gilrec_shared.h (inline functions); SwiftPM needs one source file.
#include "gilrec_shared.h"
