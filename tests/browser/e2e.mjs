// e2e.mjs — the page as a user and as the CLI see it (issue #4), in headless Chromium.
//   - loads with no console errors and becomes ready; a screenshot of every main view is non-blank
//   - every preset's deterministic totals in the browser equal the CLI's `run`
//   - a real mouse click on the preset picker changes the scenario
//   - load() of an invalid scenario returns the errors and keeps the previous scenario
//   - the in-page Monte Carlo completes and its P50s equal the CLI's `simulate` (same seed and trials)
// Screenshots land in build/wasm/web-test/. Exit code 0 when every check passes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ROOT, runSuite, open, frames, items, state, click, cli, close, decodePng, inkStats } from './harness.mjs';

const OUT = ROOT + 'build/wasm/web-test/';
mkdirSync(OUT, { recursive: true });

await runSuite('browser e2e', async ({ server, browser, check }) => {
  const { page, errors } = await open(browser, server.url);
  check(true, 'page became ready');

  // ---- every main view, screenshotted and checked to show something -------------------------------
  for (const view of ['Overview', 'Capacity & power', 'Uncertainty', 'Money', 'Compare', 'Sweep']) {
    await click(page, 'tab:' + view);
    if (view === 'Compare') {
      await click(page, 'pin');
      await page.evaluate(() => window.pactscope.preset('open-2026'));
      await page.waitForFunction(() => { const s = JSON.parse(window.pactscope.state());
        return s.mc.trials_done === s.mc.trials && s.pinned.every((p) => p.trials_done === p.trials); }, null, { timeout: 60000 });
    }
    if (view === 'Uncertainty') await page.waitForFunction(() => JSON.parse(window.pactscope.state()).mc.trials_done > 500, null, { timeout: 30000 });
    await frames(page, 5);
    const file = OUT + view.toLowerCase().replace(/[^a-z]+/g, '-') + '.png';
    const png = await page.screenshot({ path: file });
    const ink = inkStats(decodePng(png));
    check(ink.colours > 40 && ink.inked > 0.15, `screenshot of ${view} is not blank`, JSON.stringify(ink));
    // A crash shows the error overlay over a screen that is not blank: the overlay must stay hidden.
    const crash = await page.evaluate(() => document.getElementById('overlay').hidden ? '' : document.getElementById('overlay-message').textContent);
    check(crash === '', `${view} draws without stopping the app`, crash);
  }

  // ---- parity: browser deterministic totals == CLI run, for every preset --------------------------
  const presets = cli('presets').split('\n').filter((l) => /^[a-z0-9-]+ {2}/.test(l)).map((l) => l.split(' ')[0]);
  check(presets.length >= 6, 'the CLI lists the presets', presets.join(' '));
  for (const id of presets) {
    const ok = await page.evaluate((p) => window.pactscope.preset(p), id);
    await frames(page, 2);
    const browserTotals = (await state(page)).result.totals;
    const cliTotals = JSON.parse(cli('run', 'preset:' + id)).totals;
    const diffs = Object.keys(cliTotals).filter((k) => typeof cliTotals[k] === 'number' ? !close(browserTotals[k], cliTotals[k]) : browserTotals[k] !== cliTotals[k]);
    check(ok && diffs.length === 0, `preset ${id}: browser totals == CLI run`, diffs.map((k) => `${k} ${browserTotals[k]} vs ${cliTotals[k]}`).join('; '));
  }

  // ---- a real mouse click on the preset picker -----------------------------------------------------
  await page.evaluate(() => window.pactscope.preset('rofr-2025'));
  await frames(page, 3);
  const before = (await state(page)).scenario.name;
  await click(page, 'preset_combo');
  const listed = Object.keys(await items(page)).filter((k) => k.startsWith('preset:'));
  check(listed.length >= 6, 'the picker lists every preset', listed.join(' '));
  await click(page, 'preset:open-2026');
  const after = await state(page);
  check(after.preset === 'open-2026' && after.scenario.name !== before, 'clicking a preset changes the scenario', `${before} -> ${after.scenario.name}`);
  await page.screenshot({ path: OUT + 'after-preset-click.png' });

  // ---- load() of invalid scenarios keeps the previous one -------------------------------------------
  const kept = JSON.stringify((await state(page)).scenario);
  const bad = JSON.parse(readFileSync(ROOT + 'tests/corpus/bad/preset-with-three-errors.json', 'utf8'));
  const r1 = await page.evaluate((t) => window.pactscope.load(t), JSON.stringify(bad));
  check(r1.ok === false && r1.errors.length >= 3 && r1.errors.every((e) => typeof e.pointer === 'string' && e.message),
        'load() of an invalid scenario returns its errors with pointers', JSON.stringify(r1.errors.slice(0, 3)));
  const r2 = await page.evaluate(() => window.pactscope.load('{"schema": "pactscope/scenario@1", '));
  check(r2.ok === false && r2.errors.length >= 1, 'load() of malformed JSON returns an error', JSON.stringify(r2));
  await frames(page, 2);
  check(JSON.stringify((await state(page)).scenario) === kept, 'the previous scenario is kept after failed loads');
  await page.screenshot({ path: OUT + 'after-invalid-load.png' });

  // ---- Monte Carlo in the page == CLI simulate --------------------------------------------------------
  await page.evaluate(() => window.pactscope.preset('commitment-2025q4'));
  await page.waitForFunction(() => { const s = JSON.parse(window.pactscope.state()).mc; return s.trials_done === s.trials; }, null, { timeout: 60000 });
  const mc = (await state(page)).mc;
  const sim = JSON.parse(cli('simulate', 'preset:commitment-2025q4', '--trials', String(mc.trials), '--seed', String(mc.seed)));
  const off = Object.keys(sim.totals).filter((k) => !close(mc.totals[k].p50, sim.totals[k].p50));
  check(mc.trials === 10000 && off.length === 0, `in-page Monte Carlo (${mc.trials} trials) P50s == CLI simulate`,
        off.map((k) => `${k} ${mc.totals[k].p50} vs ${sim.totals[k].p50}`).join('; '));

  check(errors.length === 0, 'no console errors', errors.join(' | '));
  writeFileSync(OUT + 'state.json', await page.evaluate(() => window.pactscope.state()));
});
