/* What the test hosts share: loading a library on Linux or Windows, failing with a message, and
   writing what they rendered as a 16-bit WAV for rendered_audio.py to measure. */
#pragma once
#include <stdint.h>

_Noreturn void fail(const char *format, ...);
void *load_library(const char *path);
void *library_symbol(void *library, const char *name);
void unload_library(void *library);
void write_wav(const char *path, const float *interleaved, uint32_t channels, uint32_t frames, uint32_t rate);
