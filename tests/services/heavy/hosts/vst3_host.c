/* A minimal VST3 host on DPF's C headers ("travesty"; their interfaces embed their bases as
   anonymous members, hence -fms-extensions): loads a plugin's module, creates its audio module,
   lists its parameters, sets one (a normalised value, as VST3 has it) in the first block's
   parameter changes and renders half a second of its first output bus, in stereo, to a 16-bit WAV,
   stopping with a message at any step a real host would stop at.

       vst3_host MODULE NAME=NORMALISED OUT.wav   (MODULE: the library inside the .vst3 bundle) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hosting.h"

/* Names travesty 1.6's view.h and message.h use without `struct`, as only C++ may. */
typedef struct v3_event_handler v3_event_handler;
typedef struct v3_timer_handler v3_timer_handler;
typedef struct v3_attribute_list v3_attribute_list;
#include "travesty/audio_processor.h"
#include "travesty/component.h"
#include "travesty/edit_controller.h"
#include "travesty/factory.h"
#include "travesty/host.h"

static const char AUDIO_MODULE_CLASS[] = "Audio Module Class";
static const char HOST_NAME[] = "tonearm-test-host";

typedef struct v3_plugin_factory **(*get_factory_t)(void);
typedef bool (*module_exit_t)(void);
#ifdef _WIN32
typedef bool (*module_entry_t)(void);
#define MODULE_ENTRY "InitDll"
#define MODULE_EXIT "ExitDll"
#else
typedef bool (*module_entry_t)(void *library);
#define MODULE_ENTRY "ModuleEntry"
#define MODULE_EXIT "ModuleExit"
#endif

/* The host's own objects outlive the plugin's use of them: their references are not counted. */
static uint32_t V3_API no_count(void *self) {
    (void)self;
    return 1;
}

static v3_result answer(void *self, const v3_tuid iid, const uint8_t *own_iid, void **obj) {
    bool known = v3_tuid_match(iid, v3_funknown_iid) || v3_tuid_match(iid, own_iid);
    *obj = known ? self : NULL;
    return known ? V3_OK : V3_NO_INTERFACE;
}

static v3_result V3_API host_query(void *self, const v3_tuid iid, void **obj) {
    return answer(self, iid, v3_host_application_iid, obj);
}

static v3_result V3_API host_get_name(void *self, v3_str_128 name) {
    (void)self;
    for (size_t i = 0; i < sizeof HOST_NAME; i++) name[i] = HOST_NAME[i];
    return V3_OK;
}

static v3_result V3_API host_create_instance(void *self, v3_tuid cid, v3_tuid iid, void **obj) {
    (void)self, (void)cid, (void)iid;
    *obj = NULL;
    return V3_NOT_IMPLEMENTED;
}

static const struct v3_host_application HOST_APPLICATION = {
    {host_query, no_count, no_count}, host_get_name, host_create_instance,
};
static const struct v3_host_application *host = &HOST_APPLICATION;

/* Parameter changes: the first block's input, one queue of one point at frame 0 (later blocks', no
   queue), and the output, which takes none. */
static struct {
    const struct v3_param_value_queue *vtable;
    v3_param_id id;
    double value;
} queue;
struct param_changes {
    const struct v3_param_changes *vtable;
    int32_t count;
};

static v3_result V3_API queue_query(void *self, const v3_tuid iid, void **obj) {
    return answer(self, iid, v3_param_value_queue_iid, obj);
}

static v3_param_id V3_API queue_param_id(void *self) {
    (void)self;
    return queue.id;
}

static int32_t V3_API queue_point_count(void *self) {
    (void)self;
    return 1;
}

static v3_result V3_API queue_get_point(void *self, int32_t index, int32_t *offset, double *value) {
    (void)self;
    if (index != 0) return V3_INVALID_ARG;
    *offset = 0, *value = queue.value;
    return V3_OK;
}

static v3_result V3_API queue_add_point(void *self, int32_t offset, double value, int32_t *index) {
    (void)self, (void)offset, (void)value, (void)index;
    return V3_NOT_IMPLEMENTED;
}

static v3_result V3_API changes_query(void *self, const v3_tuid iid, void **obj) {
    return answer(self, iid, v3_param_changes_iid, obj);
}

static int32_t V3_API changes_count(void *self) { return ((struct param_changes *)self)->count; }

static struct v3_param_value_queue **V3_API changes_get(void *self, int32_t index) {
    return index < changes_count(self) ? (struct v3_param_value_queue **)&queue : NULL;
}

static struct v3_param_value_queue **V3_API changes_add(void *self, v3_param_id *id, int32_t *index) {
    (void)self, (void)id, (void)index;
    return NULL;
}

static const struct v3_param_value_queue QUEUE = {
    {queue_query, no_count, no_count}, queue_param_id, queue_point_count, queue_get_point, queue_add_point,
};
static const struct v3_param_changes CHANGES = {
    {changes_query, no_count, no_count}, changes_count, changes_get, changes_add,
};

static void check(v3_result result, const char *call) {
    if (result != V3_OK) fail("%s failed (%d)", call, (int)result);
}

/* The interface `iid` of `object`, or a failure naming what was asked. */
static void *query(void *object, const v3_tuid iid, const char *name) {
    void *found = NULL;
    if ((*(struct v3_funknown **)object)->query_interface(object, iid, &found) != V3_OK || !found)
        fail("the plugin has no %s", name);
    return found;
}

/* The factory's first audio module: its class id. */
static void audio_module(struct v3_plugin_factory **factory, v3_tuid class_id) {
    struct v3_class_info info;
    for (int32_t i = 0; i < (*factory)->num_classes(factory); i++) {
        check((*factory)->get_class_info(factory, i, &info), "factory.get_class_info");
        if (strncmp(info.category, AUDIO_MODULE_CLASS, sizeof info.category) == 0) {
            printf("plugin\t%.*s\n", (int)sizeof info.name, info.name);
            memcpy(class_id, info.class_id, sizeof(v3_tuid));
            return;
        }
    }
    fail("the factory has no %s", AUDIO_MODULE_CLASS);
}

/* The component's edit controller: the component itself, or (`separate`) an instance of its
   controller class, initialised and connected to it through their connection points if both have one. */
static struct {
    struct v3_edit_controller **controller;
    bool separate;
    struct v3_connection_point **component_point, **controller_point;
} editing;

static void find_edit_controller(struct v3_plugin_factory **factory, struct v3_component **component) {
    void *found = NULL;
    if ((*component)->query_interface(component, v3_edit_controller_iid, &found) == V3_OK && found) {
        editing.controller = found;
        return;
    }
    v3_tuid class_id;
    check((*component)->get_controller_class_id(component, class_id), "component.get_controller_class_id");
    check((*factory)->create_instance(factory, class_id, v3_edit_controller_iid, &found),
          "factory.create_instance(edit controller)");
    struct v3_edit_controller **controller = editing.controller = found;
    editing.separate = true;
    check((*controller)->initialize(controller, (struct v3_funknown **)&host), "controller.initialize");
    (*component)->query_interface(component, v3_connection_point_iid, (void **)&editing.component_point);
    (*controller)->query_interface(controller, v3_connection_point_iid, (void **)&editing.controller_point);
    if (editing.component_point && editing.controller_point) {
        check((*editing.component_point)->connect(editing.component_point, editing.controller_point),
              "component.connect");
        check((*editing.controller_point)->connect(editing.controller_point, editing.component_point),
              "controller.connect");
    }
}

/* Undoes find_edit_controller. */
static void release_edit_controller(void) {
    struct v3_edit_controller **controller = editing.controller;
    if (editing.component_point && editing.controller_point) {
        (*editing.component_point)->disconnect(editing.component_point, editing.controller_point);
        (*editing.controller_point)->disconnect(editing.controller_point, editing.component_point);
    }
    if (editing.component_point) (*editing.component_point)->unref(editing.component_point);
    if (editing.controller_point) (*editing.controller_point)->unref(editing.controller_point);
    if (editing.separate) (*controller)->terminate(controller);
    (*controller)->unref(controller);
}

/* Prints every parameter (`param<TAB>title`, its title's non-ASCII characters as `?`) and returns
   the id of the one titled `name`. */
static v3_param_id find_param(struct v3_edit_controller **controller, const char *name) {
    struct v3_param_info info;
    bool seen = false;
    v3_param_id found = 0;
    for (int32_t i = 0; i < (*controller)->get_parameter_count(controller); i++) {
        check((*controller)->get_parameter_info(controller, i, &info), "controller.get_parameter_info");
        char title[sizeof info.title / sizeof info.title[0]];
        size_t length = 0;
        while (length + 1 < sizeof title && info.title[length]) {
            uint16_t unit = (uint16_t)info.title[length];
            title[length++] = unit < 0x80 ? (char)unit : '?';
        }
        title[length] = '\0';
        printf("param\t%s\n", title);
        if (!seen && strcmp(title, name) == 0) found = info.param_id, seen = true;
    }
    if (!seen) fail("the plugin has no parameter named %s", name);
    return found;
}

/* Buffers for the component's audio buses in one direction: a block of floats per channel (zeros,
   for inputs), the buses activated. */
static struct v3_audio_bus_buffers *bus_buffers(struct v3_component **component, int32_t direction, int32_t count) {
    struct v3_audio_bus_buffers *buses = calloc(count + 1, sizeof *buses);
    for (int32_t b = 0; b < count; b++) {
        struct v3_bus_info info;
        check((*component)->get_bus_info(component, V3_AUDIO, direction, b, &info), "component.get_bus_info");
        check((*component)->activate_bus(component, V3_AUDIO, direction, b, true), "component.activate_bus");
        buses[b].num_channels = info.channel_count;
        buses[b].channel_buffers_32 = calloc(info.channel_count + 1, sizeof(float *));
        for (int32_t c = 0; c < info.channel_count; c++) buses[b].channel_buffers_32[c] = calloc(BLOCK, sizeof(float));
    }
    return buses;
}

int main(int argc, char **argv) {
    if (argc != 4 || !strchr(argv[2], '=')) fail("usage: vst3_host MODULE NAME=NORMALISED OUT.wav");
    char *name = argv[2], *equals = strchr(name, '=');
    *equals = '\0';
    double value = atof(equals + 1);
    if (value < 0 || value > 1) fail("%g is not a normalised value, in [0, 1]", value);

    void *library = load_library(argv[1]);
    module_entry_t module_entry = (module_entry_t)library_find(library, MODULE_ENTRY);
#ifdef _WIN32
    if (module_entry && !module_entry()) fail(MODULE_ENTRY " failed");
#else
    if (module_entry && !module_entry(library)) fail(MODULE_ENTRY " failed");
#endif
    struct v3_plugin_factory **factory = ((get_factory_t)library_symbol(library, "GetPluginFactory"))();
    if (!factory) fail("GetPluginFactory returned no factory");
    v3_tuid class_id;
    audio_module(factory, class_id);
    void *instance = NULL;
    check((*factory)->create_instance(factory, class_id, v3_component_iid, &instance), "factory.create_instance");
    struct v3_component **component = instance;
    check((*component)->initialize(component, (struct v3_funknown **)&host), "component.initialize");
    struct v3_audio_processor **processor = query(component, v3_audio_processor_iid, "audio processor");
    find_edit_controller(factory, component);
    queue.vtable = &QUEUE, queue.id = find_param(editing.controller, name), queue.value = value;
    struct param_changes changes = {&CHANGES, 1}, output_changes = {&CHANGES, 0};

    int32_t input_count = (*component)->get_bus_count(component, V3_AUDIO, V3_INPUT);
    int32_t output_count = (*component)->get_bus_count(component, V3_AUDIO, V3_OUTPUT);
    if (output_count == 0) fail("the plugin has no audio output");
    v3_speaker_arrangement inputs_arranged[input_count + 1], outputs_arranged[output_count];
    for (int32_t b = 0; b < input_count; b++)
        check((*processor)->get_bus_arrangement(processor, V3_INPUT, b, &inputs_arranged[b]),
              "processor.get_bus_arrangement");
    for (int32_t b = 0; b < output_count; b++)
        check((*processor)->get_bus_arrangement(processor, V3_OUTPUT, b, &outputs_arranged[b]),
              "processor.get_bus_arrangement");
    outputs_arranged[0] = V3_SPEAKER_L | V3_SPEAKER_R;
    check((*processor)->set_bus_arrangements(processor, inputs_arranged, input_count, outputs_arranged, output_count),
          "processor.set_bus_arrangements(stereo out)");
    struct v3_audio_bus_buffers *inputs = bus_buffers(component, V3_INPUT, input_count);
    struct v3_audio_bus_buffers *outputs = bus_buffers(component, V3_OUTPUT, output_count);
    int32_t channels = outputs[0].num_channels;

    check((*processor)->can_process_sample_size(processor, V3_SAMPLE_32), "processor.can_process_sample_size(32)");
    struct v3_process_setup setup = {V3_REALTIME, V3_SAMPLE_32, BLOCK, RATE};
    check((*processor)->setup_processing(processor, &setup), "processor.setup_processing");
    check((*component)->set_active(component, true), "component.set_active(true)");
    check((*processor)->set_processing(processor, true), "processor.set_processing(true)");
    float *rendered = calloc((size_t)FRAMES * channels, sizeof(float));
    for (int32_t done = 0; done < FRAMES; done += BLOCK) {
        int32_t frames = FRAMES - done < BLOCK ? FRAMES - done : BLOCK;
        struct v3_process_data data = {
            V3_REALTIME, V3_SAMPLE_32, frames, input_count, output_count, inputs, outputs,
            (struct v3_param_changes **)&changes, (struct v3_param_changes **)&output_changes,
        };
        if ((*processor)->process(processor, &data) != V3_OK) fail("process() failed at frame %d", done);
        changes.count = 0;
        interleave(rendered, outputs[0].channel_buffers_32, (uint32_t)channels, (uint32_t)done, (uint32_t)frames);
    }
    (*processor)->set_processing(processor, false);
    (*component)->set_active(component, false);
    release_edit_controller();
    (*processor)->unref(processor);
    (*component)->terminate(component);
    (*component)->unref(component);
    (*factory)->unref(factory);
    module_exit_t module_exit = (module_exit_t)library_find(library, MODULE_EXIT);
    if (module_exit && !module_exit()) fail(MODULE_EXIT " failed");
    unload_library(library);
    write_wav(argv[3], rendered, (uint32_t)channels, FRAMES, RATE);
    return 0;
}
