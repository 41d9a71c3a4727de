/**
 * First-call cost of the wasm core, run in a FRESH Node process (bench/run.mjs
 * spawns it) so nothing is compiled or warm: compile + instantiate the module
 * from its bytes, as the extension's background does on its first click
 * (wasm-bindgen's `init`, i.e. `WebAssembly.instantiate`), then the first
 * `analyze` of the long 10,000-word policy. Reading the file and building
 * the text are not timed. Prints `{instantiate_ms, first_analyze_ms}` as JSON.
 */
import { readFileSync } from 'node:fs';
import init, { analyze } from '../pkg/policy_badges.js';
import { longTexts, seedTexts } from './texts.mjs';

const bytes = readFileSync(new URL('../pkg/policy_badges_bg.wasm', import.meta.url));
const { texts: [long] } = longTexts(seedTexts());
// wasm-bindgen's init checks `typeof Request`; Node loads its fetch
// implementation (undici, ~17 ms) on that first access, browsers have it
// built in. Touch it untimed so the figure is the wasm's, as in a browser.
void globalThis.Request;

const start = performance.now();
await init({ module_or_path: bytes });
const instantiated = performance.now();
analyze(long.body);
const analyzed = performance.now();

console.log(JSON.stringify({ instantiate_ms: instantiated - start, first_analyze_ms: analyzed - instantiated }));
