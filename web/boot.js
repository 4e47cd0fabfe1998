// boot.js — starts the app: checks WebGL2, downloads the wasm and the fonts with a progress
// bar, writes the fonts where the app reads them (/fonts/ in its in-memory file system) and
// loads the Emscripten module. Runs last, after every listener of the page is in place.
'use strict';

(function (page) {
  const fill = document.getElementById('loading-fill');
  const loadingText = document.getElementById('loading-text');
  // Each font serves the app (written to /fonts/ for ImGui) and the page (a FontFace for the toolbar,
  // dialogs and icons), from one download.
  const FONTS = [
    { file: 'Inter-Regular.otf', family: 'Inter', weight: '400' },
    { file: 'Inter-SemiBold.otf', family: 'Inter', weight: '600' },
    { file: 'JetBrainsMono-Regular.ttf', family: 'JetBrains Mono', weight: '400' },
    { file: 'FontAwesome.ttf', family: 'FontAwesome', weight: '400' },
  ];

  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    page.fail('This browser cannot show PactScope: WebGL2 is not available.\n' +
              'Enable hardware acceleration or try a current Chrome, Edge, Firefox or Safari.', { title: 'PactScope cannot start here', crash: false });
    return;
  }

  // Downloads with one progress bar over every file (sizes from Content-Length).
  const progress = new Map();
  function showProgress() {
    let got = 0, total = 0;
    for (const p of progress.values()) { got += p.received; total += p.total; }
    fill.style.width = (total ? Math.min(100, (100 * got) / total) : 50).toFixed(1) + '%';
    loadingText.textContent = 'Loading the model… ' + (got / 1e6).toFixed(1) + (total ? ' of ' + (total / 1e6).toFixed(1) : '') + ' MB';
  }
  async function fetchWithProgress(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    const p = { received: 0, total: Number(response.headers.get('Content-Length')) || 0 };
    progress.set(url, p);
    const reader = response.body.getReader();
    const chunks = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      p.received += value.length;
      showProgress();
    }
    const bytes = new Uint8Array(p.received);
    let offset = 0;
    for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
    return bytes;
  }

  // A missing font is not fatal: the app falls back to ImGui's built-in font for that role.
  const fonts = Promise.all(FONTS.map((f) => fetchWithProgress('fonts/' + f.file)
    .then((bytes) => {
      try { document.fonts.add(new FontFace(f.family, bytes.slice().buffer, { weight: f.weight })); } catch (e) { console.warn('font not usable by the page: ' + e.message); }
      return { name: f.file, bytes };
    })
    .catch((e) => { console.warn('font not loaded: ' + e.message); return null; })));

  window.Module = {
    canvas: page.canvas,
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    onAbort: (what) => page.fail('The model stopped: ' + (what && String(what).trim() || 'an internal check failed (abort)') + '.'),
    preRun: [() => {
      Module.addRunDependency('fonts');
      fonts.then((list) => {
        Module.FS.mkdir('/fonts');
        for (const f of list) if (f) Module.FS.writeFile('/fonts/' + f.name, f.bytes);
        Module.removeRunDependency('fonts');
      });
    }],
    instantiateWasm(imports, receive) {
      fetchWithProgress('pactscope_app.wasm')
        .then((bytes) => WebAssembly.instantiate(bytes, imports))
        .then((result) => { loadingText.textContent = 'Starting…'; receive(result.instance, result.module); })
        .catch((e) => page.fail('Could not load the model: ' + e.message, { title: 'PactScope could not load', crash: false }));
      return {};
    },
  };
  const script = document.createElement('script');
  script.src = 'pactscope_app.js';
  script.onerror = () => page.fail('Could not load pactscope_app.js', { title: 'PactScope could not load', crash: false });
  document.body.appendChild(script);
})(window.PactScopePage);
