// faults.mjs — hostile input and faults in the page (issue #6), in headless Chromium:
//   - share links: oversize, corrupt base64url, corrupt deflate, a decompression bomb, an invalid
//     scenario — each refused with a message, the work kept, the page alive
//   - localStorage full: a visible warning, the old autosave kept
//   - a corrupt autosave: a clean start with a warning, the record kept, no crash loop
//   - a crash (forced abort through the test hook): the overlay, the last scenario downloadable,
//     and the next start in that tab is in safe mode (autosave kept, not reloaded)
//   - two tabs editing: each is told, neither version is lost
//   - WebGL unavailable: a clear message instead of a blank page
import { readFileSync, readdirSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { runSuite, newContext, openIn, frames, state } from './harness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const AUTOSAVE = 'pactscope.autosave.v1';
const scenarioOf = async (page) => JSON.stringify((await state(page)).scenario);
const toast = (page) => page.evaluate(() => (document.getElementById('toast').hidden ? '' : document.getElementById('toast').textContent));
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const linkOf = (text) => '#s=v1.' + deflateRawSync(Buffer.from(text)).toString('base64url');
const waitReady = (page) => page.waitForFunction(() => window.pactscope && window.pactscope.ready === true, null, { timeout: 60000 });

await runSuite('browser faults', async ({ server, browser, check }) => {
  const allErrors = [];
  // ---- hostile share links ---------------------------------------------------------------------
  {
    const context = await newContext(browser);
    const first = await openIn(context, server.url);
    await first.page.evaluate(() => window.pactscope.preset('commitment-2025q4'));
    await sleep(700);  // autosaved
    const mine = await scenarioOf(first.page);
    await first.page.close();
    const preset = readFileSync(new URL('../../assets/presets/open-2026.json', import.meta.url), 'utf8');
    const bomb = '#s=v1.' + deflateRawSync(Buffer.alloc(20 << 20, 0x20)).toString('base64url');  // 20 MB of spaces
    const invalid = JSON.parse(preset);
    invalid.providers[0].pue = 0.2;
    const cases = [
      ['an oversize link', '#s=v1.' + 'A'.repeat(70000), /at most 65536/],
      ['a link that is not base64url', '#s=v1.%%%%', /not base64url/],
      ['a link whose data is cut off', linkOf(preset).slice(0, 200), /ends early|corrupt/],
      ['a decompression bomb (' + bomb.length + ' characters inflating to 20 MB)', bomb, /larger than 4194304 bytes/],
      ['a link of another version', '#s=v9.AAAA', /version 1/],
      ['a link with an invalid scenario', linkOf(JSON.stringify(invalid)), /1 problem/],
    ];
    for (const [what, hash, expected] of cases) {
      const t = await openIn(context, server.url + hash);
      allErrors.push(t.errors);
      await t.page.waitForFunction(() => !document.getElementById('toast').hidden, null, { timeout: 10000 }).catch(() => {});
      const message = await toast(t.page);
      const kept = await scenarioOf(t.page);
      const alive = (await t.page.evaluate(() => window.pactscope.stats())).frames > 0;
      check(expected.test(message) && kept === mine && alive, `${what}: refused with a message, the autosaved work kept, the page alive`, message);
      await t.page.close();
    }
    await context.close();
  }

  // ---- hostile files through the real file picker -----------------------------------------------------
  {
    const context = await newContext(browser);
    const t = await openIn(context, server.url);
    allErrors.push(t.errors);
    const kept = await scenarioOf(t.page);
    const bad = new URL('../../tests/corpus/bad/', import.meta.url).pathname;
    const files = readdirSync(bad).map((f) => [f, readFileSync(bad + f)]);
    files.push(['deep-100000.json', Buffer.from('['.repeat(100000))]);
    files.push(['wide-200000.json', Buffer.from('{"a":[' + '0,'.repeat(200000) + '0]}')]);
    files.push(['nested-duplicates.json', readFileSync(new URL('../../tests/fuzz/regressions/scenario/nested-duplicate-keys.json', import.meta.url))]);
    files.push(['huge-17MB.json', Buffer.alloc(17 << 20, 0x20)]);
    let refused = 0;
    const notes = [];
    for (const [name, buffer] of files) {
      await t.page.evaluate(() => { document.getElementById('toast').hidden = true; });
      const [chooser] = await Promise.all([t.page.waitForEvent('filechooser'), t.page.click('#tool-open')]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer });
      await t.page.waitForFunction(() => !document.getElementById('toast').hidden, null, { timeout: 20000 });
      const message = await toast(t.page);
      if (message.includes(name + ' was not opened') && (await scenarioOf(t.page)) === kept) refused++;
      else notes.push(name + ': ' + message);
    }
    const alive = (await t.page.evaluate(() => window.pactscope.stats())).frames > 0;
    check(refused === files.length && alive, `${files.length} hostile files (the bad corpus, 100,000-deep, 200,000-wide, nested duplicates, 17 MB) are refused and the scenario kept`, notes.join(' | '));
    await context.close();
  }

  // ---- storage full ------------------------------------------------------------------------------
  {
    const context = await newContext(browser);
    // Throws like a full quota, once window.fillStorage is set (after the first autosave).
    await context.addInitScript(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (window.fillStorage && this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    const t = await openIn(context, server.url);
    allErrors.push(t.errors);
    await t.page.evaluate(() => window.pactscope.preset('open-2026'));
    await sleep(700);
    const before = await stored(t.page, AUTOSAVE);
    await t.page.evaluate(() => { window.fillStorage = true; window.pactscope.preset('exclusive-2019'); });
    await sleep(800);
    const message = await toast(t.page);
    const header = await t.page.textContent('#save-state');
    check(/Autosave failed \(QuotaExceededError\)/.test(message) && header === 'Not saved' && (await stored(t.page, AUTOSAVE)) === before && before,
      'storage full: a visible warning, "Not saved" in the header, the previous autosave kept', message);
    await context.close();
  }

  // ---- corrupt autosave ------------------------------------------------------------------------------
  {
    const context = await newContext(browser);
    const t = await openIn(context, server.url);
    const corrupt = '{"saved_at":"2026-01-01","scenario":"{\\"schema\\": \\"pactscope/scenario@1\\", \\"providers\\": ['; // cut off
    await t.page.evaluate(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE, corrupt]);
    await t.page.reload();
    await waitReady(t.page);
    allErrors.push(t.errors);
    const message = await toast(t.page);
    const s = await state(t.page);
    const kept = await stored(t.page, AUTOSAVE + '.unreadable');
    check(/could not be restored/.test(message) && s.preset === 'rofr-2025' && kept === corrupt,
      'a corrupt autosave: a clean start with the default preset, a warning, the record kept', message);
    await t.page.reload();
    await waitReady(t.page);
    check((await toast(t.page)) === '' && (await state(t.page)).preset === 'rofr-2025', 'and the next start is normal (no loop)');
    await context.close();
  }

  // ---- a crash: overlay, download, safe mode ------------------------------------------------------------
  {
    const context = await newContext(browser);
    const t = await openIn(context, server.url);
    await t.page.evaluate(() => window.pactscope.preset('oci-waiver-2024'));
    await sleep(700);
    const last = await t.page.evaluate(() => window.pactscope.scenario());
    await t.page.evaluate(() => { try { window.pactscope.abortForTest(); } catch (_) { /* the abort surfaces as an exception here */ } });
    await t.page.waitForFunction(() => !document.getElementById('overlay').hidden, null, { timeout: 10000 });
    const shown = await t.page.evaluate(() => ({ message: document.getElementById('overlay-message').textContent, download: !document.getElementById('overlay-download').hidden }));
    await t.page.screenshot({ path: new URL('../../build/wasm/web-test/crash-overlay.png', import.meta.url).pathname });
    const [d] = await Promise.all([t.page.waitForEvent('download'), t.page.click('#overlay-download')]);
    const saved = readFileSync(await d.path(), 'utf8');
    check(/stopped/.test(shown.message) && shown.download && saved === last && saved.includes('"name"'),
      'a forced abort shows the overlay and "Download my last scenario" saves the last valid scenario', shown.message.slice(0, 80));
    const autosave = await stored(t.page, AUTOSAVE);
    await t.page.click('#overlay-reload');
    await waitReady(t.page);
    const message = await toast(t.page);
    const safe = await t.page.evaluate(() => document.body.classList.contains('safe-mode'));
    check(safe && /Safe mode/.test(message) && (await state(t.page)).preset === 'rofr-2025' && (await stored(t.page, AUTOSAVE + '.before-safe-mode')) === autosave,
      'the reload after the crash starts in safe mode: the autosave kept, not reloaded', message);
    await t.page.click('.menu-button:text-is("File")');
    await t.page.click('.menu-list [data-command="open-kept"]');
    await frames(t.page, 3);
    check((await state(t.page)).scenario.name === JSON.parse(last).name, 'File > Open a kept autosave brings the work back');
    await context.close();
  }

  // ---- two tabs ---------------------------------------------------------------------------------------
  {
    const context = await newContext(browser);
    const a = await openIn(context, server.url);
    const b = await openIn(context, server.url);
    allErrors.push(a.errors, b.errors);
    // The tab being edited is the visible one (a hidden tab draws no frames, so it saves nothing).
    await a.page.bringToFront();
    await a.page.evaluate(() => window.pactscope.preset('open-2026'));
    await a.page.waitForFunction(() => /Saved/.test(document.getElementById('save-state').textContent), null, { timeout: 10000 });
    await b.page.bringToFront();
    await sleep(300);
    const toldB = await toast(b.page);
    const aRecord = await stored(b.page, AUTOSAVE);
    await b.page.evaluate(() => window.pactscope.preset('exclusive-forever'));
    await sleep(800);
    const toldB2 = await toast(b.page);
    const keptA = await stored(b.page, AUTOSAVE + '.other-tab');
    const now = JSON.parse(await stored(b.page, AUTOSAVE));
    check(/changed in another tab/.test(toldB), 'a tab is told when another tab saves the scenario', toldB);
    check(keptA === aRecord && JSON.parse(now.scenario).name !== JSON.parse(JSON.parse(aRecord).scenario).name && /kept/.test(toldB2),
      'when it then saves its own, the other tab\'s version is kept, not clobbered', toldB2);
    await context.close();
  }

  // ---- WebGL unavailable --------------------------------------------------------------------------------
  {
    const context = await newContext(browser);
    await context.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return /webgl/.test(type) ? null : get.call(this, type, ...rest); };
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => !document.getElementById('overlay').hidden, null, { timeout: 10000 });
    const message = await page.textContent('#overlay-message');
    await page.screenshot({ path: new URL('../../build/wasm/web-test/no-webgl.png', import.meta.url).pathname });
    check(/WebGL2 is not available/.test(message) && errors.length === 0, 'without WebGL the page says so clearly (no blank page, no error)', message);
    await context.close();
  }

  const errs = allErrors.flat().filter((e) => !/Failed to load resource/.test(e));
  check(errs.length === 0, 'no console errors', errs.join(' | '));
});
