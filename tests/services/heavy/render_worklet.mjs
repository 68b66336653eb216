// Renders an unpacked web/local archive's worklet offline in Node, with a stand-in for the
// AudioWorkletGlobalScope. Usage: node render_worklet.mjs DIR PARAM VALUE
// Prints {before, after, levels}: peak and zero-crossing frequency of one second each side
// of setting PARAM, and the level messages the worklet posted.
import { readFileSync } from "node:fs";

const [dir, param, value] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(`${dir}/patch.json`));
const module = new WebAssembly.Module(readFileSync(`${dir}/${manifest.wasm}`));
const levels = [];
let Processor;
globalThis.sampleRate = 48000;
globalThis.AudioWorkletProcessor = class {
  constructor() { this.port = { postMessage: (message) => levels.push(message) }; }
};
globalThis.registerProcessor = (name, cls) => { Processor = cls; };
await import(`${dir}/heavy-worklet.js`);

const processor = new Processor({ processorOptions: { module, manifest } });
const render = (seconds) => {
  const output = [new Float32Array(128), new Float32Array(128)];
  let peak = 0, crossings = 0, previous = 0;
  const blocks = Math.round(seconds * sampleRate / 128);
  for (let b = 0; b < blocks; b++) {
    processor.process([[]], [output]);
    for (const s of output[0]) {
      peak = Math.max(peak, Math.abs(s));
      if (previous < 0 && s >= 0) crossings++;
      previous = s;
    }
  }
  return { peak, hz: crossings / seconds };
};
const before = render(1);
processor.port.onmessage({ data: { name: param, value: Number(value) } });
const after = render(1);
console.log(JSON.stringify({ before, after, levels }));
