// session.mjs — the page as a tool people keep open and pass around (issue #5), in headless Chromium:
//   - a malformed or invalid file chosen in the file picker shows its errors and keeps the scenario
//   - share link round trip; a reload restores the autosave; undo then redo (a whole drag = one step)
//   - text copied in an ImGui field reaches the page clipboard, pasted text reaches the field
//   - at devicePixelRatio 2 the backing store is 2x the CSS size and fonts are rasterised at 2x
//   - an idle page stops rendering (frame counter still for 2 s) and wakes on input
//   - downloads (scenario JSON, results CSV == CLI, samples CSV, chart PNG), touch taps, wheel,
//     number keys, the first-run tour, the About panel's sources, the shortcut sheet
//   - the stakeholder story: open a colleague's link, change two assumptions, undo one, download
//     the CSV and the chart, close the tab, come back and find the work there
// Screenshots land in build/wasm/web-test/. Exit code 0 when every check passes.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { ROOT, runSuite, open, openIn, frames, items, state, click, reveal, drag, cli, close, decodePng, inkStats } from './harness.mjs';

const OUT = ROOT + 'build/wasm/web-test/';
mkdirSync(OUT, { recursive: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const scenarioOf = async (page) => JSON.stringify((await state(page)).scenario);
// JSON with object keys sorted (the hook's state and the downloaded file order keys differently).
const canonical = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

async function openProviders(page) {
  await click(page, 'section:providers');
  await frames(page, 3);
  // Once in a CI run the providers list never appeared after the click (a section that was open closes on it, or a
  // click lost on a loaded machine): the section is toggled again before giving up.
  const found = await reveal(page, 'provider:azure').then(() => true, () => false);
  if (!found) {
    await click(page, 'section:providers');
    await frames(page, 3);
  }
  await click(page, 'provider:azure');
}
// Exports are written by the WASM module on the page's thread before the browser sees a download: the samples
// CSV of a 2025 preset (10,000 trials × ~190 inputs and figures, ~27 MB) takes several seconds of CPU, and
// minutes of wall time on a 2-core machine shared with other builds, so clicks and downloads wait up to 2 min.
const EXPORT_MS = 120000;
async function download(page, action) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: EXPORT_MS }), action()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}
async function menu(page, title, command) {
  await page.click(`.menu-button:text-is("${title}")`);
  await page.click(`.menu-list [data-command="${command}"]`, { timeout: EXPORT_MS });
}
const mcDone = (page) => page.waitForFunction(() => !window.pactscope.stats().mc_running, null, { timeout: 60000 });
// CSV text -> rows of cells (the app's CSV has no quoted commas in these files).
const rows = (text) => text.trim().split('\n').map((l) => l.split(','));

await runSuite('browser session', async ({ server, browser, check }) => {
  const origin = server.url.replace(/\/$/, '');
  const allErrors = [];
  // ---- files: the DOM file picker ------------------------------------------------------------------
  {
    const { page, errors } = await open(browser, server.url);
    allErrors.push(errors);
    const kept = await scenarioOf(page);
    const choose = async (name, buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#tool-open')]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer });
      await page.waitForFunction(() => !document.getElementById('toast').hidden, null, { timeout: 10000 });
      await frames(page, 3);
      return { toast: await page.textContent('#toast'), s: await state(page) };
    };
    const bad = await choose('broken.json', Buffer.from('{"schema": "pactscope/scenario@1", "providers": ['));
    check(JSON.stringify(bad.s.scenario) === kept && /broken\.json was not opened/.test(bad.toast) && bad.s.load_errors.includes('broken.json'),
      'a malformed file from the picker shows its error and keeps the scenario', bad.toast + ' | ' + bad.s.load_errors);
    const invalid = readFileSync(ROOT + 'tests/corpus/bad/preset-with-three-errors.json');
    await page.evaluate(() => { document.getElementById('toast').hidden = true; });
    const inv = await choose('three-errors.json', invalid);
    const listed = inv.s.load_errors.trim().split('\n');
    check(JSON.stringify(inv.s.scenario) === kept && /3 problems/.test(inv.toast) && listed.length === 3 && listed.every((l) => l.startsWith('three-errors.json') && l.includes('/')),
      'an invalid file from the picker lists its 3 errors (file, pointer, message) and keeps the scenario', inv.toast + ' | ' + listed.join(' | '));
    await page.screenshot({ path: OUT + 'file-errors.png' });
    const good = await choose('open-2026.json', readFileSync(ROOT + 'assets/presets/open-2026.json'));
    check(good.s.scenario.name !== JSON.parse(kept).name && good.s.load_errors === '' && /Opened open-2026\.json/.test(good.toast),
      'a valid file from the picker replaces the scenario', good.s.scenario.name);
    await page.keyboard.press('Control+z');
    await frames(page, 3);
    check(await scenarioOf(page) === kept, 'Ctrl+Z after opening a file returns to the previous scenario');
    await page.context().close();
  }

  // ---- undo/redo, clipboard, downloads, keys, wheel, idle --------------------------------------------
  {
    const { page, errors, context } = await open(browser, server.url);
    allErrors.push(errors);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await openProviders(page);
    const s0 = await scenarioOf(page);
    const steps0 = (await state(page)).history.undo;
    await drag(page, '/providers/0/capacity/0/mw', 80);
    const s1 = await scenarioOf(page);
    const h1 = (await state(page)).history;
    check(s1 !== s0 && h1.undo === steps0 + 1, 'a whole slider drag (12 frames) is one undo step',
      `MW ${JSON.parse(s0).providers[0].capacity[0].mw} -> ${JSON.parse(s1).providers[0].capacity[0].mw}, steps ${steps0} -> ${h1.undo}`);
    await page.keyboard.press('Control+z');
    await frames(page, 3);
    const afterUndo = await scenarioOf(page);
    await page.keyboard.press('Control+Shift+z');
    await frames(page, 3);
    const afterRedo = await scenarioOf(page);
    check(afterUndo === s0 && afterRedo === s1, 'Ctrl+Z returns the identical scenario, Ctrl+Shift+Z the edited one again');
    await menu(page, 'Edit', 'undo');
    await frames(page, 3);
    check(await scenarioOf(page) === s0, 'Edit > Undo (menu item) undoes too');
    await menu(page, 'Edit', 'redo');
    await frames(page, 3);
    check(await scenarioOf(page) === s1, 'Edit > Redo (menu item) redoes too');

    // Clipboard: copy from the scenario name field, then paste into it.
    const name = (await state(page)).scenario.name;
    await click(page, 'scenario_name');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await frames(page, 4);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    check(copied === name, 'text copied in an ImGui field reaches the page clipboard', JSON.stringify(copied));
    const pasted = 'Board deck: ROFR with a 20% Azure price rise';
    await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await frames(page, 3);
    await page.keyboard.press('Enter');
    await frames(page, 3);
    check((await state(page)).scenario.name === pasted, 'text pasted from the page clipboard reaches the ImGui field', (await state(page)).scenario.name);

    // Downloads.
    await mcDone(page);
    const json = await download(page, () => page.keyboard.press('Control+s'));
    check(json.name.endsWith('.json') && canonical(JSON.parse(json.bytes)) === canonical((await state(page)).scenario),
      'Ctrl+S downloads the scenario JSON', json.name);
    writeFileSync(OUT + 'downloaded-scenario.json', json.bytes);
    const csv = await download(page, () => page.click('.tools [data-command="download-results"]', { timeout: EXPORT_MS }));
    const cliCsv = rows(cli('run', OUT + 'downloaded-scenario.json', '--format', 'csv'));
    const pageCsv = rows(String(csv.bytes));
    const mismatched = cliCsv.length !== pageCsv.length ? ['rows ' + pageCsv.length + ' vs ' + cliCsv.length]
      : cliCsv.flatMap((r, i) => r.map((c, j) => [c, pageCsv[i][j], i, j])).filter(([a, b]) => (a === b ? false : !(a !== '' && b !== '' && close(Number(a), Number(b)))));
    check(mismatched.length === 0 && cliCsv.length > 10, `the downloaded results CSV (${pageCsv.length} rows) equals the CLI's run of the same scenario`, JSON.stringify(mismatched.slice(0, 3)));
    const samples = await download(page, () => menu(page, 'File', 'download-samples'));
    const trials = (await state(page)).mc.trials_done;
    check(rows(String(samples.bytes)).length === trials + 1, `the Monte Carlo samples CSV has a row per trial (${trials})`, samples.name);
    await click(page, 'tab:Uncertainty');
    await frames(page, 3);
    const png = await download(page, () => page.click('.tools [data-command="download-chart"]', { timeout: EXPORT_MS }));
    const img = decodePng(png.bytes);
    const ink = inkStats(img);
    writeFileSync(OUT + 'downloaded-chart.png', png.bytes);
    check(png.name.endsWith('.png') && img.width > 300 && img.height > 150 && ink.colours > 10 && ink.inked > 0.02,
      `the chart PNG download is a picture of a chart (${img.width}x${img.height}, ${png.name})`, JSON.stringify(ink));

    // Keys and the wheel.
    await page.keyboard.press('4');
    await frames(page, 3);
    check((await state(page)).tab === 'Money', 'number keys switch the result tab (4 = Money)', (await state(page)).tab);
    const before = (await items(page))['/providers/0/pue'];
    // The field may sit below the fold (a preset with many clauses): wheel over the panel where it is visible.
    await page.mouse.move(before.x, Math.min(before.y, page.viewportSize().height - 120));
    await page.mouse.wheel(0, 300);
    await frames(page, 4);
    const after = (await items(page))['/providers/0/pue'];
    check(after && after.y < before.y - 50, 'the mouse wheel scrolls the panel the right way (down moves content up)', `${before.y} -> ${after && after.y}`);
    await page.keyboard.press('F1');
    await frames(page, 2);
    check(await page.evaluate(() => document.getElementById('shortcuts').open), 'F1 opens the keyboard-shortcut sheet');
    await page.keyboard.press('Escape');

    // The idle gate: once the work is done, no frames without input; input wakes it.
    await page.waitForFunction(() => window.pactscope.stats().paused, null, { timeout: 10000 }).catch(() => {});
    const a = await page.evaluate(() => window.pactscope.stats());
    await sleep(2000);
    const b = await page.evaluate(() => window.pactscope.stats());
    check(a.paused && a.frames === b.frames && a.ticks === b.ticks, 'an idle page stops rendering: no frame in 2 s without input', `frames ${a.frames} -> ${b.frames}, loop callbacks ${a.ticks} -> ${b.ticks}`);
    await page.mouse.move(500, 500);
    await page.mouse.move(520, 510);
    await sleep(300);
    const c = await page.evaluate(() => window.pactscope.stats());
    check(c.frames > b.frames, 'input wakes the idle page', `frames ${b.frames} -> ${c.frames}`);
    await context.close();
  }

  // ---- HiDPI ------------------------------------------------------------------------------------
  {
    const { page, errors, context } = await open(browser, server.url, { deviceScaleFactor: 2 });
    allErrors.push(errors);
    await mcDone(page);
    await page.mouse.move(300, 300);
    await frames(page, 4);
    const c = await page.evaluate(() => { const e = document.getElementById('canvas'); return { w: e.width, h: e.height, cw: e.clientWidth, ch: e.clientHeight }; });
    const st = await page.evaluate(() => window.pactscope.stats());
    const shot = await page.screenshot({ path: OUT + 'dpr2.png' });
    const img = decodePng(shot);
    check(c.w === 2 * c.cw && c.h === 2 * c.ch && img.width === 2 * c.cw, `at devicePixelRatio 2 the canvas backing store is 2x its CSS size (${c.w}x${c.h} for ${c.cw}x${c.ch})`);
    check(st.pixel_ratio === 2 && st.font_texel_px === 30, 'fonts are rasterised at the pixel ratio (15 px text at 30 texels)', JSON.stringify(st));
    await page.screenshot({ path: OUT + 'dpr2-detail.png', clip: { x: 0, y: 0, width: 640, height: 360 } });
    // The window shrinks: the canvas and the layout follow (the last tab still fits on screen).
    await page.setViewportSize({ width: 1000, height: 700 });
    await sleep(300);
    await frames(page, 4);
    const small = await page.evaluate(() => { const e = document.getElementById('canvas'); return { w: e.width, cw: e.clientWidth, h: e.height, ch: e.clientHeight }; });
    const sweepTab = (await items(page))['tab:Sweep'];
    check(small.cw === 1000 && small.w === 2000 && small.h === 2 * small.ch && sweepTab && sweepTab.x + sweepTab.w <= 1000,
      'a window resize resizes the canvas (still 2x) and the layout follows', JSON.stringify({ ...small, sweepTab }));
    await context.close();
  }

  // ---- touch ------------------------------------------------------------------------------------
  {
    const { page, errors, context } = await open(browser, server.url, { hasTouch: true });
    allErrors.push(errors);
    const r = (await items(page))['tab:Money'];
    await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
    await frames(page, 6);
    check((await state(page)).tab === 'Money', 'a touch tap on a tab selects it', (await state(page)).tab);
    await context.close();
  }

  // ---- first run: the tour; help: About ---------------------------------------------------------
  {
    const { page, errors, context } = await open(browser, server.url, { tour: true });
    allErrors.push(errors);
    const first = await page.evaluate(() => ({ shown: !document.getElementById('tour').hidden, step: document.getElementById('tour-step').textContent,
      spot: document.getElementById('tour-spot').getBoundingClientRect().width }));
    await page.screenshot({ path: OUT + 'tour.png' });
    check(first.shown && first.step === 'Step 1 of 3' && first.spot > 20, 'the first run shows a three-step tour pointing at the screen', JSON.stringify(first));
    await page.click('#tour-next');
    await page.click('#tour-next');
    const last = await page.textContent('#tour-step');
    await page.click('#tour-next');
    const closed = await page.evaluate(() => document.getElementById('tour').hidden);
    await page.reload();
    await page.waitForFunction(() => window.pactscope && window.pactscope.ready === true, null, { timeout: 60000 });
    const again = await page.evaluate(() => !document.getElementById('tour').hidden);
    check(last === 'Step 3 of 3' && closed && !again, 'the tour ends after step 3 and is not shown on the next visit');

    await menu(page, 'Help', 'about');
    const listed = await page.$$eval('#about-sources li', (lis) => lis.map((li) => ({ date: li.querySelector('.date').textContent, id: li.querySelector('code').textContent })));
    const ids = new Set();
    for (const f of readdirSync(ROOT + 'assets/presets')) for (const s of JSON.parse(readFileSync(ROOT + 'assets/presets/' + f)).sources || []) ids.add(s.id);
    const dated = listed.filter((s) => /^\d{4}(-\d\d){0,2}$/.test(s.date));
    check(listed.length === ids.size && dated.length === listed.length && [...ids].every((id) => listed.some((s) => s.id === id)),
      `the About panel lists every preset source with its date (${listed.length})`, JSON.stringify(listed.filter((s) => !/^\d{4}/.test(s.date))));
    await page.screenshot({ path: OUT + 'about.png' });
    await context.close();
  }

  // ---- share link, autosave, and the stakeholder story --------------------------------------------
  {
    // The colleague: open-2026 with a changed Azure price, shared by link.
    const colleague = await open(browser, server.url);
    allErrors.push(colleague.errors);
    const cp = colleague.page;
    await colleague.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await cp.evaluate(() => window.pactscope.preset('open-2026'));
    await frames(cp, 3);
    await openProviders(cp);
    await drag(cp, '/providers/0/capacity/0/mw', -60);
    const shared = await scenarioOf(cp);
    await cp.click('.tools [data-command="share"]');
    await cp.waitForFunction(() => /copied/.test(document.getElementById('toast').textContent), null, { timeout: 10000 });
    const link = await cp.evaluate(() => navigator.clipboard.readText());
    check(link.startsWith(server.url + '#s=v1.') && /^[A-Za-z0-9_-]+$/.test(link.split('#s=v1.')[1]),
      `"Share link" copies #s=v1.<base64url> (${link.length} characters)`, link.slice(0, 80));
    await colleague.context.close();

    // The stakeholder: has own work autosaved, opens the link.
    const me = await open(browser, server.url);
    allErrors.push(me.errors);
    await me.page.evaluate(() => window.pactscope.preset('commitment-2025q4'));
    await sleep(700);  // the autosave is debounced
    const mine = await scenarioOf(me.page);
    await me.page.close();
    const viaLink = await openIn(me.context, link);
    allErrors.push(viaLink.errors);
    const page = viaLink.page;
    const opened = await scenarioOf(page);
    const url = await page.evaluate(() => location.href);
    check(opened === shared && opened !== mine, 'opening the share link restores the identical scenario');
    check(!url.includes('#'), 'the link is dropped from the address bar after opening (a reload keeps later edits)', url);
    // Change two assumptions, undo one.
    await openProviders(page);
    await drag(page, '/providers/0/price_usd_per_h100e_hour', 50, 0.25);  // the price's low end
    const oneEdit = await scenarioOf(page);
    await drag(page, '/providers/0/capacity/0/mw', 40);
    const twoEdits = await scenarioOf(page);
    await page.keyboard.press('Control+z');
    await frames(page, 3);
    const work = await scenarioOf(page);
    const azure = (t) => { const p = JSON.parse(t).providers[0]; return `${p.price_usd_per_h100e_hour}/${p.capacity[0].mw}`; };
    check(oneEdit !== opened && twoEdits !== oneEdit && work === oneEdit, 'two edits, then one undo, leaves the first edit',
      [opened, oneEdit, twoEdits, work].map(azure).join(' -> '));
    await mcDone(page);
    const csv = await download(page, () => page.click('.tools [data-command="download-results"]', { timeout: EXPORT_MS }));
    const png = await download(page, () => page.click('.tools [data-command="download-chart"]', { timeout: EXPORT_MS }));
    check(csv.bytes.length > 1000 && decodePng(png.bytes).width > 300, `the CSV (${csv.name}) and the chart (${png.name}) download`);
    await sleep(700);
    await page.close();
    const back = await openIn(me.context, server.url);
    allErrors.push(back.errors);
    check(await scenarioOf(back.page) === work, 'closing the tab and coming back finds the work (autosave)');
    await back.page.reload();
    await back.page.waitForFunction(() => window.pactscope && window.pactscope.ready === true, null, { timeout: 60000 });
    check(await scenarioOf(back.page) === work, 'a reload restores the autosave');
    // Undo after opening the link went back to the stakeholder's own earlier work.
    const fresh = await openIn(me.context, link);
    allErrors.push(fresh.errors);
    await fresh.page.focus('#canvas');
    await fresh.page.keyboard.press('Control+z');
    await frames(fresh.page, 3);
    check(await scenarioOf(fresh.page) === work, 'after opening a link, Ctrl+Z returns to the autosaved work');
    await me.context.close();
  }

  const errs = allErrors.flat();
  check(errs.length === 0, 'no console errors', errs.join(' | '));
});
