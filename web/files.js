// files.js — scenarios in and out of the page: the file picker, downloads (scenario JSON,
// results and Monte Carlo CSV, chart PNG), share links and the autosave.
//
// Share links: `#s=v1.` + base64url(deflate-raw(compact scenario JSON)), made with the browser's
// CompressionStream and read by the model (core/share_link.cpp, with its size caps). Opening a link loads it as one undoable step on top of the
// autosaved work (Ctrl+Z returns to it), then drops the fragment from the address bar so a
// reload shows the latest edits rather than the link's original.
// Autosave: every change of the valid scenario, debounced, into localStorage (and at once when
// the tab is hidden or closed); the next start restores it before anything else.
'use strict';

(function (page) {
  const AUTOSAVE_KEY = 'pactscope.autosave.v1';
  const LINK_PREFIX = '#s=v1.';
  const MAX_FILE_BYTES = 16 << 20;       // core/input_limits.h kMaxJsonBytes: refused before reading

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
  page.commands['download-chart'] = () => {
    if (Module._ps_chart_png() !== 1) page.toast('Open a tab with a chart first.', 'warn');
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
  page.commands.share = async () => {
    let url;
    try { url = await page.shareLink(); } catch (e) { page.toast('Could not make a link: ' + e.message, 'error'); return; }
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      page.toast(`Share link copied (${url.length} characters). Anyone who opens it sees this scenario.`);
    } catch (_) {
      page.toast('The browser did not allow the clipboard: the link is in the address bar.', 'warn', 9000);
    }
  };
  async function openLinkInAddress() {
    const fragment = location.hash;
    if (!fragment.startsWith('#s=')) return;
    history.replaceState(null, '', location.pathname + location.search);  // a reload keeps the edits, not the link
    // Decoded in the model (core/share_link.cpp: base64url, inflate, size caps), then validated like a file.
    const r = window.pactscope.openLink(fragment);
    if (r.errors.length === 1 && r.errors[0].pointer === '') {
      page.toast('The share link could not be opened: ' + r.errors[0].message + '. Your scenario is unchanged.', 'error', 10000);
      return;
    }
    if (r.ok) page.toast('Opened a shared scenario. Undo (Ctrl+Z) returns to your previous work.', 'info', 8000);
    else page.toast(`The share link was not opened: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'} (listed on the left). Your scenario is unchanged.`, 'error', 10000);
  }

  // ---- autosave --------------------------------------------------------------------------------
  const saveState = document.getElementById('save-state');
  let pending = null, timer = 0, warned = false;
  function writeAutosave() {
    clearTimeout(timer);
    if (pending === null) return;
    const record = JSON.stringify({ saved_at: new Date().toISOString(), preset: page.lastPreset, scenario: pending });
    try {
      localStorage.setItem(AUTOSAVE_KEY, record);
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

  function restoreAutosave() {
    let raw = null;
    try { raw = localStorage.getItem(AUTOSAVE_KEY); } catch (_) { return; }
    if (!raw) return;
    let record;
    try { record = JSON.parse(raw); } catch (_) { record = null; }
    const r = record && typeof record.scenario === 'string' ? JSON.parse(page.call('ps_restore', record.scenario, String(record.preset || ''))) : { ok: false };
    if (r.ok) { saveState.textContent = 'Restored from this browser'; return; }
    page.toast('The autosaved scenario could not be restored; starting from the default preset. Nothing was overwritten until you edit.', 'warn', 10000);
  }

  page.startup.push(restoreAutosave, openLinkInAddress);
  window.addEventListener('hashchange', () => { if (location.hash.startsWith('#s=')) openLinkInAddress(); });
})(window.PactScopePage);
