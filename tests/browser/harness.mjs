// harness.mjs — what the browser tests share: serve the built app, open it in a browser, wait for
// the test hook, click named widgets, read PNG screenshots, run the native CLI.
// The browser is PACTSCOPE_BROWSER: `chromium` (default: Debian's headless Chromium through
// playwright-core) or `firefox` (Debian's Firefox ESR through puppeteer-core over WebDriver BiDi,
// under `xvfb-run -a`; firefox.mjs gives it the same API). Neither driver downloads a browser.
import { spawn, execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const BROWSER = process.env.PACTSCOPE_BROWSER || 'chromium';
if (!['chromium', 'firefox'].includes(BROWSER)) throw new Error(`PACTSCOPE_BROWSER=${BROWSER}: want chromium or firefox`);

export const ROOT = new URL('../../', import.meta.url).pathname;
export const WEB = ROOT + 'build/wasm/web';
export const CLI = ROOT + 'build/native/pactscope';

// Starts a server process that prints its loopback port once listening; resolves to { url, stop }.
// `stderr`: 'inherit', or 'ignore' for a server that logs every request there.
function startServer(command, args, portPattern, stderr = 'inherit') {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', stderr] });
    child.stdout.on('data', (d) => {
      const m = portPattern.exec(String(d));
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}/`, stop: () => child.kill() });
    });
    child.on('error', reject);  // the command is missing: the suite's run fails with the reason
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code}`)));
  });
}

// web/server/serve.mjs on a free port.
export const serve = () => startServer('node', [ROOT + 'web/server/serve.mjs', WEB, '--port', '0'], /http:\/\/127\.0\.0\.1:(\d+)\//);
// The built folder from a plain static host, Python's http.server (no CSP, no compression, no cross-origin
// isolation headers), on a free loopback port.
export const servePlain = () =>
  startServer('/usr/bin/python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', WEB], /port (\d+)/, 'ignore');

// Runs one browser suite: serves the app, launches the browser (unless `browser: false`), gives the
// body { server, browser, check, skip }, counts the checks (a throw in the body is a failed check),
// closes everything, prints "NAME: N passed, M failed[, K skipped]" and exits non-zero on any failure.
// skip(what, reason) counts a check that this browser cannot make, and says why.
export async function runSuite(name, body, { browser: wantBrowser = true } = {}) {
  let passed = 0, failed = 0, skipped = 0;
  const check = (ok, what, detail = '') => {
    if (ok) { passed++; console.log('  ok   ' + what); }
    else { failed++; console.log('  FAIL ' + what + (detail ? ': ' + detail : '')); }
  };
  const skip = (what, reason) => { skipped++; console.log(`  SKIP ${what}: ${reason}`); };
  const started = Date.now();
  const server = await serve();
  let browser = null;
  try {
    if (wantBrowser) {
      browser = await launch();
      name += ` (${BROWSER})`;
    }
    await body({ server, browser, check, skip });
  } catch (e) {
    check(false, name + ' run', e.stack || String(e));
  } finally {
    if (browser) await browser.close().catch((e) => check(false, 'the browser closes', String(e)));
    server.stop();
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`${name}: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
  process.exit(failed ? 1 : 0);
}

// The browser named by PACTSCOPE_BROWSER. `args`: Chromium's extra command-line switches.
export async function launch(options = {}) {
  if (BROWSER === 'firefox') return (await import('./firefox.mjs')).launchFirefox(options);
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(options.args || [])],
  });
}

// Opens the app in a new browser context (fresh storage); resolves to { page, errors, context } once
// window.pactscope.ready. `tour: false` marks the first-run tour as seen, so it does not cover the app.
export async function open(browser, url, options = {}) {
  return openIn(await newContext(browser, options), url);
}

// A fresh browser context (its own storage). `tour: false` marks the first-run tour as seen.
export async function newContext(browser, { width = 1400, height = 900, deviceScaleFactor = 1, tour = false, hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, hasTouch });
  if (!tour) await context.addInitScript(() => { try { localStorage.setItem('pactscope.tour.v1', 'done'); } catch (_) { /* opaque origin */ } });
  return context;
}

// Opens the app in an existing context (its storage: autosave, tour); resolves to { page, errors, context }.
export async function openIn(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('pageerror', (e) => errors.push('page: ' + e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.pactscope && window.pactscope.ready === true, null, { timeout: 60000 });
  return { page, errors, context };
}

export const frames = (page, n = 3) => page.evaluate((k) => new Promise((done) => {
  const step = () => (k-- <= 0 ? done() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);

export async function items(page) { return page.evaluate(() => window.pactscope.items()); }
export async function state(page) { return JSON.parse(await page.evaluate(() => window.pactscope.state())); }

// Clicks the centre of a named widget with the real mouse (scrolling its panel to it first).
export async function click(page, name) {
  const r = await reveal(page, name);  // scrolled into view first
  // Move, press and release on separate frames, as a hand does (a press and release inside one
  // animation frame can reach ImGui before the pointer position does).
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
  return r;
}

// Drags a number field horizontally with the real mouse, over several frames, as a hand does.
// `at`: where along the field to press (an "a to b" interval: 0.25 is its low end).
export async function drag(page, name, dx, at = 0.5) {
  const r = await reveal(page, name);
  const x = r.x + r.w * at, y = r.y + r.h / 2;
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) { await page.mouse.move(x + (dx * i) / 6, y); await frames(page, 2); }
  await page.mouse.up();
  await frames(page, 3);
}
// Scrolls the panel under a widget with the wheel until the widget is on screen; returns its rectangle.
// A widget inside a sideways-scrolling table is not reported while the table is off screen: then the
// left panel (the scenario editor) is scrolled down until it appears.
export async function reveal(page, name) {
  const height = page.viewportSize().height;
  for (let i = 0; i < 30; i++) {
    const r = (await items(page))[name];
    if (r && r.y > 40 && r.y + r.h < height - 10) return r;
    if (r) await page.mouse.move(r.x + 5, height / 2);
    else if (i >= 20) throw new Error('no widget named ' + name);
    else await page.mouse.move(120, height / 2);
    await page.mouse.wheel(0, !r || r.y > 40 ? 150 : -150);
    await frames(page, 3);
  }
  throw new Error(name + ' could not be scrolled into view');
}
export function cli(...args) { return execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 << 20 }); }

// Relative comparison of two numbers (MODEL §7: 1e-9), with an absolute floor for zero.
export function close(a, b, rel = 1e-9) {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

// Decodes an 8-bit RGB/RGBA PNG (what Chromium writes) into { width, height, channels, pixels }.
export function decodePng(buf) {
  let off = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off), type = buf.toString('ascii', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); colorType = data[9]; if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG'); }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error('unsupported PNG colour type ' + colorType);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels, pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      pixels[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, pixels };
}

// How much a screenshot shows: distinct colours (quantised) and the share of pixels that differ from the most common one.
export function inkStats(png) {
  const counts = new Map();
  const { pixels, channels } = png;
  for (let i = 0; i < pixels.length; i += channels) {
    const key = ((pixels[i] >> 3) << 10) | ((pixels[i + 1] >> 3) << 5) | (pixels[i + 2] >> 3);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const total = pixels.length / channels;
  const background = Math.max(...counts.values());
  return { colours: counts.size, inked: 1 - background / total };
}

// RFC 4180 rows (quoted fields with "" for a quote).
// The words of an SVG slide in reading order: every <text> element sorted top to bottom, then left to right (a
// chart's note is written bottom up, so file order is not reading order), entities decoded, joined with spaces.
export function svgWords(svg) {
  const decode = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...(svg || '').matchAll(/<text x="([-\d.e]+)" y="([-\d.e]+)"[^>]*>([^<]*)<\/text>/g)]
    .map((m) => ({ x: Number(m[1]), y: Number(m[2]), t: decode(m[3]) }))
    .sort((a, b) => a.y - b.y || a.x - b.x).map((e) => e.t).join(' ');
}

export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
