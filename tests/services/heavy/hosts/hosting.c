#include "hosting.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#endif

void fail(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    exit(1);
}

void *load_library(const char *path) {
#ifdef _WIN32
    void *library = LoadLibraryA(path);
    if (!library) fail("cannot load %s: LoadLibraryA error %lu", path, GetLastError());
#else
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library) fail("cannot load %s: %s", path, dlerror());
#endif
    return library;
}

void *library_find(void *library, const char *name) {
#ifdef _WIN32
    return (void *)GetProcAddress(library, name);
#else
    return dlsym(library, name);
#endif
}

void *library_symbol(void *library, const char *name) {
    void *symbol = library_find(library, name);
    if (!symbol) fail("the library exports no %s", name);
    return symbol;
}

void unload_library(void *library) {
#ifdef _WIN32
    FreeLibrary(library);
#else
    dlclose(library);
#endif
}

void interleave(float *rendered, float *const *outputs, uint32_t channels, uint32_t done, uint32_t frames) {
    for (uint32_t f = 0; f < frames; f++)
        for (uint32_t c = 0; c < channels; c++) rendered[(done + f) * channels + c] = outputs[c][f];
}

static void put_le(FILE *file, uint32_t value, int bytes) {
    for (int i = 0; i < bytes; i++) fputc((value >> (8 * i)) & 0xff, file);
}

void write_wav(const char *path, const float *interleaved, uint32_t channels, uint32_t frames, uint32_t rate) {
    FILE *file = fopen(path, "wb");
    if (!file) fail("cannot write %s", path);
    uint32_t data_size = frames * channels * 2;
    fputs("RIFF", file);
    put_le(file, 36 + data_size, 4);
    fputs("WAVEfmt ", file);
    put_le(file, 16, 4);
    put_le(file, 1, 2);
    put_le(file, channels, 2);
    put_le(file, rate, 4);
    put_le(file, rate * channels * 2, 4);
    put_le(file, channels * 2, 2);
    put_le(file, 16, 2);
    fputs("data", file);
    put_le(file, data_size, 4);
    for (uint32_t i = 0; i < frames * channels; i++) {
        float sample = fmaxf(-1.0f, fminf(interleaved[i], 32767.0f / 32768.0f));
        put_le(file, (uint32_t)(int16_t)lrintf(sample * 32768.0f), 2);
    }
    if (fclose(file) != 0) fail("cannot write %s", path);
}
