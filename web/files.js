// files.js — scenarios in and out of the page: the file picker, downloads (scenario JSON,
// results and Monte Carlo CSV, chart PNG, the chart for slides and its data, the report), share
// links and the autosave.
//
// Share links: `#s=v1.` + base64url(deflate-raw(compact scenario JSON)), made with the browser's
// (with pinned deals or another tab open, the JSON is an analysis: scenario, pinned deals, tab; ui/app.h)
// CompressionStream and read by the model (core/io/share_link.cpp, with its size caps). Opening a link loads it as one undoable step on top of the
// autosaved work (Ctrl+Z returns to it), then drops the fragment from the address bar so a
// reload shows the latest edits rather than the link's original.
// Autosave: every change of the valid scenario, debounced, into localStorage (and at once when
// the tab is hidden or closed); the next start restores it before anything else.
'use strict';

(function (page) {
  const AUTOSAVE_KEY = 'pactscope.autosave.v1';
  const LINK_PREFIX = '#s=v1.';
  const MAX_FILE_BYTES = 16 << 20;       // core/io/input_limits.h kMaxJsonBytes: refused before reading

  // ---- opening a file --------------------------------------------------------------------------
  const input = document.getElementById('file-input');
  page.commands.open = () => { input.value = ''; input.click(); };
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      page.toast(`${file.name} was not opened: it is ${(file.size / 1e6).toFixed(1)} MB; a scenario file may be at most ${MAX_FILE_BYTES >> 20} MB. Your scenario is unchanged.`, 'error', 9000);
      return;
    }
    let text;
    try { text = await file.text(); } catch (e) { page.toast(`${file.name} could not be read: ${e.message}`, 'error', 9000); return; }
    const r = window.pactscope.load(text, file.name);
    if (r.ok) page.toast(`Opened ${file.name}. Undo (Ctrl+Z) returns to the previous scenario.`);
    else page.toast(`${file.name} was not opened: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'} (listed on the left). Your scenario is unchanged.`, 'error', 9000);
    page.canvas.focus();
  });

  // ---- downloads -------------------------------------------------------------------------------
  function downloadExport(kind, type, missing) {
    const { text, name } = window.pactscope.exportFile(kind);
    if (!text) { page.toast(missing, 'warn'); return; }
    page.download(new Blob([text], { type }), name);
  }
  page.commands['download-scenario'] = () => downloadExport('scenario.json', 'application/json', 'Nothing to download.');
  page.commands['download-results'] = () => downloadExport('results.csv', 'text/csv', 'Nothing to download.');
  page.commands['download-samples'] = () => downloadExport('samples.csv', 'text/csv', 'No Monte Carlo trials have run yet.');
  page.commands['download-summary'] = () => downloadExport('summary.csv', 'text/csv', 'No Monte Carlo trials have run yet.');
  page.commands['download-compare'] = () => downloadExport('compare.csv', 'text/csv', 'Pin a deal first (Compare tab): the table compares the current deal with the pinned ones.');
  page.commands['download-sweep'] = () => downloadExport('sweep.csv', 'text/csv', 'Open the Sweep tab first: the table is the sweep it shows, with its break-evens.');
  page.commands['download-what-changed'] = () => downloadExport('what-changed.csv', 'text/csv', 'Pin a deal first (Compare tab): the waterfall explains what changes from the current deal to a pinned one.');
  // The report (core/io/report.h) runs its own Monte Carlo of every deal: a few seconds, so the toast
  // is drawn before the work starts.
  page.commands['download-report'] = () => {
    page.toast('Making the report (the current deal and the pinned ones)…');
    setTimeout(() => downloadExport('report.html', 'text/html', 'Nothing to report.'), 50);
  };
  page.commands['download-chart'] = () => {
    if (!page.api.call('chart_png').ok) page.toast('Open a tab with a chart first.', 'warn');
  };
  // The chart last pointed at, light, for slides (ui/chart_export.h): its SVG drawn onto a canvas at
  // 2× and saved as PNG; or its numbers as CSV. No new dependency: the browser rasterises the SVG.
  const today = () => new Date().toISOString().slice(0, 10);
  // Charts are recorded as the app draws them; right after the deal changed (no frame drawn since) the app says
  // its records are stale, and the export waits for a frame rather than give the previous deal's numbers.
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  page.slideChart = async function (id = '') {
    for (let tries = 0; tries < 30; tries++) {
      const r = page.api.call('chart_export', { date: today(), id: String(id) });
      if (r.ok) return r;
      if (!r.stale) return null;
      page.wake();
      await nextFrame();
    }
    return null;
  };
  page.rasteriseSvg = function (svg, width, height, scale) {
    return new Promise((resolve, reject) => {
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      const img = new Image();
      img.onload = () => {
        const c = document.createElement('canvas');
        c.width = width * scale;
        c.height = height * scale;
        const g = c.getContext('2d');
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, c.width, c.height);
        g.drawImage(img, 0, 0, c.width, c.height);
        URL.revokeObjectURL(url);
        c.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
      };
      img.onerror = () => { URL.revokeObjectURL(url); reject(new Error('the chart SVG did not load')); };
      img.src = url;
    });
  };
  page.commands['download-chart-slides'] = async () => {
    const r = await page.slideChart();
    if (!r) { page.toast('Open a tab with a chart first.', 'warn'); return; }
    if (!r.svg) { page.toast('This chart (a heatmap) has no slide version yet; "Download chart data" gives its numbers.', 'warn', 7000); return; }
    try { page.download(await page.rasteriseSvg(r.svg, r.width, r.height, 2), r.name + '-slide.png'); }
    catch (e) { page.toast('The chart could not be made into a PNG: ' + e.message, 'error'); }
  };
  page.commands['download-chart-data'] = async () => {
    const r = await page.slideChart();
    if (!r) { page.toast('Open a tab with a chart first.', 'warn'); return; }
    page.download(new Blob([r.csv], { type: 'text/csv' }), r.name + '.csv');
  };
  // Pixels read from the framebuffer after the next frame (ui/capture.h), encoded here.
  page.savePixels = function (rgba, w, h, name) {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    c.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, w * h * 4), w, h), 0, 0);
    c.toBlob((blob) => (blob ? page.download(blob, name + '.png') : page.toast('The chart could not be encoded as PNG.', 'error')), 'image/png');
  };

  // ---- share links -----------------------------------------------------------------------------
  const toBase64Url = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  async function compress(bytes) {
    const reader = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) { out.set(c, off); off += c.length; }
    return out;
  }
  page.encodeLink = async function (scenarioText) {
    const deflated = await compress(new TextEncoder().encode(scenarioText));
    return location.origin + location.pathname + LINK_PREFIX + toBase64Url(deflated);
  };
  page.shareLink = async function () {
    const { text } = window.pactscope.exportFile('share.json');
    return page.encodeLink(text);
  };
  // When the clipboard is refused: the link in a dialog, selected, ready to copy by hand.
  page.showLink = function (url) {
    const d = document.getElementById('link-dialog'), input = document.getElementById('link-text');
    input.value = url;
    if (!d.open) d.showModal();
    input.focus();
    input.select();
  };
  const MAX_LINK_CHARS = 64 << 10;  // core/io/input_limits.h kMaxLinkChars: longer links are refused when opened
  page.commands.share = async () => {
    let url;
    try { url = await page.shareLink(); } catch (e) { page.toast('Could not make a link: ' + e.message, 'error'); return; }
    if (url.length - url.indexOf(LINK_PREFIX) - LINK_PREFIX.length > MAX_LINK_CHARS) {
      // Too long to open again: say so, and give the same analysis as a file (File > Open reads it).
      page.toast(`The link would be ${url.length.toLocaleString('en-US')} characters, over the ${MAX_LINK_CHARS.toLocaleString('en-US')} a link may carry. ` +
        'The scenario and the pinned deals were downloaded as a file instead: send that, and open it with File > Open.', 'warn', 12000);
      downloadExport('share.json', 'application/json', 'Nothing to download.');
      return;
    }
    // The address bar is left alone: a link there would reopen this state on reload and hide later edits.
    try {
      await navigator.clipboard.writeText(url);
      page.toast(`Share link copied (${url.length} characters). Anyone who opens it sees this scenario.`);
    } catch (_) {
      page.showLink(url);
    }
  };
  async function openLinkInAddress() {
    const fragment = location.hash;
    if (!fragment.startsWith('#s=')) return;
    history.replaceState(null, '', location.pathname + location.search);  // a reload keeps the edits, not the link
    // Decoded in the model (core/io/share_link.cpp: base64url, inflate, size caps), then validated like a file.
    const r = window.pactscope.openLink(fragment);
    if (r.errors.length === 1 && r.errors[0].pointer === '') {
      page.toast('The share link could not be opened: ' + r.errors[0].message + '. Your scenario is unchanged.', 'error', 10000);
      return;
    }
    if (r.ok) page.toast('Opened a shared scenario. Undo (Ctrl+Z) returns to your previous work.', 'info', 8000);
    else page.toast(`The share link was not opened: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'} (listed on the left). Your scenario is unchanged.`, 'error', 10000);
  }

  // ---- autosave --------------------------------------------------------------------------------
  // Nothing the user had is ever dropped silently: a record this tab cannot restore, a record another
  // tab wrote and this tab is about to replace, and the record found when starting in safe mode are
  // each kept under a key of their own (KEEP), which File > "Open a kept autosave" brings back.
  const KEEP = { corrupt: AUTOSAVE_KEY + '.unreadable', other: AUTOSAVE_KEY + '.other-tab', safe: AUTOSAVE_KEY + '.before-safe-mode' };
  const STARTING_KEY = 'pactscope.starting';  // sessionStorage, set while starting (see startSafely)
  const TAB = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const saveState = document.getElementById('save-state');
  let pending = null, timer = 0, warned = false, lastWritten = null;
  const storage = {
    get(key) { try { return localStorage.getItem(key); } catch (_) { return null; } },
    set(key, value) { localStorage.setItem(key, value); },  // throws when full or blocked
    remove(key) { try { localStorage.removeItem(key); } catch (_) { /* blocked: nothing to remove */ } },
  };
  function keep(kind, raw) {
    try { storage.set(KEEP[kind], raw); } catch (_) { return false; }
    page.setEnabled('open-kept', true);
    return true;
  }
  function writeAutosave() {
    clearTimeout(timer);
    if (pending === null) return;
    // Two tabs: if another tab wrote the autosave since this one did, keep its record before replacing it.
    const current = storage.get(AUTOSAVE_KEY);
    if (current && current !== lastWritten) {
      let other = null;
      try { other = JSON.parse(current); } catch (_) { /* unreadable: kept below as it is */ }
      if (!other || other.tab !== TAB) {
        keep('other', current);
        page.toast('Another tab had saved its own version of the scenario; it is kept (File > Open a kept autosave).', 'warn', 10000);
      }
    }
    const record = JSON.stringify({ saved_at: new Date().toISOString(), tab: TAB, preset: page.lastPreset, scenario: pending });
    try {
      storage.set(AUTOSAVE_KEY, record);
      lastWritten = record;
      pending = null;
      warned = false;
      saveState.textContent = 'Saved in this browser ' + new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      saveState.className = '';
    } catch (e) {
      saveState.textContent = 'Not saved';
      saveState.className = 'warn';
      if (!warned) page.toast('Autosave failed (' + e.name + '): the browser storage is full or blocked. The previous autosave is kept; download the scenario to keep this one.', 'warn', 12000);
      warned = true;
    }
  }
  page.listeners.scenario.push((text) => {
    if (!page.running) return;
    pending = text;
    clearTimeout(timer);
    timer = setTimeout(writeAutosave, 400);
  });
  window.addEventListener('pagehide', writeAutosave);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') writeAutosave(); });
  // Another tab saved: say so at once (this tab's next save keeps that version, see writeAutosave).
  window.addEventListener('storage', (e) => {
    if (e.key !== AUTOSAVE_KEY || !e.newValue) return;
    let r = null;
    try { r = JSON.parse(e.newValue); } catch (_) { return; }
    if (r && r.tab !== TAB) {
      saveState.textContent = 'Changed in another tab';
      saveState.className = 'warn';
      page.toast('The scenario was changed in another tab. This tab keeps its own; if you edit here, the other version is kept too (File > Open a kept autosave).', 'warn', 10000);
    }
  });

  // Records are loaded as one undoable step, so opening a kept autosave can itself be undone.
  page.commands['open-kept'] = () => {
    for (const kind of ['other', 'safe', 'corrupt']) {
      const raw = storage.get(KEEP[kind]);
      if (!raw) continue;
      let record = null;
      try { record = JSON.parse(raw); } catch (_) { /* unreadable: offered as a download instead */ }
      if (record && typeof record.scenario === 'string') {
        const r = window.pactscope.load(record.scenario, 'kept autosave');
        if (r.ok) {
          storage.remove(KEEP[kind]);
          page.toast('Opened the kept autosave from ' + (record.saved_at || 'an earlier session') + '. Undo (Ctrl+Z) returns to what you had.');
          return;
        }
      }
      page.download(new Blob([raw], { type: 'application/json' }), 'pactscope-kept-autosave.json');
      storage.remove(KEEP[kind]);
      page.toast('The kept autosave could not be opened as a scenario; it was downloaded as it is.', 'warn', 10000);
      return;
    }
    page.toast('No kept autosave.');
  };
  page.setEnabled('open-kept', Object.values(KEEP).some((k) => storage.get(k)));

  function restoreAutosave() {
    const raw = storage.get(AUTOSAVE_KEY);
    if (!raw) return;
    let record = null;
    try { record = JSON.parse(raw); } catch (_) { /* reported below */ }
    const r = record && typeof record.scenario === 'string' ? page.api.call('restore', { text: record.scenario, preset: String(record.preset || '') }) : { ok: false };
    if (r.ok) { lastWritten = raw; saveState.textContent = 'Restored from this browser'; return; }
    keep('corrupt', raw);
    storage.remove(AUTOSAVE_KEY);
    page.toast('The autosaved scenario could not be restored, so PactScope started from the default preset. The autosave is kept (File > Open a kept autosave).', 'warn', 12000);
  }

  // Safe mode: if this tab's last run stopped with an error, or its last start never finished (the
  // tab was killed while restoring), start clean instead of loading the same thing again. Kept in
  // sessionStorage (this tab only), so another tab opening at the same moment is not mistaken for a crash.
  const session = {
    get(key) { try { return sessionStorage.getItem(key); } catch (_) { return null; } },
    set(key, value) { try { sessionStorage.setItem(key, value); } catch (_) { /* no storage: no loop to detect */ } },
    remove(key) { try { sessionStorage.removeItem(key); } catch (_) { /* nothing to remove */ } },
  };
  function startSafely() {
    const crashed = session.get(STARTING_KEY) || session.get(page.CRASHED_KEY);
    session.remove(page.CRASHED_KEY);
    session.set(STARTING_KEY, new Date().toISOString());
    setTimeout(() => session.remove(STARTING_KEY), 3000);  // started: the app has drawn for a while
    window.addEventListener('pagehide', () => session.remove(STARTING_KEY));  // a reload or close is no crash
    if (!crashed) { restoreAutosave(); return openLinkInAddress(); }
    const raw = storage.get(AUTOSAVE_KEY);
    if (raw) { keep('safe', raw); storage.remove(AUTOSAVE_KEY); }
    if (location.hash.startsWith('#s=')) history.replaceState(null, '', location.pathname + location.search);
    document.body.classList.add('safe-mode');
    saveState.textContent = 'Safe mode';
    saveState.className = 'warn';
    page.toast('Safe mode: PactScope stopped last time, so it started without your autosave or link. ' +
               'Both are kept: File > Open a kept autosave.', 'warn', 20000);
  }

  page.startup.push(startSafely);
  window.addEventListener('hashchange', () => { if (location.hash.startsWith('#s=')) openLinkInAddress(); });
})(window.PactScopePage);
