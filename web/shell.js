// shell.js — the page around the WASM app: loading bar, error overlay, screen-reader
// summary, and window.pactscope (the hook tests and the shell use).
//
// Loaded by index.html before the Emscripten output (no inline scripts: the page's
// Content-Security-Policy allows only 'self' scripts and 'wasm-unsafe-eval').
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const fill = document.getElementById('loading-fill');
  const loadingText = document.getElementById('loading-text');
  const overlay = document.getElementById('overlay');
  let lastScenario = '';   // the last valid scenario, kept outside WASM so a crash cannot lose it
  let dead = false;

  // ---- error overlay ---------------------------------------------------------------------------
  function fail(message) {
    if (dead) return;
    dead = true;
    loading.hidden = true;
    loading.style.display = 'none';
    document.getElementById('overlay-message').textContent = String(message || 'unknown error');
    document.getElementById('overlay-download').hidden = !lastScenario;
    overlay.hidden = false;
    document.getElementById('overlay-reload').focus();
  }
  document.getElementById('overlay-reload').addEventListener('click', () => location.reload());
  document.getElementById('overlay-download').addEventListener('click', () => {
    const blob = new Blob([lastScenario], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'pactscope-scenario.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  window.addEventListener('error', (e) => fail('Uncaught error: ' + (e.message || e.error)));
  window.addEventListener('unhandledrejection', (e) => fail('Unhandled promise rejection: ' + (e.reason && e.reason.message || e.reason)));
  canvas.addEventListener('webglcontextlost', (e) => { e.preventDefault(); fail('The WebGL context was lost (the GPU was reset or the tab ran out of graphics memory).'); });

  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fail('This browser cannot show PactScope: WebGL2 is not available.\n' +
         'Enable hardware acceleration or try a current Chrome, Edge, Firefox or Safari.');
    return;
  }

  // ---- the shell's side of the C++ notifications (ui/platform/web_main.cpp) --------------------
  window.pactscopeShell = {
    scenarioChanged(text) { lastScenario = text; },
    summaryChanged(text) { document.getElementById('summary').textContent = text; },
    firstFrame() {
      loading.style.display = 'none';
      window.pactscope.ready = true;
      window.pactscope.firstFrameMs = performance.now();
    },
  };

  // ---- window.pactscope: the test hook ---------------------------------------------------------
  function withString(text, fn) {  // passes a string through the WASM heap (no stack limit)
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }
  window.pactscope = {
    ready: false,
    state: () => Module.UTF8ToString(Module._ps_state()),
    load: (text) => JSON.parse(withString(String(text), (p) => Module.UTF8ToString(Module._ps_load(p)))),
    preset: (id) => withString(String(id), (p) => Module._ps_preset(p) === 1),
    items: () => JSON.parse(Module.UTF8ToString(Module._ps_items())),
    stats: () => JSON.parse(Module.UTF8ToString(Module._ps_stats())),
    resetStats: () => Module._ps_reset_stats(),
    scenario: () => lastScenario,
  };

  // ---- loading: the wasm by downloaded bytes ----------------------------------------------------
  async function fetchWithProgress(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    const total = Number(response.headers.get('Content-Length')) || 0;
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      const pct = total ? Math.min(100, (100 * received) / total) : 50;
      fill.style.width = pct.toFixed(1) + '%';
      loadingText.textContent = 'Loading the model… ' + (received / 1e6).toFixed(1) + (total ? ' of ' + (total / 1e6).toFixed(1) : '') + ' MB';
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
    return bytes;
  }

  window.Module = {
    canvas,
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    onAbort: (what) => fail('The model stopped: ' + what),
    instantiateWasm(imports, receive) {
      fetchWithProgress('pactscope_app.wasm')
        .then((bytes) => WebAssembly.instantiate(bytes, imports))
        .then((result) => { loadingText.textContent = 'Starting…'; receive(result.instance, result.module); })
        .catch((e) => fail('Could not load the model: ' + e.message));
      return {};
    },
  };
  const script = document.createElement('script');
  script.src = 'pactscope_app.js';
  script.onerror = () => fail('Could not load pactscope_app.js');
  document.body.appendChild(script);
})();
