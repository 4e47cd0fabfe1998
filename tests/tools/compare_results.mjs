// Compares two JSON documents: same structure, strings and booleans equal,
// numbers within a relative difference of 1e-9 (MODEL §7: native vs WASM).
// usage: node compare_results.mjs A.json B.json   (exit 0 when equal, 1 otherwise)
import { readFileSync } from 'node:fs';

const [a, b] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
const problems = [];

function walk(x, y, path) {
  if (problems.length > 10) return;
  if (typeof x === 'number' && typeof y === 'number') {
    const scale = Math.max(1, Math.abs(x), Math.abs(y));
    if (Math.abs(x - y) > 1e-9 * scale) problems.push(`${path}: ${x} vs ${y}`);
    return;
  }
  if (typeof x !== typeof y || Array.isArray(x) !== Array.isArray(y) || (x === null) !== (y === null)) {
    problems.push(`${path}: different types`);
    return;
  }
  if (x === null || typeof x !== 'object') {
    if (x !== y) problems.push(`${path}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    return;
  }
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) {
    if (!(k in x) || !(k in y)) problems.push(`${path}/${k}: missing on one side`);
    else walk(x[k], y[k], `${path}/${k}`);
  }
}

walk(a, b, '');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
