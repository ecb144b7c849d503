// Only the declaration in include/libfuzzer.h matters; SwiftPM wants a source file per C target.
#include "libfuzzer.h"
