// libFuzzer's driver, called from the fuzz targets' own main (SwiftPM gives every executable a
// Swift main, so libFuzzer's is not used). Provided by -sanitize=fuzzer at link time.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
