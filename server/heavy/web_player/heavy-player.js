// Loads a Heavy patch built for the web (the web/local archive) and plays it in an AudioWorklet.
//
//   const patch = await loadHeavyPatch(audioContext);
//   patch.node.connect(audioContext.destination);
//   patch.setParam("freq", 220);
//   patch.onlevel = ({ peak, rms }) => …;   // or read patch.level at any time

export async function loadHeavyPatch(context, base = new URL(".", import.meta.url)) {
  const manifest = await (await fetch(new URL("patch.json", base))).json();
  const bytes = await (await fetch(new URL(manifest.wasm, base))).arrayBuffer();
  const module = await WebAssembly.compile(bytes);
  await context.audioWorklet.addModule(new URL("heavy-worklet.js", base));
  const node = new AudioWorkletNode(context, "heavy-patch", {
    numberOfInputs: manifest.inputs > 0 ? 1 : 0,
    numberOfOutputs: 1,
    outputChannelCount: [Math.max(1, manifest.outputs)],
    processorOptions: { module, manifest },
  });
  return new HeavyPatch(node, manifest);
}

export class HeavyPatch {
  constructor(node, manifest) {
    this.node = node;
    this.name = manifest.name;
    this.params = manifest.params;
    this.level = { peak: 0, rms: 0 };
    this.onlevel = null;
    node.port.onmessage = ({ data }) => {
      this.level = data;
      this.onlevel?.(data);
    };
  }

  setParam(name, value) {
    this.node.port.postMessage({ name, value });
  }
}
