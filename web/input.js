// input.js — what the browser's input needs beyond Emscripten's GLFW (DEVELOPING §7):
// keys that belong to the page, text that arrives without keys, the system clipboard, touch, drags
// that leave the canvas, and waking the app's idle gate (ui/platform/web_main.cpp pauses the frame
// loop when idle).
//
// These listeners are registered before the module's own (boot.js loads it last), so on the
// same target they run first and can keep an event from GLFW with stopImmediatePropagation.
'use strict';

(function (page) {
  const canvas = page.canvas;
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || '');
  const command = (e) => (isMac ? e.metaKey : e.ctrlKey);

  // While one of the model's text fields is being edited the keyboard focus is on a hidden text area
  // (below), which counts as the canvas: its keys go to the model.
  const textArea = document.createElement('textarea');
  const ours = (t) => t === canvas || t === textArea;
  // A DOM control (menu, button, dialog, file input) has the keyboard: keys stay out of the model.
  const inPage = (t) => t && !ours(t) && t !== document.body && t !== document.documentElement && t !== window && t !== document;

  // ---- keys ------------------------------------------------------------------------------------
  window.addEventListener('keydown', (e) => {
    page.wake();
    if (e.target === textArea) flushText(e);  // text that came before this key reaches the field before it
    const k = e.key.toLowerCase();
    // Shortcuts that need the user's gesture (the file picker, a download) are handled here, in the event.
    if (command(e) && !e.altKey && (k === 'o' || k === 's')) {
      e.preventDefault();
      e.stopImmediatePropagation();
      page.run(k === 'o' ? 'open' : 'download-scenario');
      return;
    }
    if (inPage(e.target)) e.stopImmediatePropagation();
  }, true);
  for (const type of ['keyup', 'keypress']) {
    window.addEventListener(type, (e) => { page.wake(); if (inPage(e.target)) e.stopImmediatePropagation(); }, true);
  }

  // ---- text that arrives without keys ----------------------------------------------------------
  // An input method (Chinese, Japanese, Korean; dead keys), dictation, an emoji picker, an on-screen
  // keyboard or a test's insertText sends text with no key event, and only to an editable element:
  // aimed at the canvas it would be lost, and "€50B" would arrive as "50B" — a different number.
  // So while the model edits text (ImGui's IME data: ui/platform/web_main.cpp calls page.textInput),
  // the keyboard focus sits on this transparent text area at the caret, where an input method opens
  // its window. Keys still reach the model through GLFW's window listeners (their characters are kept
  // out of the text area), and whatever text does land in the area is handed to the model and cleared.
  textArea.id = 'text-input';
  textArea.setAttribute('aria-label', 'Text of the field being edited');
  textArea.setAttribute('autocomplete', 'off');
  textArea.setAttribute('autocapitalize', 'off');
  textArea.setAttribute('spellcheck', 'false');
  textArea.tabIndex = -1;
  document.body.appendChild(textArea);
  let editing = false;
  page.textInput = function (on, x, y, lineHeight) {
    editing = on;
    if (on) {
      const r = canvas.getBoundingClientRect();
      textArea.style.left = `${r.left + x}px`;
      textArea.style.top = `${r.top + y}px`;
      textArea.style.height = `${Math.max(1, lineHeight)}px`;
      if (document.activeElement === canvas) textArea.focus({ preventScroll: true });
    } else if (document.activeElement === textArea) {
      canvas.focus({ preventScroll: true });
    }
  };
  // GLFW releases every held key on any blur it sees (a capturing window listener sees each element's): the
  // focus passing between the canvas and the text area is no blur of the model's, so a Control pressed on the
  // canvas still holds when the A of Ctrl+A reaches the text area. (Firefox lost Ctrl+A typed at once after
  // a click into a field: the text went in at the caret instead of replacing the old.)
  window.addEventListener('blur', (e) => {
    if (ours(e.target) && ours(e.relatedTarget)) e.stopImmediatePropagation();
  }, true);
  // A click on the canvas while a field is edited (the mouse focuses the canvas) keeps the text area's focus.
  canvas.addEventListener('focus', () => { if (editing) textArea.focus({ preventScroll: true }); });
  // A key's character reaches the model through GLFW's keypress listener; kept out of the area, it is not
  // also delivered as inserted text.
  textArea.addEventListener('keypress', (e) => e.preventDefault());
  function deliver(text) {
    textArea.value = '';
    if (text && page.running) page.api.text(text);
  }
  // An input method's result may still wait in the area (compositionend delivers it a turn later, below) when
  // the next key comes — Enter right after choosing a candidate: it is delivered first, so the key acts on it.
  let composing = false;
  function flushText(e) {
    if (!composing && !e.isComposing && textArea.value) deliver(textArea.value.replace(/[\r\n]+/g, ''));
  }
  textArea.addEventListener('compositionstart', () => { composing = true; });
  textArea.addEventListener('input', (e) => {
    if (e.isComposing) return;  // the input method is still composing: its result comes with compositionend
    if (e.inputType && !e.inputType.startsWith('insert')) { textArea.value = ''; return; }  // deletions, undo: the model's keys do those
    deliver(textArea.value.replace(/[\r\n]+/g, ''));  // Enter reaches the model as a key
  });
  // Chrome and Firefox send the composition's last input event before compositionend, Safari after it: what the
  // area holds is delivered once the events of this turn are through, by whichever comes last to a full area.
  textArea.addEventListener('compositionend', () => {
    composing = false;
    setTimeout(() => deliver(textArea.value.replace(/[\r\n]+/g, '')));
  });

  // ---- clipboard -------------------------------------------------------------------------------
  // Copy: ImGui hands over the text a frame after Ctrl+C, so the asynchronous clipboard API writes it.
  // Paste: ImGui asks for the text synchronously, so the DOM paste event (fired with Ctrl+V, before
  // the next frame) delivers it first.
  page.copied = function (text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(() => page.toast('The browser did not allow copying to the clipboard.', 'warn'));
    }
  };
  // Chrome aims a paste with no editable focus at some element of the page, not necessarily the
  // focused canvas; only a DOM text field or a dialog keeps it.
  const editable = (t) => t && t.closest && t.closest('input, textarea, [contenteditable], dialog, .menu-list');
  document.addEventListener('paste', (e) => {
    if ((editable(e.target) && e.target !== textArea) || !ours(document.activeElement) || !page.running) return;
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    page.api.paste(text);
    e.preventDefault();
  });

  // ---- pointer ---------------------------------------------------------------------------------
  // A drag that leaves the canvas keeps reporting to it (GLFW ignores events aimed elsewhere).
  canvas.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse') { try { canvas.setPointerCapture(e.pointerId); } catch (_) { /* not capturable */ } }
    canvas.focus({ preventScroll: true });
  });
  for (const type of ['mousemove', 'mousedown', 'mouseup', 'mouseenter', 'mouseleave']) {
    window.addEventListener(type, page.wake, { capture: true, passive: true });
  }

  // The wheel over the canvas scrolls ImGui, in its steps, as the ImGui backend maps them (100 px or
  // 3 lines or 1/80 page per step; down = negative). Taken here, non-passive, so the page never
  // scrolls or zooms under the app and the backend's own document listener (passive in Chrome,
  // which logs an error when it calls preventDefault) never runs.
  window.addEventListener('wheel', (e) => {
    page.wake();
    if (e.target !== canvas) { e.stopPropagation(); return; }
    e.preventDefault();
    e.stopPropagation();
    if (!page.running) return;
    const step = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 80 : 1 / 100;
    page.api.wheel(-e.deltaX * step, -e.deltaY * step);
  }, { capture: true, passive: false });

  // Touch: one finger is the mouse (taps press buttons, drags move sliders); two fingers scroll.
  // GLFW's own touch handling reads positions SDL-style and would press at stale coordinates.
  const WHEEL_STEP_PX = 75;  // ImGui scrolls 5 lines of 15 px per wheel step
  let panY = null, panX = null;
  const local = (t) => { const r = canvas.getBoundingClientRect(); return [t.clientX - r.left, t.clientY - r.top]; };
  const mean = (list, key) => [...list].reduce((s, t) => s + t[key], 0) / list.length;
  function onTouch(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
    if (!page.running) return;
    const touches = e.touches;
    if (touches.length >= 2) {
      const x = mean(touches, 'clientX'), y = mean(touches, 'clientY');
      if (panY !== null) page.api.wheel((x - panX) / WHEEL_STEP_PX, (y - panY) / WHEEL_STEP_PX);
      panX = x; panY = y;
      if (e.type === 'touchstart' && touches.length === 2) {  // the first finger's press is not a click
        const [cx, cy] = local(e.changedTouches[0]);
        page.api.touch(2, cx, cy);
      }
      return;
    }
    panX = panY = null;
    const t = e.changedTouches[0];
    const [x, y] = local(t);
    const phase = e.type === 'touchstart' ? 0 : e.type === 'touchmove' ? 1 : 2;
    if (phase === 1 && touches.length === 0) return;
    page.api.touch(phase, x, y);
  }
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
    canvas.addEventListener(type, onTouch, { capture: true, passive: false });
  }

  // ---- window and canvas size, pixel ratio, visibility ------------------------------------------
  window.addEventListener('resize', page.wake);
  window.addEventListener('focus', page.wake);
  window.addEventListener('blur', page.wake);
  document.addEventListener('visibilitychange', page.wake);
  if (window.ResizeObserver) new ResizeObserver(page.wake).observe(canvas);
  (function watchRatio() {  // fires once per change of devicePixelRatio (zoom, another screen)
    const q = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    q.addEventListener('change', () => { page.wake(); watchRatio(); }, { once: true });
  })();
})(window.PactScopePage);
