// Runs a Heavy patch compiled to WebAssembly inside the audio thread.
// Messages in: {name, value} sets an @hv_param. Messages out: {peak, rms} about 20 times a second.

const BLOCK = 128;
const ENOSYS = 52;

class HeavyPatchProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const { module, manifest } = options.processorOptions;
    // The patch only reaches WASI for debug printing: every import may answer "not supported".
    const imports = {};
    for (const { module: name, name: field } of WebAssembly.Module.imports(module)) {
      (imports[name] ??= {})[field] = () => ENOSYS;
    }
    this.wasm = new WebAssembly.Instance(module, imports).exports;
    this.wasm._initialize?.();
    this.patch = this.wasm[`hv_${manifest.cName}_new`](sampleRate);
    this.inputCount = manifest.inputs;
    this.outputCount = manifest.outputs;
    this.inputs = this.wasm.malloc(4 * BLOCK * Math.max(1, this.inputCount));
    this.outputs = this.wasm.malloc(4 * BLOCK * Math.max(1, this.outputCount));
    this.hashes = new Map(manifest.params.map((p) => [p.name, p.hash]));
    for (const p of manifest.params) this.setParam(p.name, p.default);
    this.blocksPerReport = Math.max(1, Math.round(sampleRate / BLOCK / 20));
    this.resetLevel();
    this.port.onmessage = ({ data }) => this.setParam(data.name, data.value);
  }

  setParam(name, value) {
    const hash = this.hashes.get(name);
    if (hash !== undefined) this.wasm.hv_sendFloatToReceiver(this.patch, hash, value);
  }

  resetLevel() {
    this.peak = 0;
    this.squares = 0;
    this.samples = 0;
    this.blocks = 0;
  }

  // A fresh view each time: the patch may grow its memory, which detaches older views.
  get heap() {
    return new Float32Array(this.wasm.memory.buffer);
  }

  process(inputs, outputs) {
    let heap = this.heap;
    const input = inputs[0] ?? [];
    for (let c = 0; c < this.inputCount; c++) {
      const start = this.inputs / 4 + c * BLOCK;
      if (input[c]) heap.set(input[c], start);
      else heap.fill(0, start, start + BLOCK);
    }
    this.wasm.hv_processInline(this.patch, this.inputs, this.outputs, BLOCK);
    heap = this.heap;
    const output = outputs[0];
    for (let c = 0; c < Math.min(output.length, this.outputCount); c++) {
      const start = this.outputs / 4 + c * BLOCK;
      const samples = heap.subarray(start, start + BLOCK);
      output[c].set(samples);
      for (const s of samples) {
        this.peak = Math.max(this.peak, Math.abs(s));
        this.squares += s * s;
      }
      this.samples += BLOCK;
    }
    if (++this.blocks === this.blocksPerReport) {
      this.port.postMessage({ peak: this.peak, rms: Math.sqrt(this.squares / (this.samples || 1)) });
      this.resetLevel();
    }
    return true;
  }
}

registerProcessor("heavy-patch", HeavyPatchProcessor);
