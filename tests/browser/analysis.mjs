// analysis.mjs — a deal team's first questions answered in the page (issue #15), in headless Chromium,
// through the real mouse and keyboard (the test hook's views() only reads back what the page shows):
//   - the sweep's metric picker offers each party's figures; choosing "OpenAI — net" opens the sweep on
//     the input that drives it most (the CLI's tornado, first bar) over a range of nonzero width
//   - the input picker finds "Microsoft Azure — price per H100e-hour" by typing "azure pri"
//   - the KPI cards mark the numbers moved by what falls outside the horizon (as `run` lists them)
//   - with rofr-2025 pinned, a sweep of Azure's price on OpenAI's net draws both deals and reads out the
//     crossing `pactscope breakeven preset:rofr-2025 preset:open-2026` gives over the same range, with the
//     CLI's direction
//   - the compare table shows no raw key, says "B − A", and says "tie" for a deal pinned beside itself; with one
//     deal pinned it fits a 1280 px screen; its swap button makes the pinned deal current (medians change columns,
//     B − A changes sign) and back
//   - above the waterfall, the paired Monte Carlo difference equals `pactscope compare`'s, in either direction
//   - what changed (current open-2026 → pinned rofr-2025) equals `pactscope explain` part by part
//   - the story shows every preset, the earliest terms (exclusive-2019) first, each median equal to
//     `pactscope compare` of the presets with the same trials and seed; a click on an era opens it
// Screenshots (1400x900) land in build/wasm/web-test/: sweep-breakeven.png, sweep-crossings.png, compare-table.png, compare-explain.png,
// story.png, uncertainty-party.png. Exit code 0 when every check passes.
import { mkdirSync } from 'node:fs';
import { ROOT, runSuite, open, frames, state, items, click, reveal, cli, close, parseCsv } from './harness.mjs';

const OUT = ROOT + 'build/wasm/web-test/';
mkdirSync(OUT, { recursive: true });
const views = (page) => page.evaluate(() => window.pactscope.views());
const preset = async (page, id) => { await page.evaluate((i) => window.pactscope.preset(i), id); await frames(page, 4); };
// open-2026 against commitment-2025q4 (pinned) on the Sweep tab for OpenAI's net, the input picker searched
// for `query` (typed, as a user does) and `input` picked from what it lists.
async function sweepNetAgainstPinned(page, query, input) {
  await preset(page, 'commitment-2025q4');
  await click(page, 'tab:Compare');
  await click(page, 'pin');
  await preset(page, 'open-2026');
  await click(page, 'tab:Sweep');
  await click(page, 'metric:sweep');
  await click(page, 'metric:sweep=buyer.net_usd');
  await click(page, 'input:sweep_x');
  await page.keyboard.type(query);
  await frames(page, 4);
  await click(page, 'input:sweep_x=' + input);
}
// Waits (drawing frames) until `ok(views)` holds; returns the last views.
async function until(page, ok, seconds = 90) {
  const end = Date.now() + seconds * 1000;
  let v = await views(page);
  while (!ok(v) && Date.now() < end) { await frames(page, 5); v = await views(page); }
  return v;
}
// A raw key as the CLI and JSON write them: snake_case words, optionally after "party." ("buyer.net_usd", "cost_usd", "hhi").
const RAW_KEYS = new Set(Object.keys(JSON.parse(cli('simulate', 'preset:open-2026', '--trials', '2', '--format', 'json')).totals));
const rawKeyIn = (text) => /\b[a-z0-9]+_[a-z0-9_]+\b/.test(text) || [...RAW_KEYS].some((k) => text === k || text.includes(k));

await runSuite('browser analysis', async ({ server, browser, check }) => {
  const { page, errors } = await open(browser, server.url);
  check(RAW_KEYS.has('cost_usd') && RAW_KEYS.has('hhi'), 'the CLI lists the raw total keys the page must not show', [...RAW_KEYS].join(','));

  // ---- pin rofr-2025, open open-2026 --------------------------------------------------------------
  await preset(page, 'rofr-2025');
  await click(page, 'tab:Compare');
  await click(page, 'pin');
  await preset(page, 'open-2026');
  check((await state(page)).pinned.map((p) => p.label).join() === 'rofr-2025', 'rofr-2025 is pinned', JSON.stringify((await state(page)).pinned));

  // ---- horizon honesty: a mark beside each KPI that something outside the horizon moves ---------------
  {
    const run = JSON.parse(cli('run', 'preset:open-2026'));
    const it = await items(page);
    const wrong = [];
    for (const key of ['cost_usd', 'stranded_usd', 'served_fraction', 'shortfall_value_usd', 'buyer.net_usd']) {
      const moved = run.outside_horizon.some((e) => e.moves.includes(key));
      if (moved !== Boolean(it['kpi_horizon:' + key])) wrong.push(`${key}: CLI ${moved}, page ${Boolean(it['kpi_horizon:' + key])}`);
    }
    check(run.outside_horizon.length > 0 && wrong.length === 0, 'the KPI cards mark exactly the numbers `run`\'s outside_horizon says are moved', wrong.join('; '));
  }

  // ---- the compare table fits a 1280-pixel screen: P(B better) in view, not scrolled out sideways -------
  {
    await page.setViewportSize({ width: 1280, height: 800 });
    await frames(page, 3);  // laid out at the new size before a widget's place is read
    await click(page, 'tab:Compare');
    await until(page, (x) => x.compare.length > 1 && x.compare[0].length === 6);
    await frames(page, 3);
    const it = await items(page);
    const last = it['col:cmp:5'];  // as wide as its header, "P(B better)", or its widest value
    check(last && last.x + last.w <= 1280 - 8,
      'with one deal pinned, the compare table fits a 1280 px screen (its last column, P(B better), ends in view)', JSON.stringify({ last }));
    // The totals lead with the bottom line, the buyer's net (not a total of its own), named in full.
    const rows = (await views(page)).compare;
    check(rows[1] && rows[1][0] === 'OpenAI \u2014 net' && /^\$/.test(rows[1][2]) && rows.slice(2).every((r) => r[0] !== 'OpenAI \u2014 net'),
      "the compare table's totals begin with OpenAI's net", JSON.stringify(rows.slice(0, 3)));
    await page.setViewportSize({ width: 1400, height: 900 });
    await frames(page, 3);
  }

  // ---- swap: the pinned deal becomes the current one (A) and the current one is pinned (B) --------------------
  // The table speaks of B ("B better"); a swap lets the reader put the deal they care about there. The same trials
  // run again with the same seed, so each median changes column and the paired difference changes sign.
  {
    const netRow = (rows) => rows.find((r) => r[0] === 'OpenAI \u2014 net') || [];
    const before = netRow((await views(page)).compare);
    const flipped = (d) => (d || '').replace(/^[-+]/, (c) => (c === '-' ? '+' : '-')).replace(/\(B (better|worse)\)/, (m, w) => `(B ${w === 'better' ? 'worse' : 'better'})`);
    await click(page, 'swap:0');
    let t = await until(page, (x) => x.compare.length > 1 && (x.compare[0][2] || '').startsWith('A: rofr-2025'), 120);
    let st = await state(page);
    const after = netRow(t.compare);
    check(st.pinned.map((p) => p.label).join() === 'open-2026' && (t.compare[0][3] || '').startsWith('B: open-2026'),
      'a click on the swap button makes rofr-2025 current and pins open-2026 in its place', JSON.stringify({ pinned: st.pinned, header: t.compare[0] }));
    check(after[2] === before[3] && after[3] === before[2] && after[4] === flipped(before[4]) &&
      Math.abs(parseFloat(after[5]) + parseFloat(before[5]) - 100) <= 1,
      "swapped, OpenAI's net medians change columns, B − A changes sign and P(B better) is the other side's", JSON.stringify({ before, after }));
    await click(page, 'swap:0');
    t = await until(page, (x) => x.compare.length > 1 && (x.compare[0][2] || '').startsWith('A: open-2026'), 120);
    st = await state(page);
    check(st.pinned.map((p) => p.label).join() === 'rofr-2025' && JSON.stringify(netRow(t.compare)) === JSON.stringify(before),
      'swapped again, the deals and the row are as before', JSON.stringify({ pinned: st.pinned, row: netRow(t.compare), before }));
  }

  // ---- parties: a cloud one deal lists without capacity is "not in this deal" there, not $0 -----------------
  {
    // rofr-2025 lists Cerebras with no capacity (its deal came in 2026); open-2026 reserves 750 MW of it.
    await click(page, 'compare_rows');
    await click(page, 'compare_rows=cerebras');
    // One party's rows name its figures alone, the party heading the column.
    const t = await until(page, (x) => x.compare.length > 1 && x.compare[0][0] === 'Cerebras: figure');
    const net = t.compare.find((r) => r[0] === 'net') || [];
    const cost = t.compare.find((r) => r[0] === 'cost') || [];
    check(net[3] === 'not in this deal' && /^\$/.test(net[2]) && net[4] === '\u2014' && net[5] === '\u2014',
      "a cloud the pinned deal lists without capacity reads 'not in this deal' there, with no difference or verdict", JSON.stringify(net));
    check(cost[2] === 'not given' && cost[4] === '\u2014', "a cost the deal does not give reads 'not given', with no difference", JSON.stringify(cost));
    // AMD's fleet is owned in both deals (assets/presets): no figure of its own anywhere, so one sentence says so
    // and where its cost is, instead of a table of "owned: the buyer's cost" in every cell.
    await click(page, 'compare_rows');
    await click(page, 'compare_rows=amd');
    const o = await until(page, (x) => x.compare.length === 1);
    check(/^AMD .* has no figures of its own in these deals \(A, open-2026: owned: the buyer's cost; B, rofr-2025: owned: the buyer's cost\)\. .*OpenAI's total cost/.test(o.compare[0][0]) &&
      (await items(page))['compare_no_figures'] !== undefined,
      'an owned fleet in both deals is one sentence naming where its cost is, not a table of gaps', JSON.stringify(o.compare));
    await click(page, 'compare_rows');
    await click(page, 'compare_rows=totals');
  }

  // ---- sweep: the metric, where it opens, the input search ------------------------------------------
  await click(page, 'tab:Sweep');
  await click(page, 'metric:sweep');
  await click(page, 'metric:sweep=buyer.net_usd');
  let v = await views(page);
  const tornado = JSON.parse(cli('sensitivity', 'preset:open-2026', '--metric', 'buyer.net_usd', '--trials', '20'));
  check(v.sweep.metric === 'buyer.net_usd' && v.sweep.metric_label === 'OpenAI \u2014 net', 'the sweep\'s metric picker offers "OpenAI — net"', JSON.stringify([v.sweep.metric, v.sweep.metric_label]));
  check(v.sweep.input === tornado.tornado[0].path, 'the sweep opens on the input the CLI\'s tornado puts first for OpenAI\'s net', `${v.sweep.input} vs ${tornado.tornado[0].path}`);
  check(v.sweep.hi > v.sweep.lo, 'the sweep opens on a range of nonzero width', `${v.sweep.lo} to ${v.sweep.hi}`);

  await click(page, 'input:sweep_x');
  await page.keyboard.type('azure pri');
  await frames(page, 4);
  v = await views(page);
  check(v.sweep.search.query === 'azure pri' && /^Microsoft Azure \u2014 price per H100e-hour/.test(v.sweep.search.matches[0] || ''),
    'typing "azure pri" in the input picker finds "Microsoft Azure — price per H100e-hour" first', JSON.stringify(v.sweep.search.matches.slice(0, 3)));
  await click(page, 'input:sweep_x=/providers/0/price_usd_per_h100e_hour');
  v = await views(page);
  check(v.sweep.input === '/providers/0/price_usd_per_h100e_hour' && v.sweep.hi > v.sweep.lo, 'the sweep is over the Azure price, on its own P5–P95', JSON.stringify([v.sweep.input, v.sweep.lo, v.sweep.hi]));
  check(v.sweep.series.length === 2 && v.sweep.series[1] === 'rofr-2025', 'the sweep draws the current deal and the pinned one', JSON.stringify(v.sweep.series));

  // ---- the break-even equals the CLI's ------------------------------------------------------------
  const first = v.sweep.crossings.find((c) => c.a === 'rofr-2025' && c.first);
  const be = JSON.parse(cli('breakeven', 'preset:rofr-2025', 'preset:open-2026', '--metric', 'buyer.net_usd', '--param',
    `/providers/0/price_usd_per_h100e_hour=${v.sweep.lo}:${v.sweep.hi}`));
  check(first && first.found === be.found && (!be.found || close(first.value, be.value)),
    'the crossing read out in the page is `pactscope breakeven` over the same range', JSON.stringify({ page: first, cli: be.value }));
  check(v.sweep.direction === be.direction && /higher is better for OpenAI net/.test(v.sweep.direction), 'the direction is stated as the CLI states it', v.sweep.direction);
  check(first && first.text.length > 20 && first.text.includes('rofr-2025'), 'the crossing is read out in words', first && first.text);
  // Several crossings of one pair are read as a band where they trade places, said after its last one; a pair
  // that crosses once has none.
  const pairs = new Map();
  for (const c of v.sweep.crossings) pairs.set(c.a + '|' + c.b, [...(pairs.get(c.a + '|' + c.b) || []), c]);
  const bandsRight = [...pairs.values()].every((cs) => {
    const found = cs.filter((c) => c.found);
    const last = cs[cs.length - 1];
    return found.length >= 2 ? /trade places \d+ times/.test(last.band) && cs.slice(0, -1).every((c) => c.band === '') : cs.every((c) => c.band === '');
  });
  check(bandsRight, 'several crossings of a pair read as a band where they trade places; one crossing has none',
    JSON.stringify(v.sweep.crossings.map((c) => [c.a, c.b, c.found, c.band])));
  await page.screenshot({ path: OUT + 'sweep-breakeven.png' });
  // A metric both deals hold equal everywhere (AMD's owned fleet bills nothing: its net is $0 in each) has no
  // break-even: one line says they are equal over the range, where the search used to stop at every step.
  await click(page, 'metric:sweep');
  await click(page, 'metric:sweep=amd.net_usd');
  {
    const t = await until(page, (x) => !x.sweep.working && x.sweep.crossings.length > 0 && x.sweep.crossings[0].text !== '');
    const cs = t.sweep.crossings;
    check(cs.length === 1 && !cs[0].found && /are equal from .* no break-even, neither is better/.test(cs[0].text),
      'two deals equal over the whole range are said to be so, with no break-even', JSON.stringify(cs.map((c) => [c.found, c.text])));
  }
  await click(page, 'metric:sweep');
  await click(page, 'metric:sweep=buyer.net_usd');

  // ---- the same input in a deal whose clauses sit elsewhere -----------------------------------------
  // commitment-2025q4 holds its Azure commitment at /contract/1 and CoreWeave's reservation at /contract/3;
  // open-2026 holds its Azure commitment at /contract/3 (assets/presets). Sweeping open-2026's Azure commitment
  // price with commitment-2025q4 pinned must move the pinned deal's own Azure commitment.
  {
    const { page: p2, errors: e2 } = await open(browser, server.url);
    const price = '/price_usd_per_h100e_hour';
    await sweepNetAgainstPinned(p2, 'commitment azure price', '/contract/3' + price);
    const w = await until(p2, (x) => x.sweep.input === '/contract/3' + price && x.sweep.series.length === 2);
    check(JSON.stringify(w.sweep.series_inputs) === JSON.stringify(['/contract/3' + price, '/contract/1' + price]),
      "the pinned deal's curve moves its own Azure commitment (/contract/1), not its /contract/3 (CoreWeave's reservation)", JSON.stringify(w.sweep.series_inputs));
    const pinnedName = JSON.parse(cli('run', 'preset:commitment-2025q4')).scenario;
    const rows = parseCsv((await p2.evaluate(() => window.pactscope.exportFile('sweep.csv'))).text).filter((r) => r[0] === 'cell' && r[1] === pinnedName);
    const pinnedValues = rows.map((r) => Number(r[4]));
    const cliRows = parseCsv(cli('sweep', 'preset:commitment-2025q4', '--param', `/contract/1${price}=${w.sweep.lo}:${w.sweep.hi}:${w.sweep.steps}`,
      '--metric', 'buyer.net_usd', '--format', 'csv')).filter((r) => r[0] === 'cell');
    const cliValues = cliRows.map((r) => Number(r[4]));
    check(pinnedValues.length === w.sweep.steps && pinnedValues.every((x, i) => close(x, cliValues[i], 1e-12)),
      "its values equal pactscope sweep of commitment-2025q4 over /contract/1's price", JSON.stringify({ page: pinnedValues.slice(0, 3), cli: cliValues.slice(0, 3) }));
    await p2.screenshot({ path: OUT + 'sweep-same-input.png' });
    check(e2.length === 0, 'no page error in the same-input sweep', e2.join('; '));
    await p2.context().close();
  }

  // ---- a pair that trades places several times ----------------------------------------------------
  // open-2026 against commitment-2025q4 for OpenAI's net over inference demand growth, 55% to 140% a year:
  // the deals cross three times between about 57% and 64% (a deal team's walk-through found it; the CLI's
  // sweep over 57–64.5% in 0.1-point steps shows the difference changing sign there). The page says so after
  // the last crossing, with the largest difference inside the band, which must be what the CLI gives there.
  {
    const { page: p3, errors: e3 } = await open(browser, server.url);
    await sweepNetAgainstPinned(p3, 'inference growth', '/workloads/0/demand/growth_per_year');
    const r = await reveal(p3, 'sweep:0:lo');
    await p3.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await p3.keyboard.press('Control+A');
    await p3.keyboard.type('55% to 140%');
    await p3.keyboard.press('Enter');
    await frames(p3, 6);
    await p3.waitForFunction(() => { const s = window.pactscope.views().sweep; return !s.working && s.crossings.length > 0; }, null, { timeout: 120000 });
    const sw = (await views(p3)).sweep;
    const found = sw.crossings.filter((c) => c.found);
    const band = sw.crossings[sw.crossings.length - 1].band;
    const m = /within -?\$([0-9.]+)B/.exec(band);
    // The CLI's difference at the sweep's own points inside the band never exceeds what the page states.
    const lo = found.length ? found[0].value : 0, hi = found.length ? found[found.length - 1].value : 0;
    // The CLI's sweep CSV has a "cell" row per deal and input value (kind, scenario, versus, x, metric, ...).
    const byX = new Map();
    for (const row of parseCsv(cli('sweep', 'preset:commitment-2025q4', 'preset:open-2026', '--param', `/workloads/0/demand/growth_per_year=${sw.lo}:${sw.hi}:${sw.steps}`,
      '--metric', 'buyer.net_usd', '--format', 'csv')))
      if (row[0] === 'cell' && +row[3] >= lo && +row[3] <= hi) byX.set(row[3], [...(byX.get(row[3]) || []), +row[4]]);
    const rows = [...byX.values()].filter((vs) => vs.length === 2);
    const cliWidest = Math.max(0, ...rows.map(([x, y]) => Math.abs(x - y)));
    check(found.length >= 2 && m && /trade places \d+ times/.test(band) && cliWidest <= +m[1] * 1e9 * 1.01,
      'a pair crossing several times is read as a band, within the largest difference the CLI finds there',
      JSON.stringify({ n: found.length, band, cliWidest, rows: rows.length }));
    // The chart for slides carries the break-evens the page draws: a dashed line per crossing found, the legend
    // naming them, and labels that cover no other (their white backings do not intersect).
    await p3.screenshot({ path: OUT + 'sweep-crossings.png' });
    const slide = await p3.evaluate(() => window.pactscope.slideChart('sweep1'));
    const svg = slide ? slide.svg : '';
    const dashes = (svg.match(/stroke-dasharray="5 3"/g) || []).length;
    const backings = [...svg.matchAll(/<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)" fill="#ffffff" fill-opacity/g)]
      .map((b) => b.slice(1).map(Number));
    const meet = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    const overlaps = backings.filter((a, i) => backings.some((b, j) => j > i && meet(a, b))).length;
    check(dashes === found.length + 1 && /break-evens</.test(svg) && backings.length === found.length && overlaps === 0,
      "the sweep's slide draws each break-even with its label, none over another, and names them in the legend",
      JSON.stringify({ found: found.length, dashes, backings: backings.length, overlaps }));
    check(e3.length === 0, 'no page error in the several-crossings sweep', e3.join('; '));
    await p3.context().close();
  }

  // ---- compare: labels, B − A, tie ------------------------------------------------------------------
  await click(page, 'tab:Compare');
  await click(page, 'pin');  // open-2026 beside itself
  v = await until(page, (x) => x.compare.length > 1 && x.compare[0].length === 9);
  const header = v.compare[0] || [];
  check(header.some((h) => h.startsWith('B \u2212 A')), 'the compare table\'s header says "B − A"', JSON.stringify(header));
  for (const rows of ['totals', 'buyer', 'azure']) {
    if (rows !== 'totals') { await click(page, 'compare_rows'); await click(page, 'compare_rows=' + rows); v = await views(page); }
    const raw = v.compare.flat().filter(rawKeyIn);
    check(v.compare.length > 3 && raw.length === 0, `no raw key in the compare table (${rows} rows)`, JSON.stringify(raw.slice(0, 5)));
    const selfDelta = header.length === 9 ? v.compare.slice(1).map((r) => r[7]) : [];
    check(selfDelta.length > 3 && selfDelta.every((d) => d === 'tie' || d === '\u2014'), `a deal pinned beside itself is a tie on every row (${rows})`, JSON.stringify(selfDelta.slice(0, 5)));
  }
  await click(page, 'compare_rows');
  await click(page, 'compare_rows=totals');

  // ---- what changed equals pactscope explain --------------------------------------------------------
  v = await until(page, (x) => !x.explain.working && x.explain.contributions);
  // From the current deal to the pinned one: the direction of the table's B − A (pinned − current) and of the report.
  const ex = JSON.parse(cli('explain', 'preset:open-2026', 'preset:rofr-2025', '--metric', 'buyer.net_usd'));
  const parts = v.explain.contributions || [];
  check(v.explain.from === 'current' && v.explain.to === 'rofr-2025' && close(v.explain.delta, ex.delta) && parts.length === ex.contributions.length &&
    parts.every((p, i) => p.part === ex.contributions[i].part && close(p.value, ex.contributions[i].value, 1e-9)),
    'what changes from the current deal to rofr-2025 is `pactscope explain CURRENT PINNED`, part by part', JSON.stringify({ page: parts.slice(0, 2), cli: ex.contributions.slice(0, 2) }));
  // Above the waterfall, the same difference trial by trial: `pactscope compare`'s paired B − A with the page's trials
  // and seed; reversed (the arrows' button), its sign and tails swap.
  {
    const st = await state(page);
    const mc = JSON.parse(cli('compare', 'preset:open-2026', 'preset:rofr-2025', '--trials', String(st.mc.trials), '--seed', String(st.mc.seed), '--format', 'json'));
    const want = mc.pairs[0].stakeholders.buyer.net_usd;
    let got = (await until(page, (x) => x.explain.paired)).explain.paired || {};
    check(got.trials === st.mc.trials && close(got.p50, want.p50) && close(got.p10, want.p10) && close(got.p90, want.p90),
      "the line above the waterfall gives `pactscope compare`'s paired median and P10-P90 of the same difference", JSON.stringify({ got, want }));
    await click(page, 'explain:reverse');
    got = (await until(page, (x) => x.explain.from === 'rofr-2025' && !x.explain.working && x.explain.paired)).explain.paired || {};
    check(close(got.p50, -want.p50) && close(got.p10, -want.p90) && close(got.p90, -want.p10),
      'reversed, the paired difference changes sign and its P10 and P90 swap', JSON.stringify({ got, want }));
    await click(page, 'explain:reverse');
    v = await until(page, (x) => x.explain.from === 'current' && !x.explain.working && x.explain.contributions);
  }
  await page.screenshot({ path: OUT + 'compare-table.png' });
  const fall = await reveal(page, 'chart:explain');
  check(fall.h >= 24 * (parts.length + 2), 'the waterfall has a row for the current deal, each part and the pinned deal', JSON.stringify(fall));
  await page.mouse.move(fall.x + 5, 60);  // no hover read-out in the picture
  await frames(page, 3);
  await page.screenshot({ path: OUT + 'compare-explain.png' });
  await page.mouse.move(900, 500);
  await page.mouse.wheel(0, -3000);
  await frames(page, 3);

  // ---- the story ------------------------------------------------------------------------------------
  await click(page, 'tab:Story');
  v = await until(page, (x) => x.story.eras.length > 0 && x.story.eras.every((e) => e.p50), 240);
  const eras = v.story.eras;
  const ids = cli('presets').split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(/\s+/)[0]);
  check(ids.length >= 9 && eras.length === ids.length && ids.every((id) => eras.some((e) => e.preset === id)) &&
    eras.every((e) => e.trials === v.story.trials && e.trials_done === e.trials && e.seed === v.story.seed),
    'the story runs every preset (`pactscope presets`) with the same trials and seed', JSON.stringify({ eras: eras.map((e) => e.preset), ids }));
  check(eras[0].preset === 'exclusive-2019', 'the earliest terms (2019) come first', eras.map((e) => e.preset + ' ' + e.date).join('; '));
  const cliP50 = {};
  for (let i = 0; i < eras.length; i += 4) {
    const group = eras.slice(i, i + 4).map((e) => 'preset:' + e.preset);
    if (group.length === 1) group.push(group[0]);
    const out = JSON.parse(cli('compare', ...group, '--trials', String(v.story.trials), '--seed', String(v.story.seed), '--format', 'json'));
    group.forEach((g, k) => { cliP50[g.slice(7)] = out.scenarios[k]; });
  }
  const bad = [];
  for (const e of eras) {
    const c = cliP50[e.preset];
    for (const [key, value] of Object.entries(e.p50)) {
      const [party, figure] = key.includes('.') ? key.split('.') : [null, key];
      const want = party ? c.stakeholders[party][figure].p50 : c.totals[key].p50;
      if (!close(value, want)) bad.push(`${e.preset} ${key}: page ${value}, CLI ${want}`);
    }
  }
  check(bad.length === 0 && Object.keys(eras[0].p50).length >= 4, 'every era\'s medians equal `pactscope compare` with the same trials and seed', bad.slice(0, 4).join('; '));
  await page.screenshot({ path: OUT + 'story.png' });
  await click(page, 'story:rofr-2025');
  check((await state(page)).preset === 'rofr-2025', 'a click on an era opens that preset', (await state(page)).preset);

  // ---- every party's figures in the histogram and tornado ---------------------------------------------
  await click(page, 'tab:Uncertainty');
  await click(page, 'metric:tornado');
  await click(page, 'metric:tornado=azure.net_usd');
  await click(page, 'metric:hist');
  await click(page, 'metric:hist=buyer.net_usd');
  await frames(page, 10);
  await page.mouse.move(900, 600);
  await page.mouse.wheel(0, 600);
  await frames(page, 4);
  await page.screenshot({ path: OUT + 'uncertainty-party.png' });
  check((await items(page))['metric:tornado'] !== undefined, 'the tornado\'s picker is on screen');

  // ---- deals over other years -------------------------------------------------------------------------
  // exclusive-2019 runs 2019Q3–2024Q4, the pinned deals 2025Q1–2032Q4 (assets/presets): Compare says their totals
  // are sums over different years; between deals over the same years it says nothing of the kind.
  await click(page, 'tab:Compare');
  await frames(page, 4);
  const sameYears = (await items(page))['compare_horizons'] === undefined;
  await preset(page, 'exclusive-2019');
  await frames(page, 6);
  check(sameYears && (await items(page))['compare_horizons'] !== undefined,
    'Compare warns when a pinned deal covers other years than the current one (and not otherwise)');
  await page.screenshot({ path: OUT + 'compare-other-years.png' });
  check(errors.length === 0, 'no console errors', errors.join('\n'));

  // ---- no verdict on a difference that rounds to zero -----------------------------------------------------
  // commitment-2025q4 pinned beside without-aws: demand served differs by less than 0.05 pp at the median, and
  // "+0.0 pp (B better)" read as an answer. A delta with no nonzero digit says "(about the same)"; others keep theirs.
  {
    const { page: p4, errors: e4 } = await open(browser, server.url);
    await preset(p4, 'commitment-2025q4');
    await click(p4, 'tab:Compare');
    await click(p4, 'pin');
    await preset(p4, 'without-aws');
    const rows = (await until(p4, (x) => x.compare.length > 1 && (x.compare[0][2] || '').startsWith('A: without-aws') &&
      x.compare.slice(1).every((r) => r[4] && r[4] !== '\u2026' && r[4] !== '...'), 180)).compare.slice(1);
    const number = (r) => r[4].split(' ')[0];  // the median difference as written, before its unit ("H100e-h")
    const zero = rows.filter((r) => r[1] !== '\u2014' && r[4] !== 'tie' && !/[1-9]/.test(number(r)));
    const nonzero = rows.filter((r) => r[1] !== '\u2014' && r[4] !== 'tie' && /[1-9]/.test(number(r)));
    check(zero.length > 0 && zero.every((r) => r[4].endsWith('(about the same)')) &&
          nonzero.length > 0 && nonzero.every((r) => /\(B (better|worse)\)$/.test(r[4])),
      'a median difference that rounds to zero says "(about the same)", not "(B better)"; the others keep their verdict',
      JSON.stringify({ zero: zero.map((r) => r[0] + ': ' + r[4]), odd: nonzero.filter((r) => !/\(B (better|worse)\)$/.test(r[4])).map((r) => r[4]) }));
    check(e4.length === 0, 'no console errors (compare at zero)', e4.join('\n'));
    await p4.context().close();
  }
});
