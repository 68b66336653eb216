/* A minimal CLAP host: loads a plugin, lists its parameters, sets one in the first block's events
   and renders half a second of its main output to a 16-bit WAV, stopping with a message at any step
   a real host would stop at.

       clap_host PLUGIN.clap NAME=VALUE OUT.wav   (VALUE: a plain value in the parameter's range) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clap/entry.h"
#include "clap/ext/audio-ports.h"
#include "clap/ext/params.h"
#include "clap/plugin-factory.h"
#include "hosting.h"

static const void *host_get_extension(const clap_host_t *host, const char *id) {
    (void)host;
    (void)id;
    return NULL;
}

static void host_request(const clap_host_t *host) { (void)host; }

static const clap_host_t HOST = {
    CLAP_VERSION_INIT, NULL, "tonearm-test-host", "tonearm", NULL, "1",
    host_get_extension, host_request, host_request, host_request,
};

/* A block's input events: the parameter change `ctx` points to, or none. */
static uint32_t events_size(const clap_input_events_t *list) { return list->ctx ? 1 : 0; }

static const clap_event_header_t *events_get(const clap_input_events_t *list, uint32_t index) {
    return index == 0 ? list->ctx : NULL;
}

static bool events_push(const clap_output_events_t *list, const clap_event_header_t *event) {
    (void)list;
    (void)event;
    return true;
}

/* Prints every parameter (`param<TAB>name<TAB>min<TAB>max<TAB>default`) and returns the one named. */
static clap_param_info_t find_param(const clap_plugin_t *plugin, const char *name) {
    const clap_plugin_params_t *params = plugin->get_extension(plugin, CLAP_EXT_PARAMS);
    if (!params) fail("the plugin has no params extension");
    clap_param_info_t found = {0}, info;
    bool seen = false;
    for (uint32_t i = 0; i < params->count(plugin); i++) {
        if (!params->get_info(plugin, i, &info)) fail("params.get_info(%u) failed", i);
        printf("param\t%s\t%g\t%g\t%g\n", info.name, info.min_value, info.max_value, info.default_value);
        if (!seen && strcmp(info.name, name) == 0) found = info, seen = true;
    }
    if (!seen) fail("the plugin has no parameter named %s", name);
    return found;
}

static const clap_plugin_audio_ports_t *audio_ports(const clap_plugin_t *plugin) {
    const clap_plugin_audio_ports_t *ports = plugin->get_extension(plugin, CLAP_EXT_AUDIO_PORTS);
    if (!ports) fail("the plugin has no audio-ports extension");
    return ports;
}

/* A port's buffers: its channels, a block of floats each (zeros, for inputs). */
static clap_audio_buffer_t port_buffer(const clap_plugin_t *plugin, bool is_input, uint32_t index) {
    clap_audio_port_info_t info;
    if (!audio_ports(plugin)->get(plugin, index, is_input, &info)) fail("audio_ports.get(%u) failed", index);
    clap_audio_buffer_t buffer = {calloc(info.channel_count, sizeof(float *)), NULL, info.channel_count, 0, 0};
    for (uint32_t c = 0; c < info.channel_count; c++) buffer.data32[c] = calloc(BLOCK, sizeof(float));
    return buffer;
}

int main(int argc, char **argv) {
    if (argc != 4 || !strchr(argv[2], '=')) fail("usage: clap_host PLUGIN.clap NAME=VALUE OUT.wav");
    char *name = argv[2], *equals = strchr(name, '=');
    *equals = '\0';
    double value = atof(equals + 1);

    void *library = load_library(argv[1]);
    const clap_plugin_entry_t *entry = library_symbol(library, "clap_entry");
    if (!clap_version_is_compatible(entry->clap_version)) fail("clap_entry has an unknown CLAP version");
    if (!entry->init(argv[1])) fail("clap_entry.init failed");
    const clap_plugin_factory_t *factory = entry->get_factory(CLAP_PLUGIN_FACTORY_ID);
    if (!factory) fail("the plugin has no %s", CLAP_PLUGIN_FACTORY_ID);
    if (factory->get_plugin_count(factory) == 0) fail("the factory has no plugin");
    const clap_plugin_descriptor_t *descriptor = factory->get_plugin_descriptor(factory, 0);
    printf("plugin\t%s\t%s\n", descriptor->id, descriptor->name);
    const clap_plugin_t *plugin = factory->create_plugin(factory, &HOST, descriptor->id);
    if (!plugin) fail("create_plugin(%s) failed", descriptor->id);
    if (!plugin->init(plugin)) fail("plugin.init failed");

    clap_param_info_t param = find_param(plugin, name);
    if (value < param.min_value || value > param.max_value)
        fail("%g is outside %s's range [%g, %g]", value, name, param.min_value, param.max_value);
    uint32_t input_count = audio_ports(plugin)->count(plugin, true);
    uint32_t output_count = audio_ports(plugin)->count(plugin, false);
    if (output_count == 0) fail("the plugin has no audio output");
    clap_audio_buffer_t inputs[input_count + 1], outputs[output_count];
    for (uint32_t i = 0; i < input_count; i++) inputs[i] = port_buffer(plugin, true, i);
    for (uint32_t i = 0; i < output_count; i++) outputs[i] = port_buffer(plugin, false, i);
    uint32_t channels = outputs[0].channel_count;

    if (!plugin->activate(plugin, RATE, 1, BLOCK)) fail("plugin.activate failed");
    if (!plugin->start_processing(plugin)) fail("plugin.start_processing failed");
    clap_event_param_value_t change = {
        {sizeof change, 0, CLAP_CORE_EVENT_SPACE_ID, CLAP_EVENT_PARAM_VALUE, 0},
        param.id, param.cookie, -1, -1, -1, -1, value,
    };
    clap_input_events_t in_events = {&change, events_size, events_get};
    clap_output_events_t out_events = {NULL, events_push};
    float *rendered = calloc((size_t)FRAMES * channels, sizeof(float));
    for (uint32_t done = 0; done < FRAMES; done += BLOCK) {
        uint32_t frames = FRAMES - done < BLOCK ? FRAMES - done : BLOCK;
        clap_process_t process = {
            done, frames, NULL, inputs, outputs, input_count, output_count, &in_events, &out_events,
        };
        if (plugin->process(plugin, &process) == CLAP_PROCESS_ERROR) fail("process() failed at frame %u", done);
        in_events.ctx = NULL;
        interleave(rendered, outputs[0].data32, channels, done, frames);
    }
    plugin->stop_processing(plugin);
    plugin->deactivate(plugin);
    plugin->destroy(plugin);
    entry->deinit();
    unload_library(library);
    write_wav(argv[3], rendered, channels, FRAMES, RATE);
    return 0;
}
