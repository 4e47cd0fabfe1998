// mc_worker.js — one Monte Carlo worker (issue 17): an instance of the worker module
// (pactscope_worker.js/.wasm, ui/platform/worker_main.cpp) that runs blocks of trials for web/mc_pool.js.
//
// Messages in:  {type: 'init', module}   the compiled WebAssembly.Module (fetched once by the page)
//               {type: 'job', id, text, trials, seed}   the scenario (JSON) of run `id`
//               {type: 'block', id, lo, hi}             trials [lo, hi) of run `id`
// Messages out: {type: 'ready', heapBytes} | {type: 'failed', message}
//               {type: 'block', id, lo, hi, columns, bands, ms, heapBytes}   (buffers transferred)
//               {type: 'bad', id, lo, hi}   run `id` is not this worker's (its scenario was refused)
'use strict';

let M = null;        // the module, once its runtime is up
let job = -1;        // the run whose scenario is loaded
const early = [];    // messages that came before the runtime was up

function failed(message) { postMessage({ type: 'failed', message: String(message) }); }

function init(module) {
  self.Module = {
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)).catch(failed);
      return {};
    },
    onRuntimeInitialized() {
      M = self.Module;
      postMessage({ type: 'ready', heapBytes: M.HEAP8.length });
      for (const m of early.splice(0)) handle(m);
    },
    print: () => {},
    printErr: (t) => console.warn('mc worker: ' + t),
    onAbort: (what) => failed('the worker module stopped: ' + what),
  };
  try { importScripts('pactscope_worker.js'); } catch (e) { failed(e && e.message || e); }
}

function withString(text, fn) {
  const size = M.lengthBytesUTF8(text) + 1, ptr = M._malloc(size);
  M.stringToUTF8(text, ptr, size);
  try { return fn(ptr); } finally { M._free(ptr); }
}

function handle(m) {
  if (m.type === 'job') {
    const rc = withString(m.text, (t) => withString(m.seed, (s) => M._psw_start(t, m.trials, s)));
    job = rc === 0 ? m.id : -1;
  } else if (m.type === 'block') {
    if (m.id !== job) { postMessage({ type: 'bad', id: m.id, lo: m.lo, hi: m.hi }); return; }
    const t0 = performance.now();
    const n = M._psw_run(m.lo, m.hi);
    const ms = performance.now() - t0;
    // Copies out of the heap (it may grow, and the buffers are handed over to the page).
    const columns = new Float64Array(M.HEAPF64.buffer, M._psw_columns(), n * M._psw_doubles()).slice();
    const bands = new Float32Array(M.HEAPF32.buffer, M._psw_bands(), n * M._psw_floats()).slice();
    postMessage({ type: 'block', id: m.id, lo: m.lo, hi: m.hi, columns, bands, ms, heapBytes: M.HEAP8.length },
                [columns.buffer, bands.buffer]);
  }
}

self.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') init(m.module);
  else if (!M) early.push(m);
  else handle(m);
};
