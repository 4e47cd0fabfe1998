// mc_pool.js — the Monte Carlo's Web Workers (issue 17).
//
// The page starts min(hardwareConcurrency − 1, 8) workers (at least one; `?workers=N` in the address sets
// N, and 0 keeps the trials on the main thread). pactscope_worker.wasm is fetched and compiled once here and
// the compiled module is posted to every worker (web/mc_worker.js), each then its own instance. No
// SharedArrayBuffer: it works from any static host.
//
// The app (ui/platform/web_workers.cpp) posts each unfinished run through window.pactscopeShell.mcJob and
// cancels one an edit replaced with mcCancel. Workers get the next blocks of trial indices of the newest
// run (the one just edited) — a background run (the Story tab's) only when no other waits, the first posted
// first — sized to take ~kBlockMs each and queued in the worker (see pump), so a
// cancelled run frees the workers within one block. Each block's totals and bands come back as
// transferred buffers and go to the app (page.api.mcBlock), which merges them; the app's partial
// percentiles cover the trials from 0 up to the first block still missing. If the workers cannot start, or
// one refuses a run's scenario, the app is told (count 0 and why) and runs the trials in slices between
// frames as before; stats() shows which.
'use strict';

(function (page) {
  const kBlockMs = 12;            // a block's target time in a worker
  const kStartTimeoutMs = 20000;  // workers not ready by then: run on the main thread
  const params = new URLSearchParams(location.search);
  const hc = navigator.hardwareConcurrency || 2;
  const kMaxWorkers = 16;         // ?workers=N above this starts this many
  const byDefault = Math.max(1, Math.min(hc - 1, 8));
  // ?workers=N: a whole number from 0; anything else is not taken for a number of workers: the default runs,
  // and the progress bar's tooltip (and stats().mc_workers_note) says why, as it says when N is capped.
  const text = params.get('workers');
  const asked = text !== null && /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  const wanted = Number.isInteger(asked) ? Math.min(asked, kMaxWorkers) : byDefault;
  const addressNote = text === null ? ''
    : !Number.isInteger(asked) ? ` (workers=${text.slice(0, 24)} in the address is not a whole number of workers from 0 to ${kMaxWorkers}: the default ${byDefault} started)`
    : asked > kMaxWorkers ? ` (workers=${text.trim().slice(0, 24)} in the address: at most ${kMaxWorkers} start)` : '';
  if (addressNote) console.warn('Monte Carlo workers' + addressNote);

  const pool = { workers: [], jobs: new Map(), heapBytes: 0, blocks: 0, wanted, note: '', lastMsPerTrial: 0 };
  let up = false;  // every worker started; from then on a worker that fails stops them all (stop)
  page.mcPool = pool;

  // Tells the app how many workers run the trials. Before the app runs, the latest word waits (one timer),
  // so a stop that follows a start is never overtaken by it.
  let told = null, waiting = 0;
  function tell(count, note) {
    pool.note = note;
    told = { count, note };
    const send = () => page.api.call('mc_workers', { count: told.count, note: told.note, heap_bytes: pool.heapBytes });
    if (page.running) send();
    else if (!waiting) waiting = setInterval(() => { if (page.running) { clearInterval(waiting); waiting = 0; send(); } }, 50);
  }

  // Each worker keeps a queue of blocks (web/mc_worker.js) worth up to kAheadMs of work, so it runs on while
  // the main thread, drawing a frame, takes its messages tens of ms late. Near a run's end a worker is given
  // less (the work left shared among the workers), so the last blocks do not wait behind one worker's queue.
  // A worker finishes one run's queued blocks before it is given another's (it holds one scenario at a time), so
  // a background run (the Story tab's) is queued only 2 × kBlockMs ahead: a run an edit posts meanwhile waits
  // for at most that and the block in progress.
  const kAheadMs = 150;
  const aheadMs = (w) => w.queued.reduce((sum, b) => sum + b.ms, 0);
  function pump() {
    for (;;) {
      // The newest run with trials not handed out; a background one only when no other has any, and then the
      // first posted (the Story tab posts its eras earliest first).
      let job = null;
      const before = (a, b) => (a.background !== b.background ? !a.background : !a.background && a.id > b.id);
      for (const j of pool.jobs.values()) if (j.next < j.trials && (!job || before(j, job))) job = j;
      if (!job) return;
      // Until the first block says how long a trial takes, the last run's cost stands in (an edit seldom
      // changes it much), in blocks of at most 256 trials; for the first run of all, blocks of 16, two per worker.
      const perTrial = job.msPerTrial || pool.lastMsPerTrial;
      const size = !perTrial ? 16 : Math.max(4, Math.min(job.msPerTrial ? 4000 : 256, Math.round(kBlockMs / perTrial)));
      const leftMs = perTrial ? (job.trials - job.next) * perTrial / pool.workers.length : 0;
      const limitMs = job.background ? 2 * kBlockMs : Math.max(2 * kBlockMs, Math.min(kAheadMs, leftMs));
      let w = null;  // the worker with the least work queued that may take this run's next block
      for (const c of pool.workers) {
        if (c.queued.length && c.queued[c.queued.length - 1].id !== job.id) continue;
        if (aheadMs(c) < limitMs && (!w || aheadMs(c) < aheadMs(w))) w = c;
      }
      if (!w) return;
      const lo = job.next, hi = Math.min(job.trials, lo + size);
      job.next = hi;
      if (w.job !== job.id) {
        w.worker.postMessage({ type: 'job', id: job.id, text: job.text, trials: job.trials, seed: job.seed });
        w.job = job.id;
      }
      w.worker.postMessage({ type: 'block', id: job.id, lo, hi });
      w.queued.push({ id: job.id, lo, ms: perTrial ? (hi - lo) * perTrial : kBlockMs });
    }
  }

  function onBlock(w, m) {
    const at = w.queued.findIndex((b) => b.id === m.id && b.lo === m.lo);
    if (at >= 0) w.queued.splice(at, 1);  // else its run was cancelled meanwhile
    if (m.heapBytes > pool.heapBytes) {  // a worker's heap grew: stats() reports the largest
      pool.heapBytes = m.heapBytes;
      if (pool.note) page.api.call('mc_workers', { count: pool.workers.length, note: pool.note, heap_bytes: pool.heapBytes });
    }
    const job = pool.jobs.get(m.id);
    if (m.type === 'block' && job) {  // else cancelled meanwhile: dropped
      const perTrial = m.ms / Math.max(1, m.hi - m.lo);
      job.msPerTrial = job.msPerTrial ? 0.5 * (job.msPerTrial + perTrial) : perTrial;
      pool.lastMsPerTrial = job.msPerTrial;
      page.api.mcBlock(m.id, m.lo, m.hi, m.columns, m.bands);
      pool.blocks++;
      job.delivered += m.hi - m.lo;
      if (job.delivered >= job.trials) pool.jobs.delete(m.id);
    } else if (m.type === 'bad' && job) {
      // A worker could not read a scenario the app had validated: a fault in the workers, not in the
      // scenario. Rather than leave that run waiting for ever, every run goes back to the main thread
      // (each resumes at its first missing trial) and stats() says why.
      stop('a worker could not read the scenario of run ' + m.id);
      return;
    }
    pump();
  }

  // No more workers: the app runs the trials in slices between frames, as when none could start.
  function stop(why) {
    up = false;
    for (const w of pool.workers) w.worker.terminate();
    pool.workers = [];
    pool.jobs.clear();
    console.warn('Monte Carlo on the main thread: ' + why);
    tell(0, 'Trials run on the main thread, a slice between frames: ' + why + addressNote);
  }

  window.pactscopeShell.mcJob = (id, text, trials, seed, background = false) => {
    pool.jobs.set(id, { id, text, trials, seed, background: background === true, next: 0, delivered: 0, msPerTrial: 0 });
    pump();
  };
  // A cancelled run's queued blocks leave every worker's queue; only the block in progress still runs.
  // The freed workers are given work once the app has also posted the run that replaced it (it does so in
  // the same call), so they do not fill up with an older run's blocks first.
  window.pactscopeShell.mcCancel = (id) => {
    pool.jobs.delete(id);
    for (const w of pool.workers) {
      if (!w.queued.some((b) => b.id === id)) continue;
      w.queued = w.queued.filter((b) => b.id !== id);
      w.worker.postMessage({ type: 'cancel', id });
    }
    queueMicrotask(pump);
  };

  async function start() {
    if (wanted === 0) throw new Error('the address asks for no workers (workers=0)');
    if (typeof Worker !== 'function' || typeof WebAssembly !== 'object') throw new Error('this browser has no Web Workers or WebAssembly');
    const response = await fetch('pactscope_worker.wasm');
    if (!response.ok) throw new Error('pactscope_worker.wasm: HTTP ' + response.status);
    const module = await WebAssembly.compile(await response.arrayBuffer());
    // Any worker failing before all are up fails the start, even one that already said it was ready.
    let failStart;
    const failed = new Promise((_, reject) => { failStart = reject; });
    const fail = (message) => (up ? stop('a worker stopped: ' + message) : failStart(new Error(message)));
    const ready = [];
    for (let i = 0; i < wanted; ++i) {
      const w = { worker: new Worker('mc_worker.js'), queued: [], job: -1 };  // queued: blocks handed out, not back
      ready.push(new Promise((resolve) => {
        w.worker.onmessage = (e) => {
          const m = e.data;
          if (m.type === 'ready') { pool.heapBytes = Math.max(pool.heapBytes, m.heapBytes); resolve(); }
          else if (m.type === 'failed') fail(m.message);
          else onBlock(w, m);
        };
        w.worker.onerror = (e) => { e.preventDefault(); fail(e.message || (up ? 'an error' : 'a worker could not start')); };
      }));
      w.worker.postMessage({ type: 'init', module });
      pool.workers.push(w);
    }
    let timer;
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the workers did not start within ' + kStartTimeoutMs / 1000 + ' s')), kStartTimeoutMs); });
    try { await Promise.race([Promise.all(ready), failed, timeout]); } finally { clearTimeout(timer); }
    up = true;
  }

  start().then(() => {
    const n = pool.workers.length;
    tell(n, (n === 1 ? '1 Web Worker runs the trials' : n + ' Web Workers run the trials') + addressNote);
  }).catch((e) => stop(e.message));
})(window.PactScopePage);
