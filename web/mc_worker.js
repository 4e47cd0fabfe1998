// mc_worker.js — one Monte Carlo worker (issue 17): an instance of the worker module
// (pactscope_worker.js/.wasm, ui/platform/worker_main.cpp) that runs blocks of trials for web/mc_pool.js.
//
// Messages in:  {type: 'init', module}   the compiled WebAssembly.Module (fetched once by the page)
//               {type: 'job', id, text, trials, seed}   the scenario (JSON) of run `id`
//               {type: 'block', id, lo, hi}             trials [lo, hi) of run `id`: queued here
//               {type: 'cancel', id}                    drop run `id`'s queued blocks
// Messages out: {type: 'ready', heapBytes} | {type: 'failed', message}
//               {type: 'block', id, lo, hi, columns, bands, ms, startedAt, heapBytes}   (buffers transferred;
//                                 startedAt: when the block started, ms since the epoch, as the page's clock)
//               {type: 'bad', id, lo, hi, startedAt}   run `id` is not this worker's (its scenario was refused)
//
// The worker keeps its own queue of blocks and runs them one after another, so it never waits for the
// page's main thread (busy drawing a frame, it takes messages tens of ms late). Between two blocks it
// yields to its event loop (a message to itself), so a cancel or a newer run that came meanwhile is seen
// before the next block: a cancelled run costs at most the block in progress.
'use strict';

let M = null;        // the module, once its runtime is up
let job = -1;        // the run whose scenario is loaded
const early = [];    // messages that came before the runtime was up
let queue = [];      // blocks to run, in the order they came
let scheduled = false;
const tick = new MessageChannel();  // "run the next block", after whatever messages are waiting

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

function schedule() {
  if (!scheduled && queue.length) { scheduled = true; tick.port2.postMessage(0); }
}

function runNext() {
  scheduled = false;
  const b = queue.shift();
  if (!b) return;
  if (b.id !== job) {
    postMessage({ type: 'bad', id: b.id, lo: b.lo, hi: b.hi, startedAt: performance.timeOrigin + performance.now() });
  } else {
    const t0 = performance.now();
    const startedAt = performance.timeOrigin + t0;
    const n = M._psw_run(b.lo, b.hi);
    const ms = performance.now() - t0;
    // Copies out of the heap (it may grow, and the buffers are handed over to the page).
    const columns = new Float64Array(M.HEAPF64.buffer, M._psw_columns(), n * M._psw_doubles()).slice();
    const bands = new Float32Array(M.HEAPF32.buffer, M._psw_bands(), n * M._psw_floats()).slice();
    postMessage({ type: 'block', id: b.id, lo: b.lo, hi: b.hi, columns, bands, ms, startedAt, heapBytes: M.HEAP8.length },
                [columns.buffer, bands.buffer]);
  }
  schedule();
}
tick.port1.onmessage = runNext;

function handle(m) {
  if (m.type === 'job') {
    const rc = withString(m.text, (t) => withString(m.seed, (s) => M._psw_start(t, m.trials, s)));
    job = rc === 0 ? m.id : -1;
  } else if (m.type === 'block') {
    queue.push({ id: m.id, lo: m.lo, hi: m.hi });
    schedule();
  } else if (m.type === 'cancel') {
    queue = queue.filter((b) => b.id !== m.id);
  }
}

self.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') init(m.module);
  else if (!M) early.push(m);
  else handle(m);
};
