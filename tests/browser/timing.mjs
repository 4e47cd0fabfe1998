// timing.mjs — the page's performance figures (issue #4), measured in headless Chromium.
// Prints, as medians over RUNS page loads (default 3):
//   transfer size   bytes of every response the page loaded (wasm + js + html + css + fonts), as sent and decoded
//   first frame     ms from navigation start to the first frame with a scenario
//   frame work      model + UI ms per frame (median) while dragging the Azure price on rofr-2025,
//                   and the Monte Carlo slice per frame
//   10,000 trials   seconds for the in-page Monte Carlo of commitment-2025q4 while the UI keeps drawing,
//                   with the page's default workers and with ?workers=1, 2 and 0 (0: slices on the main thread),
//                   each started on a settled page (no run going, the loop paused) as a user's pick would be;
//                   for the default, the workers' own trial time, when the first block started and the tail
//   Compare tab     with three deals pinned, from picking another current deal to the compare table's medians,
//                   and the longest Monte Carlo work on the main thread meanwhile
//   longest task    the longest main-thread task while dragging (each drag step restarts the Monte Carlo):
//                   the largest gap between turns of a MessageChannel ping loop, which runs between tasks;
//                   and the longest Monte Carlo work in it (stats: a frame's summary work, a summary task
//                   between frames, a block's merge)
// Figures, not pass/fail (the machines are noisy); README quotes them. usage: node timing.mjs [RUNS]
import { serve, launch, newContext, frames, items, state, click } from './harness.mjs';

const runs = Number(process.argv[2] || 3);
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const results = { transfer: [], decoded: [], firstFrame: [], uiMs: [], mcSliceMs: [], frameWorkMs: [], longestTaskMs: [], mcMaxMs: [], mcFrameMaxMs: [], mcTaskMaxMs: [], mcMergeMaxMs: [], compareSeconds: [], compareTaskMaxMs: [], mcSeconds: [], framesDuringMc: [],
                  workers: [], mcSecondsByWorkers: {}, trace: {} };
// Installs the ping loop; window.__longestTask() stops it and answers the longest gap (ms).
const watchTasks = () => {
  const ch = new MessageChannel();
  let last = performance.now(), longest = 0, on = true;
  ch.port1.onmessage = () => { const t = performance.now(); longest = Math.max(longest, t - last); last = t; if (on) ch.port2.postMessage(0); };
  ch.port2.postMessage(0);
  window.__longestTask = () => { on = false; return longest; };
};
// Seconds of the in-page Monte Carlo of commitment-2025q4 (10,000 trials), and the frames drawn meanwhile; with
// workers, where the time went: each worker's messages are watched (mc_pool.js's blocks carry when each started
// and how long it ran), giving the trials' own time, when the first started after the pick, and how long after
// the last one ended the app saw the run finish.
async function monteCarloSeconds(page) {
  await page.evaluate(() => {
    const pool = window.PactScopePage.mcPool;
    window.__blocks = [];
    window.__pickedAt = performance.now();
    for (const w of pool.workers) {
      const orig = w.worker.onmessage;
      w.worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'block') window.__blocks.push({ start: m.startedAt - performance.timeOrigin, ms: m.ms, trials: m.hi - m.lo });
        orig(e);
      };
    }
    window.pactscope.preset('commitment-2025q4');
  });
  const before = (await page.evaluate(() => window.pactscope.stats())).frames;
  await page.waitForFunction(() => { const s = window.pactscope.stats(); return !s.mc_running && s.mc_seconds > 0; }, null, { timeout: 120000, polling: 5 });
  const done = await page.evaluate(() => window.pactscope.stats());
  const blocks = await page.evaluate(() => window.__blocks.filter((b) => b.start >= window.__pickedAt));
  const picked = await page.evaluate(() => window.__pickedAt);
  const trace = blocks.length ? {
    workMs: blocks.reduce((t, b) => t + b.ms, 0),
    usPerTrial: 1000 * blocks.reduce((t, b) => t + b.ms, 0) / blocks.reduce((t, b) => t + b.trials, 0),
    firstMs: Math.min(...blocks.map((b) => b.start)) - picked,
    // When the app itself saw the end (its last percentiles on screen), on the page's clock: the harness's
    // own polling notices it tens to hundreds of ms later on a busy machine.
    tailMs: done.mc_finished_at_ms - Math.max(...blocks.map((b) => b.start + b.ms)),
  } : null;
  return { seconds: done.mc_seconds, frames: done.frames - before, workers: done.mc_workers, trace };
}

const server = await serve();
const browser = await launch();
try {
  for (let run = 0; run < runs; run++) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.pactscope && window.pactscope.ready, null, { timeout: 60000 });
    results.firstFrame.push(await page.evaluate(() => window.pactscope.firstFrameMs));
    await frames(page, 10);
    // Body bytes of every request the page made (the document and each resource, repeats included).
    const sizes = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .reduce((sum, e) => [sum[0] + e.encodedBodySize, sum[1] + e.decodedBodySize], [0, 0]));
    results.transfer.push(sizes[0]);  // as sent (gzip where the server compresses: web/server/serve.mjs)
    results.decoded.push(sizes[1]);

    // Drag the Azure price on rofr-2025 for ~2 s (each frame re-evaluates and restarts the Monte Carlo).
    await page.evaluate(() => window.pactscope.preset('rofr-2025'));
    await frames(page, 3);
    await click(page, 'section:providers');
    await click(page, 'provider:azure');
    const field = (await items(page))['/providers/0/price_usd_per_h100e_hour'];
    if (!field) throw new Error('the Azure price field is not on screen');
    const priceBefore = JSON.stringify((await state(page)).scenario.providers[0].price_usd_per_h100e_hour);
    await page.mouse.move(field.x + field.w / 4, field.y + field.h / 2);  // the interval's low end
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    await page.evaluate(() => window.pactscope.resetStats());
    await page.evaluate(watchTasks);
    for (let i = 0; i < 120; i++) {
      await page.mouse.move(field.x + field.w / 4 + ((i % 40) - 20) * 3, field.y + field.h / 2);
      await frames(page, 1);
    }
    results.longestTaskMs.push(await page.evaluate(() => window.__longestTask()));
    await page.mouse.up();
    const drag = await page.evaluate(() => window.pactscope.stats());
    results.uiMs.push(drag.ui_ms_median);
    results.mcSliceMs.push(drag.mc_ms_median);
    results.mcMaxMs.push(Math.max(drag.mc_ms_max, drag.mc_merge_ms_max, drag.mc_summary_task_ms_max));
    results.mcFrameMaxMs.push(drag.mc_ms_max);
    results.mcTaskMaxMs.push(drag.mc_summary_task_ms_max);
    results.mcMergeMaxMs.push(drag.mc_merge_ms_max);
    results.frameWorkMs.push(drag.frame_work_ms_median);
    const priceAfter = JSON.stringify((await state(page)).scenario.providers[0].price_usd_per_h100e_hour);
    if (priceAfter === priceBefore) throw new Error('the drag did not edit the price (' + priceBefore + ')');

    // The Compare tab with three pinned deals: open-2026 picked as the current one, until the table shows every
    // deal's medians (4 summaries and 6 pairs of paired deltas, built in pieces between frames).
    {
      const pick = async (id) => { await page.evaluate((i) => window.pactscope.preset(i), id); await frames(page, 3); };
      await click(page, 'tab:Compare');
      for (const id of ['commitment-2025q4', 'rofr-2025', 'oci-waiver-2024']) { await pick(id); await click(page, 'pin'); }
      await page.waitForFunction(() => { const s = window.pactscope.stats(); return !s.mc_running && s.paused; }, null, { timeout: 120000, polling: 50 });
      await page.evaluate(() => window.pactscope.resetStats());
      const t0 = await page.evaluate(() => { window.pactscope.preset('open-2026'); return performance.now(); });
      await page.waitForFunction(() => { const v = window.pactscope.views(); return v.compare.length > 1 && v.compare[0].length === 12 && v.compare[0][2].includes('open-2026'); },
        null, { timeout: 120000, polling: 20 });
      results.compareSeconds.push((await page.evaluate(() => performance.now())) - t0);
      const st = await page.evaluate(() => window.pactscope.stats());
      results.compareTaskMaxMs.push(Math.max(st.mc_ms_max, st.mc_summary_task_ms_max, st.mc_merge_ms_max));
    }

    // 10,000 trials of commitment-2025q4 in the page, with its default workers, once the page has settled
    // (the drag's last run done, the loop paused), as when a user picks a deal.
    await page.waitForFunction(() => window.pactscope.stats().mc_trials_at !== 'starting', null, { timeout: 60000 });
    await page.waitForFunction(() => { const s = window.pactscope.stats(); return !s.mc_running && s.paused; }, null, { timeout: 60000, polling: 50 });
    const mc = await monteCarloSeconds(page);
    results.mcSeconds.push(mc.seconds);
    results.framesDuringMc.push(mc.frames);
    results.workers.push(mc.workers);
    if (mc.trace) for (const k of Object.keys(mc.trace)) (results.trace[k] ||= []).push(mc.trace[k]);
    await context.close();

    // The same with 1 and 2 workers, and none (slices on the main thread).
    for (const n of [1, 2, 0]) {
      const c = await newContext(browser);
      const p = await c.newPage();
      await p.goto(server.url + '?workers=' + n);
      await p.waitForFunction(() => window.pactscope && window.pactscope.ready && window.pactscope.stats().mc_trials_at !== 'starting', null, { timeout: 60000 });
      // As the default row: the page has settled (its first run done, the loop paused), as when a user picks a deal.
      await p.waitForFunction(() => { const s = window.pactscope.stats(); return !s.mc_running && s.paused; }, null, { timeout: 60000, polling: 50 });
      (results.mcSecondsByWorkers[n] ||= []).push((await monteCarloSeconds(p)).seconds);
      await c.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
const fmt = (v, d = 1) => v.toFixed(d);
console.log(`PactScope page timing, median of ${runs} loads (headless Chromium, software WebGL)`);
console.log(`  transfer size          ${fmt(median(results.transfer) / 1e6, 2)} MB   (target <= 3 MB; ${fmt(median(results.decoded) / 1e6, 2)} MB decoded)`);
console.log(`  first frame            ${fmt(median(results.firstFrame), 0)} ms   (target <= 2000 ms)`);
console.log(`  model + UI per frame   ${fmt(median(results.uiMs), 2)} ms   while dragging a price (target <= 8 ms)`);
console.log(`  Monte Carlo per frame  ${fmt(median(results.mcSliceMs), 2)} ms   main-thread share (merging blocks, partial percentiles)`);
console.log(`  longest MC work        ${fmt(median(results.mcMaxMs), 2)} ms   on the main thread in one frame, summary task or block merge, while dragging`);
console.log(`    of which             ${fmt(median(results.mcFrameMaxMs), 2)} ms in a frame, ${fmt(median(results.mcTaskMaxMs), 2)} ms in a summary task, ${fmt(median(results.mcMergeMaxMs), 2)} ms merging a block (medians of each's longest)`);
console.log(`  Compare tab            ${fmt(median(results.compareSeconds) / 1000, 2)} s    from picking open-2026 beside 3 pinned deals to the table (its run, 4 summaries, 6 pairs); longest Monte Carlo work meanwhile ${fmt(median(results.compareTaskMaxMs), 2)} ms`);
console.log(`  longest task           ${fmt(median(results.longestTaskMs), 1)} ms   on the main thread while dragging (any cause: drawing, the loaded machine)`);
console.log(`  10,000 trials          ${fmt(median(results.mcSeconds), 2)} s    ${median(results.workers)} workers (the page's default), ${median(results.framesDuringMc)} frames drawn meanwhile (target <= 0.35 s)`);
if (results.trace.workMs) {
  const t = results.trace;
  console.log(`    of which              ${fmt(median(t.workMs), 0)} ms of trials in the workers (${fmt(median(t.usPerTrial), 1)} µs a trial), ` +
    `the first block started ${fmt(median(t.firstMs), 0)} ms after the pick, the app saw the end ${fmt(median(t.tailMs), 0)} ms after the last block`);
}
for (const n of [1, 2, 0])
  console.log(`  10,000 trials          ${fmt(median(results.mcSecondsByWorkers[n]), 2)} s    ` + (n ? `${n} worker${n > 1 ? 's' : ''}` : 'no workers: slices on the main thread'));
console.log(`  hardware concurrency   ${await (async () => (await import('node:os')).cpus().length)()} cores on this machine`);
console.log(JSON.stringify(results));
