// firefox.mjs — Debian's Firefox ESR for the browser suites, driven by npm puppeteer-core over
// WebDriver BiDi (never a downloaded browser), behind the same small API the suites use with
// playwright-core's Chromium: browser.newContext / context.newPage / page.mouse, keyboard, evaluate,
// waitForFunction, click(selector), waitForEvent('download' | 'filechooser')… (harness.mjs picks
// the browser from PACTSCOPE_BROWSER). Where the two drivers differ, this file carries it:
//   - keys: "Control+Shift+z" chords are pressed as modifiers down, the key, modifiers up
//   - the wheel: puppeteer takes { deltaX, deltaY }, at the mouse's position
//   - waitForFunction(fn, arg, options): puppeteer's order is (fn, options, ...args)
//   - selectors: playwright's `:text-is("File")` (exact text) is resolved in the page
//   - downloads: each context downloads into its own folder (BiDi browser.setDownloadBehavior);
//     waitForEvent('download') waits for the finished file there and moves it out, so the next
//     download of the same name keeps its name (Firefox would call it "name(1).csv")
//   - the file picker: BiDi's input.fileDialogOpened; setFiles({ name, buffer }) writes the
//     buffer to a file of that name first (BiDi input.setFiles takes paths)
//   - permissions: Firefox has no clipboard permission to grant (its PermissionName has no
//     clipboard-read/-write, and BiDi permissions.setPermission refuses them); the page's own
//     writes work with the user's recent activation, and reading back text that the same page
//     wrote needs no prompt — so grantPermissions for the clipboard is a no-op here
//   - each page is its own window: a background tab gets no animation frames, and the app
//     draws (and answers the test hook's waits) from requestAnimationFrame
// Firefox needs a display for WebGL2 (headless Firefox here has none): run under `xvfb-run -a`.
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function launchFirefox() {
  if (!process.env.DISPLAY) throw new Error('Firefox needs a display for WebGL2: run the suite under `xvfb-run -a` (headless Firefox has no WebGL2 here)');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: false,
    defaultViewport: null,
    extraPrefsFirefox: {
      'browser.download.alwaysOpenPanel': false,     // no downloads panel over the page
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.tabs.warnOnClose': false,
      'widget.gtk.overlay-scrollbars.enabled': true,
    },
  });
  return new FirefoxBrowser(browser);
}

class FirefoxBrowser {
  constructor(browser) { this.raw = browser; this.dir = mkdtempSync(join(tmpdir(), 'pactscope-firefox-')); this.pages = []; }
  async newContext({ viewport = { width: 1280, height: 720 }, deviceScaleFactor = 1, hasTouch = false } = {}) {
    const downloads = mkdtempSync(join(this.dir, 'downloads-'));
    const raw = await this.raw.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
    return new FirefoxContext(this, raw, { ...viewport, deviceScaleFactor, hasTouch }, downloads);
  }
  async close() {
    await this.raw.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
  version() { return this.raw.version(); }
}

class FirefoxContext {
  constructor(browser, raw, viewport, downloads) {
    this.browser_ = browser; this.raw = raw; this.viewport = viewport; this.downloads = downloads;
    this.initScripts = []; this.pages = [];
  }
  browser() { return this.browser_; }
  pages() { return [...this.pages]; }
  async addInitScript(fn, arg) {
    this.initScripts.push([fn, arg]);
    for (const p of this.pages) await p.raw.evaluateOnNewDocument(fn, arg);
  }
  // Firefox has no clipboard permission to grant (see the top of this file); any other permission
  // goes to BiDi permissions.setPermission.
  async grantPermissions(permissions, { origin } = {}) {
    const rest = permissions.filter((p) => !p.startsWith('clipboard-'));
    if (rest.length) await this.raw.overridePermissions(origin, rest);
  }
  async newPage() {
    const raw = await this.raw.newPage({ type: 'window' });
    const page = new FirefoxPage(this, raw);
    await page.setViewportSize({ width: this.viewport.width, height: this.viewport.height });
    for (const [fn, arg] of this.initScripts) await raw.evaluateOnNewDocument(fn, arg);
    this.pages.push(page);
    this.browser_.pages.push(page);
    return page;
  }
  async close() {
    for (const p of [...this.pages]) p.forget();
    await this.raw.close();
  }
}

// "Control+Shift+z" -> ['Control', 'Shift', 'z']; a lone "+" is the plus key.
const chord = (keys) => (keys === '+' ? ['+'] : keys.split(/\+(?!$)/).map((k) => (k === '' ? '+' : k)));

class FirefoxPage {
  constructor(context, raw) {
    this.context_ = context; this.raw = raw; this.size = null;
    const r = raw;
    this.mouse = {
      move: (x, y, o = {}) => r.mouse.move(x, y, { steps: o.steps }),
      down: (o = {}) => r.mouse.down({ button: o.button }),
      up: (o = {}) => r.mouse.up({ button: o.button }),
      click: (x, y, o = {}) => r.mouse.click(x, y, { button: o.button, count: o.clickCount, delay: o.delay }),
      dblclick: (x, y, o = {}) => r.mouse.click(x, y, { button: o.button, count: 2, delay: o.delay }),
      wheel: (dx, dy) => r.mouse.wheel({ deltaX: dx, deltaY: dy }),
    };
    this.keyboard = {
      down: (k) => r.keyboard.down(k),
      up: (k) => r.keyboard.up(k),
      type: (text, o = {}) => r.keyboard.type(text, { delay: o.delay }),
      insertText: async (text) => { for (const ch of text) await r.keyboard.sendCharacter(ch); },  // one character a call here
      press: async (keys, o = {}) => {
        const parts = chord(keys), key = parts.pop();
        for (const m of parts) await r.keyboard.down(m);
        await r.keyboard.press(key, { delay: o.delay });
        for (const m of parts.reverse()) await r.keyboard.up(m);
      },
    };
    this.touchscreen = { tap: (x, y) => r.touchscreen.tap(x, y) };
  }
  context() { return this.context_; }
  on(event, fn) { this.raw.on(event, fn); return this; }
  off(event, fn) { this.raw.off(event, fn); return this; }
  url() { return this.raw.url(); }
  title() { return this.raw.title(); }
  evaluate(fn, arg) { return this.raw.evaluate(fn, arg); }
  evaluateHandle(fn, arg) { return this.raw.evaluateHandle(fn, arg); }
  waitForFunction(fn, arg, { timeout = 30000, polling = 'raf' } = {}) {
    return this.raw.waitForFunction(fn, { timeout, polling }, arg);
  }
  waitForTimeout(ms) { return sleep(ms); }
  goto(url, o = {}) { return this.raw.goto(url, { timeout: o.timeout ?? 60000 }); }
  reload(o = {}) { return this.raw.reload({ timeout: o.timeout ?? 60000 }); }
  bringToFront() { return this.raw.bringToFront(); }
  async close() { this.forget(); await this.raw.close(); }
  forget() {
    for (const list of [this.context_.pages, this.context_.browser_.pages]) { const i = list.indexOf(this); if (i >= 0) list.splice(i, 1); }
  }
  viewportSize() { return this.size; }
  async setViewportSize({ width, height }) {
    const v = this.context_.viewport;
    await this.raw.setViewport({ width, height, deviceScaleFactor: v.deviceScaleFactor, hasTouch: v.hasTouch });
    this.size = { width, height };
  }
  async screenshot({ path, clip, fullPage = false } = {}) {
    const png = Buffer.from(await this.raw.screenshot({ clip, fullPage, captureBeyondViewport: false }));
    if (path) writeFileSync(path, png);
    return png;
  }
  // Playwright's selectors as these suites use them: CSS, optionally ending in :text-is("…").
  async element(selector, { timeout = 30000, visible = true } = {}) {
    const m = /^(.*):text-is\("((?:[^"\\]|\\.)*)"\)$/.exec(selector);
    const css = m ? m[1] : selector, text = m ? JSON.parse('"' + m[2] + '"') : null;
    const handle = await this.raw.waitForFunction((c, t, vis) => {
      for (const e of document.querySelectorAll(c)) {
        if (t !== null && e.textContent.trim() !== t) continue;
        if (vis && !(e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')) continue;
        return e;
      }
      return null;
    }, { timeout, polling: 'raf' }, css, text, visible);
    return handle.asElement();
  }
  async click(selector, o = {}) {
    const e = await this.element(selector, o);
    await e.click({ button: o.button, count: o.clickCount, delay: o.delay });
    await e.dispose();
  }
  async focus(selector) { const e = await this.element(selector, { visible: false }); await e.focus(); await e.dispose(); }
  async textContent(selector) { const e = await this.element(selector, { visible: false }); try { return await e.evaluate((n) => n.textContent); } finally { await e.dispose(); } }
  // For a report printed to PDF (BiDi browsingContext.print) or opened from its HTML.
  async pdf(options = {}) {
    const { path, ...rest } = options;
    const pdf = Buffer.from(await this.raw.pdf(rest));
    if (path) writeFileSync(path, pdf);
    return pdf;
  }
  // WebDriver BiDi has no media-type emulation (puppeteer's goes through CDP, which Firefox lacks);
  // pdf() prints with print media anyway.
  async emulateMedia() { throw new Error('Firefox over WebDriver BiDi cannot emulate a CSS media type (page.pdf() prints with print media regardless)'); }
  setContent(html, o = {}) { return this.raw.setContent(html, { timeout: o.timeout ?? 60000 }); }
  content() { return this.raw.content(); }
  async $$eval(selector, fn, arg) { return this.raw.$$eval(selector, fn, arg); }
  async $eval(selector, fn, arg) { return this.raw.$eval(selector, fn, arg); }
  // 'download': the next file that lands in this context's download folder; 'filechooser': the
  // next file dialog (BiDi input.fileDialogOpened); anything else: puppeteer's page event.
  async waitForEvent(event, o = {}) {
    const timeout = typeof o === 'number' ? o : (o.timeout ?? 30000);
    if (event === 'download') return this.nextDownload(timeout);
    if (event === 'filechooser') {
      const chooser = await this.raw.waitForFileChooser({ timeout });
      const dir = this.context_.browser_.dir;
      return {
        isMultiple: () => chooser.isMultiple(),
        setFiles: async (files) => {
          const paths = [];
          for (const f of [].concat(files)) {
            if (typeof f === 'string') { paths.push(f); continue; }
            const d = mkdtempSync(join(dir, 'upload-'));
            writeFileSync(join(d, f.name), f.buffer);
            paths.push(join(d, f.name));
          }
          await chooser.accept(paths);
        },
      };
    }
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => { this.raw.off(event, on); reject(new Error(`no ${event} event in ${timeout} ms`)); }, timeout);
      const on = (v) => { clearTimeout(t); this.raw.off(event, on); resolve(v); };
      this.raw.on(event, on);
    });
  }
  async nextDownload(timeout) {
    const folder = this.context_.downloads;
    const before = new Set(readdirSync(folder));
    const end = Date.now() + timeout;
    let last = '';
    while (Date.now() < end) {
      await sleep(50);
      const names = readdirSync(folder);
      const fresh = names.filter((n) => !before.has(n) && !n.endsWith('.part'));
      if (fresh.length && !names.some((n) => n.endsWith('.part'))) {
        const name = fresh[0], size = statSync(join(folder, name)).size;
        const key = name + ':' + size;
        if (key === last) {  // unchanged over one poll: written
          const keep = mkdtempSync(join(this.context_.browser_.dir, 'download-'));
          renameSync(join(folder, name), join(keep, name));
          return { suggestedFilename: () => name, path: async () => join(keep, name) };
        }
        last = key;
      }
    }
    throw new Error(`no download finished in ${timeout} ms (the download folder has: ${readdirSync(folder).join(', ') || 'nothing'})`);
  }
}
