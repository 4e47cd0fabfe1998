// api.js — the only caller of the module's exported functions (ui/platform/web_api.h documents them).
//
// page.api.call(name, args) sends a command with a JSON object of arguments and returns the answer
// as an object; the input paths (wake, paste, touch, wheel) take plain values, once per event.
// Strings cross into the WASM heap here and are freed here.
'use strict';

(function (page) {
  function withString(text, fn) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }
  page.api = {
    call(name, args = {}) {
      const answer = withString(name, (n) => withString(JSON.stringify(args), (a) => Module.UTF8ToString(Module._ps_call(n, a))));
      const value = JSON.parse(answer);
      if (value && typeof value.error === 'string') throw new Error(`${name}: ${value.error}`);
      return value;
    },
    wake() { Module._ps_wake(); },
    paste(text) { withString(text, (p) => Module._ps_paste(p)); },
    touch(phase, x, y) { Module._ps_touch(phase, x, y); },
    wheel(dx, dy) { Module._ps_wheel(dx, dy); },
  };
})(window.PactScopePage);
