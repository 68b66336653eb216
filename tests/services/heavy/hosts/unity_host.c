/* Calls a heavy patch's library the way Unity's generated C# wrapper does, for the Linux build and
   the Windows one under wine: a context, one float sent to a receiver, half a second processed,
   written to a 16-bit WAV.

       unity_host LIBRARY PATCH RECEIVER_HASH VALUE OUT.wav */
#include <stdio.h>
#include <stdlib.h>

#include "hosting.h"

typedef void *(*new_with_options_t)(double rate, int pool_kb, int in_queue_kb, int out_queue_kb);
typedef int (*count_t)(void *context);
typedef _Bool (*send_float_t)(void *context, uint32_t receiver_hash, float value);
typedef int (*process_t)(void *context, float *inputs, float *outputs, int frames);
typedef void (*delete_t)(void *context);

int main(int argc, char **argv) {
    if (argc != 6) fail("usage: unity_host LIBRARY PATCH RECEIVER_HASH VALUE OUT.wav");
    void *library = load_library(argv[1]);
    char constructor[256];
    snprintf(constructor, sizeof constructor, "hv_%s_new_with_options", argv[2]);
    new_with_options_t new_with_options = (new_with_options_t)library_symbol(library, constructor);
    count_t output_channels = (count_t)library_symbol(library, "hv_getNumOutputChannels");
    send_float_t send_float = (send_float_t)library_symbol(library, "hv_sendFloatToReceiver");
    process_t process = (process_t)library_symbol(library, "hv_processInlineInterleaved");
    delete_t delete_context = (delete_t)library_symbol(library, "hv_delete");

    void *context = new_with_options(RATE, 10, 2, 2);
    if (!context) fail("%s returned no context", constructor);
    int channels = output_channels(context);
    if (channels < 1) fail("the patch has no output channel");
    if (!send_float(context, (uint32_t)strtoul(argv[3], NULL, 0), (float)atof(argv[4])))
        fail("hv_sendFloatToReceiver refused the value");
    float *rendered = calloc((size_t)FRAMES * channels, sizeof(float));
    int processed = process(context, NULL, rendered, FRAMES);
    delete_context(context);
    unload_library(library);
    if (processed != FRAMES) fail("processed %d frames of %d", processed, FRAMES);
    write_wav(argv[5], rendered, (uint32_t)channels, FRAMES, RATE);
    return 0;
}
