/* What the test hosts (C, and C++ for DPF's VST2 header) share: loading a library on Linux or Windows, failing with a message, and
   writing what they rendered as a 16-bit WAV for rendered_audio.py to measure. */
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What every host renders: half a second at 48 kHz, in blocks of 512 frames. */
enum { RATE = 48000, BLOCK = 512, FRAMES = RATE / 2 };

__attribute__((noreturn)) void fail(const char *format, ...);
void *load_library(const char *path);
void *library_find(void *library, const char *name);
void *library_symbol(void *library, const char *name);
void unload_library(void *library);
/* Copies a block's `frames` frames of `channels` buffers into `rendered`, interleaved, at frame `done`. */
void interleave(float *rendered, float *const *outputs, uint32_t channels, uint32_t done, uint32_t frames);
void write_wav(const char *path, const float *interleaved, uint32_t channels, uint32_t frames, uint32_t rate);

#ifdef __cplusplus
}
#endif
