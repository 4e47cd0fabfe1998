// Checks that every preset is within the tolerance of every record figure it covers.
// The expected values, tolerances and coverage come from the public record (assets/record.json) and the
// presets' own files; only the model's values are taken from `pactscope record --format json`, and the
// program's own "inside" verdicts are not trusted (each is recomputed here).
// usage: node check_record.mjs RECORD.json PRESET_DIR CHECK.json   (exit 0 when every pair is inside)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [recordPath, presetDir, checkPath] = process.argv.slice(2);
const record = JSON.parse(readFileSync(recordPath, 'utf8'));
const check = JSON.parse(readFileSync(checkPath, 'utf8'));
const problems = [];

// Calendar years a preset's horizon holds whole ("2025Q1".."2032Q4" -> 2025..2032).
function wholeYears(horizon) {
  const [sy, sq] = horizon.start.split('Q').map(Number);
  const [ey, eq] = horizon.end.split('Q').map(Number);
  return [sq === 1 ? sy : sy + 1, eq === 4 ? ey : ey - 1];
}

const shipped = readdirSync(presetDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const checked = new Map(check.presets.map((p) => [p.id, p]));
let pairs = 0;
for (const id of shipped) {
  const entry = record.presets.find((p) => p.id === id);
  if (!entry) { problems.push(`${id}: not listed in the record's presets`); continue; }
  const out = checked.get(id);
  if (!out) { problems.push(`${id}: missing from pactscope record's output`); continue; }
  if (!entry.years) {
    if (out.compared || out.rows.length) problems.push(`${id}: the record does not compare it, but the output has rows`);
    continue;
  }
  const horizon = JSON.parse(readFileSync(join(presetDir, id + '.json'), 'utf8')).horizon;
  const [hFirst, hLast] = wholeYears(horizon);
  for (const f of record.figures) {
    const [first, last] = f.years ?? [f.year, f.year];
    if (first < entry.years[0] || last > entry.years[1]) continue;  // not covered
    pairs++;
    const stock = f.what === 'capacity_online_gw';
    if (!stock && (first < hFirst || last > hLast)) problems.push(`${id} ${f.id}: the record covers years its horizon does not hold`);
    const row = out.rows.find((r) => r.figure === f.id);
    if (!row) { problems.push(`${id} ${f.id}: covered by the record but not in the output`); continue; }
    const lo = f.value * (1 - f.tolerance), hi = f.value * (1 + f.tolerance);
    const ok = typeof row.model === 'number' && row.model >= lo && row.model <= hi;
    if (!ok) problems.push(`${id} ${f.id}: model ${row.model} outside ${lo} .. ${hi} (reported ${f.value} ±${f.tolerance * 100}%)`);
    if (row.inside !== ok) problems.push(`${id} ${f.id}: the program says inside=${row.inside}, the record says ${ok}`);
  }
  if (out.rows.length !== record.figures.filter((f) => {
    const [first, last] = f.years ?? [f.year, f.year];
    return first >= entry.years[0] && last <= entry.years[1];
  }).length) problems.push(`${id}: the output has rows for figures the record does not cover`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`  ${pairs} (preset, figure) pairs inside the record's tolerances; ${shipped.length} presets`);
