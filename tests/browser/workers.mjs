// workers.mjs — the Monte Carlo in Web Workers (issue 17), in the browser:
//   - with 1, 2 and 3 workers (?workers=N) the trials run in the workers (stats) and the page's percentiles
//     are exactly the CLI's `simulate` (the WASM CLI, build/wasm/pactscope.js: the same compiler's bits; the
//     native CLI agrees to 1e-9) — a trial depends only on (seed, trial, input), so no split changes them
//   - once the page is idle, the KPI cards (as drawn) show the range over every trial
//   - a pinned scenario's run completes in the workers too
//   - an edit during a run cancels it at once: the pool drops the old run before the next frame, and the
//     finished result is the new scenario's, again exactly the CLI's
//   - the Story tab's runs (every preset, 2,000 trials, seed 1) run in the workers too: no trial on the main
//     thread (stats().mc_trials_main_thread), each era's medians exactly the CLI's `simulate`
//   - an edit while the Story runs goes first: no Story block is handed out until the edit's run's last one,
//     and only the Story blocks queued in the worker (≤ ~36 ms of them) run before it; its numbers are the CLI's
//   - when the workers stop, the Story's runs finish on the main thread with the same numbers
//   - from a plain static host (Python's http.server: no CSP, no cross-origin isolation) the default
//     max(1, min(hardwareConcurrency − 1, 8)) workers start (1, 4 and 16 cores stood in too), and 8 of them give
//     the CLI's numbers
//   - while a run is partial the KPI cards' ranges end in "…" (none below 200 trials) and the bar counts the
//     trials they are over; ?workers=abc, 1.5 or nothing starts the default and ?workers=64
//     16 workers, each saying so
//   - ?workers=0 falls back to slices on the main thread, says so in stats(), and gives the same numbers
// usage: NODE_PATH=/usr/share/nodejs node tests/browser/workers.mjs
import { execFileSync } from 'node:child_process';
import { runSuite, open, openIn, newContext, frames, state, click, cli, close, servePlain, ROOT } from './harness.mjs';

const WASM_CLI = ROOT + 'build/wasm/pactscope.js';
const wasmSimulate = (preset, trials, seed) => JSON.parse(execFileSync('node', ['--no-experimental-fetch', WASM_CLI, 'simulate', 'preset:' + preset,
  '--trials', String(trials), '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const done = (page) => page.waitForFunction(() => { const s = JSON.parse(window.pactscope.state());
  return s.mc.trials_done === s.mc.trials && s.pinned.every((p) => p.trials_done === p.trials); }, null, { timeout: 120000, polling: 50 });

// Every percentile of every total, exactly (the JSON numbers are shortest round-trip text of the doubles).
function sameAsCli(check, what, mc, preset) {
  const want = wasmSimulate(preset, mc.trials, mc.seed);
  const off = [];
  let compared = 0;
  for (const [k, stat] of Object.entries(want.totals))
    for (const [f, v] of Object.entries(stat)) {
      compared++;
      if (!mc.totals[k] || mc.totals[k][f] !== v) off.push(`${k}.${f} ${mc.totals[k] && mc.totals[k][f]} vs ${v}`);
    }
  check(off.length === 0 && compared > 50, `${what}: ${mc.trials} trials == WASM CLI simulate, all ${compared} statistics of every total to the bit`,
        off.slice(0, 5).join('; '));
  const native = JSON.parse(cli('simulate', 'preset:' + preset, '--trials', String(mc.trials), '--seed', String(mc.seed)));
  const far = Object.keys(native.totals).filter((k) => mc.totals[k].p50 !== null && !close(mc.totals[k].p50, native.totals[k].p50));
  check(far.length === 0, `${what}: P50s == native CLI simulate (1e-9)`, far.join(', '));
}

await runSuite('workers', async ({ server, browser, check }) => {
  for (const n of [1, 2, 3]) {
    const { page, errors } = await open(browser, server.url + '?workers=' + n);
    await page.waitForFunction(() => window.pactscope.stats().mc_trials_at !== 'starting', null, { timeout: 60000 });
    const stats = await page.evaluate(() => window.pactscope.stats());
    check(stats.mc_workers === n && stats.mc_trials_at === 'workers', `${n} worker(s) started and run the trials`, JSON.stringify(stats));
    // With one worker, what the cards and the bar show on every frame of commitment-2025q4's run, recorded in the
    // page from the turn the preset is picked (so the recording cannot end on the opening preset's finished run).
    await page.evaluate((record) => {
      window.pactscope.preset('commitment-2025q4');
      if (!record) return;
      window.seenFrames = [];
      const frame = () => {
        const v = window.pactscope.views(), s = JSON.parse(window.pactscope.state());
        window.seenFrames.push({ kpis: v.kpis.map((k) => ({ range: k.range, trials: k.trials })), progress: v.progress, trials: s.mc.trials });
        const finished = s.preset === 'commitment-2025q4' && v.kpis[0].trials === s.mc.trials && s.mc.trials_done === s.mc.trials;
        if (!finished && window.seenFrames.length < 5000) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, n === 1);
    await done(page);
    if (n === 1) {
      // While partial, a card's range ends in "…", and below 200 trials there is none; the bar counts the trials the
      // cards show (it used to count those merged, up to ~0.2 s ahead of the cards); once done, the plain range.
      await page.waitForFunction(() => { const f = window.seenFrames.at(-1); return f && f.kpis[0].trials === f.trials; }, null, { timeout: 10000 }).catch(() => {});
      const seen = (await page.evaluate(() => window.seenFrames)).filter((f) => f.trials === 10000);
      const grouped = (x) => x.toLocaleString('en-US');
      const partial = seen.filter((f) => f.kpis[0].trials > 0 && f.kpis[0].trials < f.trials);
      const badCard = partial.find((f) => !f.kpis.every((k) => k.trials === f.kpis[0].trials &&
        (k.trials < 200 ? k.range === '\u2026' : / to .* \u2026$/.test(k.range))));
      check(partial.length >= 2 && !badCard, `1 worker: while partial (${partial.length} frames) each card's range ends in "…", and there is none below 200 trials`,
            JSON.stringify(badCard || partial.length));
      const badBar = seen.find((f) => !f.progress.startsWith(`Monte Carlo ${grouped(f.kpis[0].trials)} / 10,000 trials`));
      check(seen.length > 0 && !badBar, `1 worker: on every frame (${seen.length}) the bar counts the trials the cards show`, JSON.stringify(badBar));
      const last = seen.at(-1);
      check(last && last.kpis.every((k) => k.trials === 10000 && / to /.test(k.range) && !k.range.endsWith('\u2026')),
            '1 worker: once done, each card gives its plain P10–P90', JSON.stringify(last));
    }
    // The app sees the run end (its time, and the summary it draws, refreshed with every trial).
    const ended = await page.waitForFunction(() => { const t = window.pactscope.stats(); return !t.mc_running && t.mc_seconds > 0; },
      null, { timeout: 10000, polling: 50 }).then(() => true, () => false);
    check(ended, `${n} worker(s): the app sees the run finish (stats().mc_seconds)`);
    // What stays on screen once the page is idle (the loop paused, nothing more drawn): the KPI cards'
    // P10–P90 is over every trial, not the last partial summary drawn while blocks were arriving.
    await page.waitForFunction(() => window.pactscope.stats().paused, null, { timeout: 10000, polling: 50 }).catch(() => {});
    const idle = await page.evaluate(() => ({ paused: window.pactscope.stats().paused, kpis: window.pactscope.views().kpis,
      trials: JSON.parse(window.pactscope.state()).mc.trials }));
    check(idle.paused && idle.kpis.length === 5 && idle.kpis.every((c) => c.trials === idle.trials),
      `${n} worker(s): once idle, the KPI cards show the range over all ${idle.trials} trials`, JSON.stringify(idle.kpis.map((c) => c.trials)));
    sameAsCli(check, `${n} worker(s), commitment-2025q4`, (await state(page)).mc, 'commitment-2025q4');
    const blocks = await page.evaluate(() => window.PactScopePage.mcPool.blocks);
    check(blocks >= n, `${n} worker(s): the trials came back in blocks (${blocks})`);

    if (n === 2) {
      // Compare: the current scenario pinned, then another preset; both runs complete in the workers.
      await click(page, 'tab:Compare');
      await click(page, 'pin');
      await page.evaluate(() => window.pactscope.preset('rofr-2025'));
      await done(page);
      const s = await state(page);
      check(s.pinned.length === 1 && s.pinned[0].trials_done === s.pinned[0].trials, 'a pinned scenario runs in the workers', JSON.stringify(s.pinned));
      sameAsCli(check, '2 workers, rofr-2025 beside a pinned run', s.mc, 'rofr-2025');
    }

    if (n === 3) {
      // The Story tab: every preset's run goes to the workers, and none of its trials runs on the main thread.
      await click(page, 'tab:Story');
      const story = await page.waitForFunction(() => { const v = window.pactscope.views().story;
        return v.eras.length > 0 && v.eras.every((e) => e.p50) ? v : null; }, null, { timeout: 120000, polling: 100 }).then((h) => h.jsonValue());
      const st = await page.evaluate(() => window.pactscope.stats());
      check(st.mc_trials_main_thread === 0, `the Story tab's ${story.eras.length} runs ran in the workers, none of their trials on the main thread`,
            `${st.mc_trials_main_thread} trials on the main thread`);
      const off = [];
      for (const e of story.eras) {
        const want = wasmSimulate(e.preset, story.trials, story.seed);
        for (const t of ['cost_usd', 'served_fraction', 'stranded_usd'])
          if (e.p50[t] !== want.totals[t].p50) off.push(`${e.preset} ${t} ${e.p50[t]} vs ${want.totals[t].p50}`);
        if (e.p50['buyer.net_usd'] !== want.stakeholders.buyer.net_usd.p50) off.push(`${e.preset} buyer.net_usd`);
      }
      check(off.length === 0 && story.eras.length >= 6, `each Story era's medians == WASM CLI simulate (${story.trials} trials, seed ${story.seed}), to the bit`,
            off.slice(0, 5).join('; '));
    }

    if (n === 1) {
      // An edit mid-run: the old run leaves the pool at once and the new one finishes alone.
      await page.evaluate(() => window.pactscope.preset('open-2026'));
      // The pool's jobs read in the same turn as the trials done (on a loaded machine the run can finish between
      // two calls).
      const before = await page.waitForFunction(() => { const s = JSON.parse(window.pactscope.state()).mc;
        return s.trials_done > 0 && s.trials_done < s.trials / 2 ? [...window.PactScopePage.mcPool.jobs.keys()] : null; },
        null, { timeout: 60000, polling: 10 }).then((h) => h.jsonValue());
      // When each block of the old run started in the worker, and when its cancel was posted (one clock).
      await page.evaluate(() => {
        const shell = window.pactscopeShell, cancel = shell.mcCancel;
        window.__cancelledAt = {};
        window.__starts = [];
        shell.mcCancel = (id) => { window.__cancelledAt[id] = performance.timeOrigin + performance.now(); cancel(id); };
        for (const w of window.PactScopePage.mcPool.workers) {
          const on = w.worker.onmessage;
          // A refused block ('bad': the worker holds another run's scenario) counts too.
          w.worker.onmessage = (e) => {
            if (e.data.type === 'block' || e.data.type === 'bad') window.__starts.push([e.data.id, e.data.startedAt]);
            on(e);
          };
        }
      });
      await page.evaluate(() => window.pactscope.preset('rofr-2025'));
      await frames(page, 1);
      const after = await page.evaluate(() => [...window.PactScopePage.mcPool.jobs.keys()]);
      check(before.length === 1 && !after.includes(before[0]) && after.length === 1,
            'an edit during a run cancels it by the next frame', `before ${before}, after ${after}`);
      await done(page);
      // The worker had up to ~150 ms of the old run queued; the cancel empties its queue, so at most the
      // block it was running (or about to start as the cancel came) comes back after it. A worker that
      // ignored the cancel sent 12 back here (refused once the new run's scenario was loaded).
      const late = await page.evaluate((id) => window.__starts.filter(([run, at]) => run === id && at > window.__cancelledAt[id]).length, before[0]);
      check(late <= 1, "the cancelled run's queued blocks never start in the worker", `${late} came back after the cancel`);
      const s = await state(page);
      check(s.preset === 'rofr-2025', 'the edit took');
      sameAsCli(check, '1 worker, rofr-2025 after a cancelled run', s.mc, 'rofr-2025');
    }
    check(errors.length === 0, `${n} worker(s): no console errors`, errors.join('\n'));
    await page.context().close();
  }

  // An edit while the Story's runs (background) keep the worker busy: the edit's run is posted in front of them.
  // Read from the pool's own order, not from clocks (a worker's and the page's differ by a few ms in Firefox):
  // once the edit's run is posted, no Story block is handed to a worker until the edit's last one is, and the
  // Story blocks still in the worker's queue then (the block in progress included; the worker runs its queue in
  // order) are all that run before the edit's. mc_pool.js queues a background run's blocks while less than
  // 2 × kBlockMs (24 ms) is queued, by its estimate of their time, so at most 24 ms plus one ~12 ms block:
  // 36 ms. (A count of blocks says less: a cheap era's blocks are short, and more of them fit.) With the
  // 150 ms queue other runs get, up to 150 ms could be.
  {
    const { page, errors } = await open(browser, server.url + '?workers=1');
    await page.waitForFunction(() => window.pactscope.stats().mc_trials_at === 'workers', null, { timeout: 60000 });
    await done(page);
    await page.evaluate(() => {
      const pool = window.PactScopePage.mcPool, shell = window.pactscopeShell, job = shell.mcJob;
      window.__handed = [];  // every block handed to a worker, in order: its run's id
      window.__posts = [];   // every run posted: where __handed stood, and the blocks then queued in the workers
      shell.mcJob = (id, text, trials, seed, background) => {
        window.__posts.push({ id, background: background === true, at: window.__handed.length,
          queued: pool.workers.reduce((n, w) => n + w.queued.length, 0), queuedMs: pool.workers.reduce((n, w) => n + w.queued.reduce((m, b) => m + b.ms, 0), 0) });
        job(id, text, trials, seed, background);
      };
      for (const w of pool.workers) {
        const post = w.worker.postMessage.bind(w.worker);
        w.worker.postMessage = (m, ...rest) => { if (m && m.type === 'block') window.__handed.push(m.id); return post(m, ...rest); };
      }
    });
    await click(page, 'tab:Story');
    await page.waitForFunction(() => window.PactScopePage.mcPool.blocks >= 2 && window.__handed.length >= 4, null, { timeout: 60000, polling: 5 });
    await page.evaluate(() => window.pactscope.preset('commitment-2025q4'));
    await done(page);
    await page.waitForFunction(() => { const v = window.pactscope.views().story; return v.eras.length > 0 && v.eras.every((e) => e.p50); },
      null, { timeout: 120000, polling: 100 });
    const t = await page.evaluate(() => ({ posts: window.__posts, handed: window.__handed }));
    const edit = t.posts.find((p) => !p.background);
    const story = new Set(t.posts.filter((p) => p.background).map((p) => p.id));
    const seq = edit ? t.handed.slice(edit.at) : [];
    const last = edit ? seq.lastIndexOf(edit.id) : -1;
    const storyBefore = seq.slice(0, Math.max(0, last)).filter((id) => story.has(id)).length;
    const storyAfter = seq.slice(last + 1).filter((id) => story.has(id)).length;
    check(edit && story.size >= 6 && last >= 0 && storyBefore === 0 && storyAfter > 0 && edit.queuedMs <= 36,
          "an edit while the Story runs goes first: no Story block is handed out before the edit's last, and at most ~36 ms of them were queued",
          `${storyBefore} Story blocks handed out meanwhile, ${storyAfter} after; ${edit && edit.queued} blocks (${edit && edit.queuedMs.toFixed(1)} ms) queued at the edit; ${story.size} Story runs`);
    sameAsCli(check, '1 worker, commitment-2025q4 edited while the Story ran', (await state(page)).mc, 'commitment-2025q4');
    check(errors.length === 0, 'an edit while the Story runs: no console errors', errors.join('\n'));
    await page.context().close();
  }

  // A worker that refuses a run's scenario (a fault: the app validated it) sends the trials back to the main
  // thread, which finishes every run from its first missing trial; stats() says why. A run the app never made,
  // with a scenario that does not read, stands in for the fault, posted while commitment-2025q4 is part done.
  {
    const { page, errors } = await open(browser, server.url + '?workers=1');
    await page.waitForFunction(() => window.pactscope.stats().mc_trials_at === 'workers', null, { timeout: 60000 });
    await page.evaluate(() => window.pactscope.preset('commitment-2025q4'));
    await page.waitForFunction(() => { const s = JSON.parse(window.pactscope.state());
      return s.preset === 'commitment-2025q4' && s.mc.trials_done > 0; }, null, { timeout: 60000, polling: 5 });
    await page.evaluate(() => window.pactscopeShell.mcJob(999999, '{"not": "a scenario"}', 100, '1'));
    await page.waitForFunction(() => window.pactscope.stats().mc_trials_at !== 'workers', null, { timeout: 30000, polling: 5 }).catch(() => {});
    const after = await page.evaluate(() => ({ stats: window.pactscope.stats(), mc: JSON.parse(window.pactscope.state()).mc }));
    check(after.stats.mc_workers === 0 && after.stats.mc_trials_at === 'main thread (slices)' &&
          /could not read the scenario of run 999999/.test(after.stats.mc_workers_note),
          'a worker refusing a scenario sends the trials to the main thread, and stats() says why', JSON.stringify(after.stats));
    check(after.mc.trials_done > 0 && after.mc.trials_done < after.mc.trials, 'the workers stopped with the run part done',
          `${after.mc.trials_done} of ${after.mc.trials}`);
    await done(page);
    sameAsCli(check, 'commitment-2025q4 finished in slices after the workers stopped', (await state(page)).mc, 'commitment-2025q4');
    // The Story's runs, opened now, run on the main thread (the workers are gone) with the same numbers.
    const before = (await page.evaluate(() => window.pactscope.stats())).mc_trials_main_thread;
    await click(page, 'tab:Story');
    const story = await page.waitForFunction(() => { const v = window.pactscope.views().story;
      return v.eras.length > 0 && v.eras.every((e) => e.p50) ? v : null; }, null, { timeout: 120000, polling: 100 }).then((h) => h.jsonValue());
    const here = (await page.evaluate(() => window.pactscope.stats())).mc_trials_main_thread - before;
    const era = story.eras.find((e) => e.preset === 'rofr-2025');
    const want = wasmSimulate('rofr-2025', story.trials, story.seed);
    check(here === story.trials * story.eras.length && era && era.p50.cost_usd === want.totals.cost_usd.p50,
          "without workers the Story's runs finish on the main thread, rofr-2025's median cost exactly the CLI's",
          `${here} trials here; ${era && era.p50.cost_usd} vs ${want.totals.cost_usd.p50}`);
    const unexpected = errors.filter((e) => !/could not read the scenario/.test(e));
    check(unexpected.length === 0, 'no other console error', unexpected.join('\n'));
    await page.context().close();
  }

  // Any static host: Python's http.server (no CSP header, no compression, no cross-origin-isolation headers)
  // serves the built folder. The page is not cross-origin isolated, and without ?workers it starts
  // max(1, min(hardwareConcurrency − 1, 8)) workers: this machine's count, then 1, 4 and 16 cores stood in by an
  // init script (1, 3 and 8 workers). With 8, the numbers are still exactly the CLI's.
  {
    const plain = await servePlain();
    try {
      for (const cores of [null, 1, 4, 16]) {
        const context = await newContext(browser);
        if (cores) await context.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), cores);
        const { page, errors } = await openIn(context, plain.url);
        await page.waitForFunction(() => window.pactscope.stats().mc_trials_at !== 'starting', null, { timeout: 60000 });
        const seen = await page.evaluate(() => ({ stats: window.pactscope.stats(), isolated: window.crossOriginIsolated, hc: navigator.hardwareConcurrency }));
        const want = Math.max(1, Math.min(seen.hc - 1, 8));
        const label = `a plain static host, ${cores ? cores + ' cores stood in' : 'this machine (' + seen.hc + ' cores)'}`;
        check(seen.isolated === false && seen.stats.mc_trials_at === 'workers' && seen.stats.mc_workers === want,
              `${label}: not cross-origin isolated, and ${want} worker(s) run the trials`, JSON.stringify(seen));
        if (cores === 16) {
          await page.evaluate(() => window.pactscope.preset('rofr-2025'));
          await done(page);
          sameAsCli(check, `${label}, rofr-2025 in ${want} workers`, (await state(page)).mc, 'rofr-2025');
          const here = await page.evaluate(() => window.pactscope.stats().mc_trials_main_thread);
          check(here === 0, `${label}: no trial ran on the main thread`, `${here}`);
        }
        check(errors.length === 0, `${label}: no console errors`, errors.join('\n'));
        await context.close();
      }
    } finally {
      plain.stop();
    }
  }

  // ?workers= that is not a whole number is not taken for one: the default runs, and the note says why; above 16,
  // 16 start, and the note says so.
  const notNumber = (t) => new RegExp(`workers=${t} in the address is not a whole number of workers from 0 to 16: the default \\d+ started`);
  for (const [asked, wantNote] of [['abc', notNumber('abc')], ['1.5', notNumber('1\\.5')], ['', notNumber('')],
                                   ['64', /workers=64 in the address: at most 16 start/]]) {
    const { page, errors } = await open(browser, server.url + '?workers=' + asked);
    await page.waitForFunction(() => window.pactscope.stats().mc_trials_at !== 'starting', null, { timeout: 60000 });
    const seen = await page.evaluate(() => ({ stats: window.pactscope.stats(), hc: navigator.hardwareConcurrency }));
    const want = asked === '64' ? 16 : Math.max(1, Math.min(seen.hc - 1, 8));
    check(seen.stats.mc_workers === want && wantNote.test(seen.stats.mc_workers_note),
          `?workers=${asked}: ${want} workers start, and the note says why`, JSON.stringify(seen.stats));
    check(errors.length === 0, `?workers=${asked}: no console errors`, errors.join('\n'));
    await page.context().close();
  }

  // No workers: slices on the main thread, and stats() says so.
  const { page } = await open(browser, server.url + '?workers=0');
  await page.waitForFunction(() => window.pactscope.stats().mc_trials_at !== 'starting', null, { timeout: 60000 });
  const stats = await page.evaluate(() => window.pactscope.stats());
  check(stats.mc_workers === 0 && stats.mc_trials_at === 'main thread (slices)' && /workers=0/.test(stats.mc_workers_note),
        'without workers the trials run in slices and stats() says why', JSON.stringify(stats));
  await page.evaluate(() => window.pactscope.preset('rofr-2025'));
  await done(page);
  sameAsCli(check, 'slices, rofr-2025', (await state(page)).mc, 'rofr-2025');
  const here = await page.evaluate(() => window.pactscope.stats().mc_trials_main_thread);
  check(here >= 10000, 'without workers, stats() counts the trials run on the main thread', `${here}`);
});
