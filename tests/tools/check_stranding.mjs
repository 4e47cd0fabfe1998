// Checks where a preset's stranded take-or-pay comes from (issue 13): the mechanism — reserved or committed
// capacity left idle in low-demand trials — not list-price drift.
//   1. every commitment is priced by contract and every reservation has its own price (nothing follows a
//      list price's yearly decline);
//   2. the median stranding is small against the median cost (at most 5%; v1 stranded over a quarter);
//   3. it is visible at P90: at least 5% of the median cost and at least twice the median;
//   4. the trials that strand are the low-demand ones: the rank correlation of stranded_usd with each
//      workload's demand growth draw is -0.3 or lower.
// usage: node check_stranding.mjs SCENARIO.json SIMULATE.json SAMPLES.csv
import { readFileSync } from 'node:fs';

const [scenarioPath, simPath, samplesPath] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8'));
const sim = JSON.parse(readFileSync(simPath, 'utf8'));
const problems = [];

for (const [i, c] of scenario.contract.entries()) {
  if (c.type === 'commitment' && !('price_usd_per_h100e_hour' in c)) problems.push(`/contract/${i}: a commitment priced off the list price`);
}

const cost = sim.totals.cost_usd.p50, strand = sim.totals.stranded_usd;
const pct = (x) => (100 * x / cost).toFixed(1) + '%';
if (!(strand.p50 <= 0.05 * cost)) problems.push(`median stranding ${pct(strand.p50)} of the median cost, want <= 5%`);
if (!(strand.p90 >= 0.05 * cost && strand.p90 >= 2 * strand.p50))
  problems.push(`P90 stranding ${pct(strand.p90)} of the median cost (${(strand.p90 / strand.p50).toFixed(1)}x the median), want >= 5% and >= 2x`);

// Spearman rank correlation between two columns of the samples.
const lines = readFileSync(samplesPath, 'utf8').trim().split('\n');
const header = lines[0].split(',');
const rows = lines.slice(1).map((l) => l.split(',').map(Number));
const column = (name) => rows.map((r) => r[header.indexOf(name)]);
const ranks = (v) => {
  const order = v.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array(v.length);
  order.forEach(([, i], k) => { r[i] = k; });
  return r;
};
function spearman(a, b) {
  const ra = ranks(a), rb = ranks(b), n = a.length, m = (n - 1) / 2;
  let c = 0, va = 0, vb = 0;
  for (let i = 0; i < n; i++) { c += (ra[i] - m) * (rb[i] - m); va += (ra[i] - m) ** 2; vb += (rb[i] - m) ** 2; }
  return c / Math.sqrt(va * vb);
}
const stranded = column('stranded_usd');
const growths = header.filter((h) => /^\/workloads\/\d+\/demand\/growth_per_year$/.test(h));
if (!growths.length) problems.push('no uncertain demand growth in the samples');
const rhos = growths.map((g) => [g, spearman(stranded, column(g))]);
for (const [g, rho] of rhos) if (!(rho <= -0.3)) problems.push(`rank correlation of stranding with ${g} is ${rho.toFixed(2)}, want <= -0.3`);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`  stranded: median ${pct(strand.p50)} of the median cost, P90 ${pct(strand.p90)}; rank correlation with demand growth ` +
  rhos.map(([g, r]) => `${g.split('/')[2]}: ${r.toFixed(2)}`).join(', '));
