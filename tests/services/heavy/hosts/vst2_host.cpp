/* A minimal VST2 host, C++ only because DPF's VST2 header (xaymar-vst2/vst.h) is: loads a plugin,
   lists its parameters, sets one (a normalised value, as VST2 has it) and renders half a second
   through processReplacing to a 16-bit WAV, stopping with a message at any step a real host would
   stop at.

       vst2_host PLUGIN NAME=NORMALISED OUT.wav */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hosting.h"

#ifndef __cdecl
#define __cdecl
#endif
#include "xaymar-vst2/vst.h"

enum { VST_VERSION_2_4 = 2400 };
static const int32_t VST_MAGIC = 0x56737450; /* VST_MAGICNUMBER, 'VstP', without its multi-character constant */

typedef vst_effect *(*entry_t)(vst_host_callback callback);

/* Answers what DPF's plugins ask: the VST version, the sample rate and the block size. */
static intptr_t host_callback(vst_effect *effect, VST_HOST_OPCODE opcode, int32_t, int64_t, void *, int32_t) {
    (void)effect;
    switch (opcode) {
        case VST_HOST_OPCODE_01: return VST_VERSION_2_4;
        case VST_HOST_OPCODE_10: return RATE;
        case VST_HOST_OPCODE_11: return BLOCK;
        default: return 0;
    }
}

static intptr_t control(vst_effect *effect, VST_EFFECT_OPCODE opcode, int32_t index, intptr_t value, void *ptr,
                        float opt) {
    return effect->control(effect, opcode, index, value, ptr, opt);
}

/* Prints every parameter (`param<TAB>name`) and returns the index of the one named. */
static int32_t find_param(vst_effect *effect, const char *name) {
    int32_t found = -1;
    for (int32_t i = 0; i < effect->num_params; i++) {
        char param_name[VST_BUFFER_64] = {0};
        control(effect, VST_EFFECT_OPCODE_PARAM_GETNAME, i, 0, param_name, 0);
        printf("param\t%s\n", param_name);
        if (found < 0 && strcmp(param_name, name) == 0) found = i;
    }
    if (found < 0) fail("the plugin has no parameter named %s", name);
    return found;
}

int main(int argc, char **argv) {
    if (argc != 4 || !strchr(argv[2], '=')) fail("usage: vst2_host PLUGIN NAME=NORMALISED OUT.wav");
    char *name = argv[2], *equals = strchr(name, '=');
    *equals = '\0';
    float value = (float)atof(equals + 1);
    if (value < 0 || value > 1) fail("%g is not a normalised value, in [0, 1]", value);

    void *library = load_library(argv[1]);
    entry_t entry = (entry_t)library_find(library, "VSTPluginMain");
    if (!entry) entry = (entry_t)library_symbol(library, "main");
    vst_effect *effect = entry(host_callback);
    if (!effect) fail("VSTPluginMain returned no effect");
    if (effect->magic_number != VST_MAGIC) fail("the effect has no VstP magic number");
    if (!effect->process_float) fail("the effect has no processReplacing");
    control(effect, VST_EFFECT_OPCODE_CREATE, 0, 0, NULL, 0);
    int32_t param = find_param(effect, name);
    int32_t channels = effect->num_outputs;
    if (channels < 1) fail("the plugin has no audio output");

    control(effect, VST_EFFECT_OPCODE_SET_SAMPLE_RATE, 0, 0, NULL, RATE);
    control(effect, VST_EFFECT_OPCODE_SET_BLOCK_SIZE, 0, BLOCK, NULL, 0);
    control(effect, VST_EFFECT_OPCODE_SUSPEND, 0, 1, NULL, 0);
    effect->set_parameter(effect, param, value);
    float *inputs[effect->num_inputs + 1], *outputs[channels];
    for (int32_t c = 0; c < effect->num_inputs; c++) inputs[c] = (float *)calloc(BLOCK, sizeof(float));
    for (int32_t c = 0; c < channels; c++) outputs[c] = (float *)calloc(BLOCK, sizeof(float));
    float *rendered = (float *)calloc((size_t)FRAMES * channels, sizeof(float));
    for (int32_t done = 0; done < FRAMES; done += BLOCK) {
        int32_t frames = FRAMES - done < BLOCK ? FRAMES - done : BLOCK;
        effect->process_float(effect, inputs, outputs, frames);
        interleave(rendered, outputs, (uint32_t)channels, (uint32_t)done, (uint32_t)frames);
    }
    control(effect, VST_EFFECT_OPCODE_SUSPEND, 0, 0, NULL, 0);
    control(effect, VST_EFFECT_OPCODE_DESTROY, 0, 0, NULL, 0);
    unload_library(library);
    write_wav(argv[3], rendered, (uint32_t)channels, FRAMES, RATE);
    return 0;
}
