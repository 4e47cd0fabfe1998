// api.js — the only caller of the module's exported functions (ui/platform/web_api.h documents them).
//
// page.api.call(name, args) sends a command with a JSON object of arguments and returns the answer
// as an object; the input paths (wake, paste, text, touch, wheel) take plain values, once per event.
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
    // A block of Monte Carlo trials from a worker (web/mc_pool.js): copied into the module's heap and
    // merged (ps_mc_block). True when stored; false when an edit replaced that run.
    mcBlock(run, lo, hi, columns, bands) {
      const pc = Module._malloc(Math.max(8, columns.byteLength)), pb = Module._malloc(Math.max(4, bands.byteLength));
      try {
        Module.HEAPF64.set(columns, pc >> 3);
        Module.HEAPF32.set(bands, pb >> 2);
        return Module._ps_mc_block(run, lo, hi, pc, pb) === 1;
      } finally { Module._free(pc); Module._free(pb); }
    },
    wake() { Module._ps_wake(); },
    paste(text) { withString(text, (p) => Module._ps_paste(p)); },
    text(text) { withString(text, (p) => Module._ps_text(p)); },
    touch(phase, x, y) { Module._ps_touch(phase, x, y); },
    wheel(dx, dy) { Module._ps_wheel(dx, dy); },
  };
})(window.PactScopePage);
