/* A minimal LV2 host: reads a bundle's manifest and the plugin's Turtle file for its URI and ports
   (a plain scan of the `lv2:port [ … ]` blocks, not an RDF parser: DPF writes them one port a
   block), loads the binary the manifest names, instantiates it with the features DPF requires
   (urid:map and options, with the block length), connects every port, sets one control port and
   renders half a second of the audio outputs to a 16-bit WAV, stopping with a message at any step a
   real host would stop at.

       lv2_host BUNDLE BINARY SYMBOL=VALUE OUT.wav   (BINARY: the library's file name in BUNDLE) */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hosting.h"
#include "lv2/atom.h"
#include "lv2/buf-size.h"
#include "lv2/lv2.h"
#include "lv2/options.h"
#include "lv2/parameters.h"
#include "lv2/urid.h"

#ifdef _WIN32
#define SEPARATOR "\\"
#else
#define SEPARATOR "/"
#endif

enum { MAX_PORTS = 64, MAX_URIDS = 256, ATOM_CAPACITY = 8192, IRI_SIZE = 4096 };

typedef enum { AUDIO, CONTROL, ATOM } PortClass;

typedef struct {
    PortClass class;
    bool is_input;
    char symbol[256];
    float min, max, default_value;
} Port;

/* urid:map and urid:unmap over one array: a URI's id is its index plus one. */
static char *uris[MAX_URIDS];
static uint32_t uri_count;

static LV2_URID map_uri(LV2_URID_Map_Handle handle, const char *uri) {
    (void)handle;
    for (uint32_t i = 0; i < uri_count; i++)
        if (strcmp(uris[i], uri) == 0) return i + 1;
    if (uri_count == MAX_URIDS) fail("more than %d URIs to map", MAX_URIDS);
    uris[uri_count] = strdup(uri);
    return ++uri_count;
}

static const char *unmap_uri(LV2_URID_Unmap_Handle handle, LV2_URID urid) {
    (void)handle;
    return urid >= 1 && urid <= uri_count ? uris[urid - 1] : NULL;
}

static LV2_URID urid(const char *uri) { return map_uri(NULL, uri); }

/* `name` in the bundle folder; an empty `name` gives the folder with the separator LV2 wants. */
static char *in_bundle(const char *bundle, const char *name) {
    size_t size = strlen(bundle) + strlen(name) + 2;
    char *path = malloc(size);
    snprintf(path, size, "%s" SEPARATOR "%s", bundle, name);
    return path;
}

static char *read_text(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) fail("cannot read %s", path);
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    char *text = calloc(size + 1, 1);
    if (fread(text, 1, size, file) != (size_t)size) fail("cannot read %s", path);
    fclose(file);
    return text;
}

/* The first `key` in [from, to), or NULL. */
static const char *find(const char *from, const char *to, const char *key) {
    const char *found = strstr(from, key);
    return found && found < to ? found : NULL;
}

/* Copies what lies between `open` and `close` after the first `key` in [from, to) into `into`. */
static bool delimited_after(const char *from, const char *to, const char *key, char open, char close, char *into,
                            size_t size) {
    const char *found = find(from, to, key), *start = found ? strchr(found + strlen(key), open) : NULL;
    const char *end = start ? strchr(start + 1, close) : NULL;
    if (!end || end >= to || (size_t)(end - start) > size) return false;
    memcpy(into, start + 1, end - start - 1);
    into[end - start - 1] = '\0';
    return true;
}

static float number_after(const char *from, const char *to, const char *key, float otherwise) {
    const char *found = find(from, to, key);
    return found ? strtof(found + strlen(key), NULL) : otherwise;
}

/* Every port of the Turtle text, by index; returns how many. */
static uint32_t scan_ports(const char *text, Port *ports) {
    uint32_t count = 0;
    for (const char *at = strstr(text, "lv2:index"); at; at = strstr(at + 1, "lv2:index")) {
        const char *from = at, *to = strchr(at, ']');
        while (from > text && *from != '[') from--;
        if (*from != '[' || !to) fail("lv2:index outside a port block");
        long index = strtol(at + strlen("lv2:index"), NULL, 10);
        if (index < 0 || index >= MAX_PORTS) fail("port index %ld is out of range", index);
        Port *port = &ports[index];
        if (!delimited_after(from, to, "lv2:symbol", '"', '"', port->symbol, sizeof port->symbol))
            fail("port %ld has no lv2:symbol", index);
        port->is_input = find(from, to, "lv2:InputPort");
        if (!port->is_input && !find(from, to, "lv2:OutputPort"))
            fail("port %s is neither input nor output", port->symbol);
        if (find(from, to, "lv2:AudioPort")) port->class = AUDIO;
        else if (find(from, to, "lv2:ControlPort")) port->class = CONTROL;
        else if (find(from, to, "atom:AtomPort")) port->class = ATOM;
        else fail("port %s is of a class this host does not know", port->symbol);
        port->min = number_after(from, to, "lv2:minimum", 0);
        port->max = number_after(from, to, "lv2:maximum", 1);
        port->default_value = number_after(from, to, "lv2:default", port->min);
        if ((uint32_t)index >= count) count = index + 1;
    }
    for (uint32_t i = 0; i < count; i++)
        if (!ports[i].symbol[0]) fail("port %u is not described", i);
    return count;
}

/* The URI of the plugin the bundle's manifest describes and the Turtle file it names for the rest
   (`uri` and `described`, IRI_SIZE each), if the manifest names `binary` as its library. */
static void read_manifest(const char *bundle, const char *binary, char *uri, char *described) {
    const char *manifest = read_text(in_bundle(bundle, "manifest.ttl")), *end = manifest + strlen(manifest);
    const char *plugin_at = strstr(manifest, "a lv2:Plugin"), *subject = plugin_at;
    while (subject && subject > manifest && *subject != '<') subject--;
    if (!plugin_at || !delimited_after(subject, plugin_at, "", '<', '>', uri, IRI_SIZE))
        fail("the manifest describes no lv2:Plugin");
    char named[IRI_SIZE];
    if (!delimited_after(plugin_at, end, "lv2:binary", '<', '>', named, sizeof named))
        fail("the manifest names no lv2:binary");
    if (strcmp(named, binary) != 0) fail("the manifest's lv2:binary is %s, not %s", named, binary);
    if (!delimited_after(plugin_at, end, "rdfs:seeAlso", '<', '>', described, IRI_SIZE))
        fail("the manifest has no rdfs:seeAlso");
}

/* An atom port's buffer before a run: an empty sequence to read, or room for one to write. */
static void reset_atom(LV2_Atom_Sequence *sequence, bool is_input) {
    sequence->atom.size = is_input ? sizeof(LV2_Atom_Sequence_Body) : ATOM_CAPACITY - sizeof(LV2_Atom);
    sequence->atom.type = urid(is_input ? LV2_ATOM__Sequence : LV2_ATOM__Chunk);
    sequence->body.unit = sequence->body.pad = 0;
}

int main(int argc, char **argv) {
    if (argc != 5 || !strchr(argv[3], '=')) fail("usage: lv2_host BUNDLE BINARY SYMBOL=VALUE OUT.wav");
    char *name = argv[3], *equals = strchr(name, '=');
    *equals = '\0';
    float value = strtof(equals + 1, NULL);

    char uri[IRI_SIZE], described[IRI_SIZE];
    read_manifest(argv[1], argv[2], uri, described);
    printf("plugin\t%s\n", uri);

    Port ports[MAX_PORTS] = {0};
    uint32_t port_count = scan_ports(read_text(in_bundle(argv[1], described)), ports), outputs = 0;
    float controls[MAX_PORTS], *audio[MAX_PORTS], *output_audio[MAX_PORTS];
    LV2_Atom_Sequence *atoms[MAX_PORTS];
    bool seen = false;
    for (uint32_t i = 0; i < port_count; i++) {
        Port *port = &ports[i];
        if (port->class == CONTROL) {
            printf("param\t%s\t%g\t%g\t%g\n", port->symbol, port->min, port->max, port->default_value);
            controls[i] = port->default_value;
            if (!port->is_input || strcmp(port->symbol, name) != 0) continue;
            if (value < port->min || value > port->max)
                fail("%g is outside %s's range [%g, %g]", value, name, port->min, port->max);
            controls[i] = value, seen = true;
        } else if (port->class == AUDIO) {
            audio[i] = calloc(BLOCK, sizeof(float));
            if (!port->is_input) output_audio[outputs++] = audio[i];
        } else {
            atoms[i] = calloc(ATOM_CAPACITY, 1);
        }
    }
    if (!seen) fail("the plugin has no control input %s", name);
    if (outputs == 0) fail("the plugin has no audio output");

    void *library = load_library(in_bundle(argv[1], argv[2]));
    LV2_Descriptor_Function lv2_descriptor = library_symbol(library, "lv2_descriptor");
    const LV2_Descriptor *descriptor = NULL;
    for (uint32_t i = 0; (descriptor = lv2_descriptor(i)) && strcmp(descriptor->URI, uri) != 0; i++) continue;
    if (!descriptor) fail("the library describes no plugin %s", uri);

    int32_t block = BLOCK;
    float rate = RATE;
    LV2_URID atom_int = urid(LV2_ATOM__Int);
    LV2_Options_Option options[] = {
        {LV2_OPTIONS_INSTANCE, 0, urid(LV2_BUF_SIZE__nominalBlockLength), sizeof block, atom_int, &block},
        {LV2_OPTIONS_INSTANCE, 0, urid(LV2_BUF_SIZE__maxBlockLength), sizeof block, atom_int, &block},
        {LV2_OPTIONS_INSTANCE, 0, urid(LV2_PARAMETERS__sampleRate), sizeof rate, urid(LV2_ATOM__Float), &rate},
        {LV2_OPTIONS_INSTANCE, 0, 0, 0, 0, NULL},
    };
    LV2_URID_Map map = {NULL, map_uri};
    LV2_URID_Unmap unmap = {NULL, unmap_uri};
    const LV2_Feature map_feature = {LV2_URID__map, &map}, unmap_feature = {LV2_URID__unmap, &unmap};
    const LV2_Feature options_feature = {LV2_OPTIONS__options, options};
    const LV2_Feature *features[] = {&map_feature, &unmap_feature, &options_feature, NULL};
    LV2_Handle instance = descriptor->instantiate(descriptor, RATE, in_bundle(argv[1], ""), features);
    if (!instance) fail("instantiate(%s) failed", uri);

    for (uint32_t i = 0; i < port_count; i++) {
        void *data = ports[i].class == CONTROL ? &controls[i] : ports[i].class == AUDIO ? (void *)audio[i] : atoms[i];
        descriptor->connect_port(instance, i, data);
    }
    if (descriptor->activate) descriptor->activate(instance);
    float *rendered = calloc((size_t)FRAMES * outputs, sizeof(float));
    for (uint32_t done = 0; done < FRAMES; done += BLOCK) {
        uint32_t frames = FRAMES - done < BLOCK ? FRAMES - done : BLOCK;
        for (uint32_t i = 0; i < port_count; i++)
            if (ports[i].class == ATOM) reset_atom(atoms[i], ports[i].is_input);
        descriptor->run(instance, frames);
        interleave(rendered, output_audio, outputs, done, frames);
    }
    if (descriptor->deactivate) descriptor->deactivate(instance);
    descriptor->cleanup(instance);
    unload_library(library);
    write_wav(argv[4], rendered, outputs, FRAMES, RATE);
    return 0;
}
