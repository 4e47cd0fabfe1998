// page.js — the page around the WASM app: the shared namespace, the error overlay, the
// toolbar and menus, toasts, the C++ notifications, and window.pactscope (the test hook).
//
// Scripts load in order (index.html): page.js, api.js (the only caller of the module's functions), input.js (keyboard, clipboard, touch, idle
// wake-ups), files.js (open, downloads, share links, autosave), help.js (tour, shortcuts,
// about), boot.js (fetches the fonts and the wasm, starts the module). No inline scripts:
// the Content-Security-Policy allows only 'self' scripts and 'wasm-unsafe-eval'.
'use strict';

window.PactScopePage = (function () {
  const page = {
    canvas: document.getElementById('canvas'),
    running: false,       // the module's first frame has been drawn
    lastScenario: '',     // the last valid scenario, kept outside WASM so a crash cannot lose it
    lastPreset: '',
    commands: {},         // name -> function, for menus, tool buttons and keys
    listeners: { scenario: [] },
    startup: [],          // async steps run in order after the first frame (autosave, share link, tour)
  };
  let dead = false;

  page.wake = () => { if (page.running) page.api.wake(); };

  // ---- error overlay ---------------------------------------------------------------------------
  page.download = function (blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  };
  page.CRASHED_KEY = 'pactscope.crashed';  // sessionStorage: the next start in this tab is in safe mode (files.js)
  // `options.title`: the overlay's heading; `options.crash: false` for a page that could not start at
  // all (no WebGL): nothing ran, so the next start need not be in safe mode.
  page.fail = function (message, options = {}) {
    if (dead) return;
    dead = true;
    if (options.crash !== false) {
      try { sessionStorage.setItem(page.CRASHED_KEY, String(message).slice(0, 200)); } catch (_) { /* no storage */ }
    }
    const loading = document.getElementById('loading');
    loading.hidden = true;
    loading.style.display = 'none';
    document.getElementById('overlay-title').textContent = options.title || 'PactScope stopped';
    document.getElementById('overlay-message').textContent = String(message || 'unknown error');
    document.getElementById('overlay-hint').textContent = page.lastScenario
      ? 'Your scenario is not lost: download it, reload, and open it again (the autosave in this browser is kept too).'
      : 'Nothing you had is lost: an autosaved scenario stays in this browser for the next start.';
    document.getElementById('overlay-download').hidden = !page.lastScenario;
    document.getElementById('overlay').hidden = false;
    document.getElementById('overlay-reload').focus();
  };
  document.getElementById('overlay-reload').addEventListener('click', () => location.reload());
  document.getElementById('overlay-download').addEventListener('click', () =>
    page.download(new Blob([page.lastScenario], { type: 'application/json' }), 'pactscope-scenario.json'));
  window.addEventListener('error', (e) => page.fail('Uncaught error: ' + (e.message || e.error)));
  window.addEventListener('unhandledrejection', (e) => page.fail('Unhandled promise rejection: ' + (e.reason && e.reason.message || e.reason)));
  page.canvas.addEventListener('webglcontextlost', (e) => { e.preventDefault(); page.fail('The WebGL context was lost (the GPU was reset or the tab ran out of graphics memory).'); });

  // ---- toasts ----------------------------------------------------------------------------------
  const toast = document.getElementById('toast');
  let toastTimer = 0;
  page.toast = function (text, kind = 'info', ms = 5000) {
    toast.textContent = text;
    toast.className = kind;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toast.hidden = true; }, ms);
  };

  // ---- menus and tool buttons ------------------------------------------------------------------
  const menus = [...document.querySelectorAll('.menu')];
  function closeMenus(except) {
    for (const m of menus) {
      if (m === except) continue;
      m.querySelector('.menu-list').hidden = true;
      m.querySelector('.menu-button').setAttribute('aria-expanded', 'false');
    }
  }
  function openMenu(m, focusFirst) {
    closeMenus(m);
    const list = m.querySelector('.menu-list');
    list.hidden = false;
    m.querySelector('.menu-button').setAttribute('aria-expanded', 'true');
    if (focusFirst) (list.querySelector('[role=menuitem]:not([disabled])') || list).focus();
  }
  for (const m of menus) {
    const button = m.querySelector('.menu-button');
    button.addEventListener('click', () => (m.querySelector('.menu-list').hidden ? openMenu(m, false) : closeMenus()));
    button.addEventListener('mouseenter', () => { if (menus.some((o) => !o.querySelector('.menu-list').hidden)) openMenu(m, false); });
    button.addEventListener('keydown', (e) => { if (e.key === 'ArrowDown') { e.preventDefault(); openMenu(m, true); } });
    m.querySelector('.menu-list').addEventListener('keydown', (e) => {
      const items = [...m.querySelectorAll('[role=menuitem]:not([disabled])')];
      const i = items.indexOf(document.activeElement);
      if (e.key === 'ArrowDown') { e.preventDefault(); items[(i + 1) % items.length].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); items[(i - 1 + items.length) % items.length].focus(); }
      if (e.key === 'Escape') { e.preventDefault(); closeMenus(); button.focus(); }
    });
  }
  document.addEventListener('pointerdown', (e) => { if (!e.target.closest('.menu')) closeMenus(); }, true);
  page.run = function (name) {
    closeMenus();
    const command = page.commands[name];
    if (!command) return;
    if (!page.running) { page.toast('The model is still loading.'); return; }
    command();
  };
  document.getElementById('toolbar').addEventListener('click', (e) => {
    const b = e.target.closest('[data-command]');
    if (!b || b.disabled) return;
    page.run(b.dataset.command);
    // Keys go back to the model after a tool button (a menu or dialog returns focus itself).
    if (!document.querySelector('dialog[open]') && document.getElementById('tour').hidden) page.canvas.focus();
  });
  page.commands.undo = () => page.api.call('undo');
  page.commands.redo = () => page.api.call('redo');
  page.setEnabled = function (command, on) {
    for (const b of document.querySelectorAll(`[data-command="${command}"]`)) b.disabled = !on;
  };

  // ---- the C++ side's notifications (ui/platform/web_main.cpp) ---------------------------------
  window.pactscopeShell = {
    scenarioChanged(text, preset) {
      page.lastScenario = text;
      page.lastPreset = preset;
      for (const f of page.listeners.scenario) f(text, preset);
    },
    summaryChanged(text) { document.getElementById('summary').textContent = text; },
    historyChanged(undoSteps, redoSteps) {
      page.setEnabled('undo', undoSteps > 0);
      page.setEnabled('redo', redoSteps > 0);
    },
    request(what) { page.run(what); },
    copied(text) { page.copied(text); },
    textInput(on, x, y, lineHeight) { page.textInput(on, x, y, lineHeight); },
    savePixels(rgba, w, h, name) { page.savePixels(rgba, w, h, name); },
    firstFrame() {
      const loading = document.getElementById('loading');
      loading.style.display = 'none';
      page.running = true;
      window.pactscope.firstFrameMs = performance.now();
      (async () => {
        for (const step of page.startup) {
          try { await step(); } catch (e) { console.warn('startup step failed:', e); }
        }
        window.pactscope.ready = true;
      })();
    },
  };

  // ---- window.pactscope: the test hook ---------------------------------------------------------
  // Every call answers an object, except state(): its JSON text, as the hook has always given it
  // (callers parse it: JSON.parse(window.pactscope.state())).
  window.pactscope = {
    ready: false,
    state: () => JSON.stringify(page.api.call('state')),
    load: (text, source = 'scenario') => page.api.call('load', { text: String(text), source: String(source) }),
    openLink: (link) => page.api.call('open_link', { link: String(link) }),
    preset: (id) => page.api.call('preset', { id: String(id) }).ok,
    // Named widgets' rectangles in page coordinates (the canvas sits below the toolbar).
    items: () => {
      const r = page.canvas.getBoundingClientRect(), out = page.api.call('items');
      for (const k in out) { out[k].x += r.left; out[k].y += r.top; }
      return out;
    },
    stats: () => page.api.call('stats'),
    // What the analysis views show as text and numbers (ui/platform/web_api.h "views").
    views: () => page.api.call('views'),
    resetStats: () => page.api.call('reset_stats'),
    scenario: () => page.lastScenario,
    undo: () => page.api.call('undo').ok,
    redo: () => page.api.call('redo').ok,
    exportFile: (kind) => page.api.call('export', { kind: String(kind) }),
    slideChart: (id) => page.slideChart(id),  // a promise: the chart last pointed at (or `id`), for slides: {title, legend, svg, csv, ...} or null
    shareLink: () => page.shareLink(),
    encodeLinkForTest: (text) => page.encodeLink(String(text)),  // any JSON text as a link (tests of hostile links)
    sources: () => page.api.call('sources').sources,
    // Fault injection for the end-to-end tests: stops the model the way a failed assertion would.
    abortForTest: () => page.api.call('test_abort'),
  };
  return page;
})();
