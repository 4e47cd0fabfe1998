// exports.mjs — what leaves the page (issue 16), in headless Chromium.
//   - File > "Download report" (one pinned deal beside the current one) gives the same bytes as
//     `pactscope report CURRENT PINNED --trials N --seed S` (both call core/io/report.h)
//   - the report opens with no console error, has no script, and the KPIs it shows (the current deal's
//     cards, both deals' in the what-changed table) equal the CLI's `run` to the 3 significant digits shown
//   - it prints (Chromium's page.pdf) on A4 and on Letter within 7 to 24 pages: seven sections each
//     start a page; with two deals the comparison and clause tables run to a few pages each
//     (measured: 16 A4 / 16 Letter for these two presets)
//   - the comparison table and the what-changed waterfall (CSV) re-read to the numbers on screen
//   - "Download chart for slides" gives a PNG at 2× with a white background; its title, legend and
//     source line read back through the hook (window.pactscope.slideChart); "Download chart data"
//     gives CSV with units whose cells (cost by component and year) add up to the total cost shown
//   - the Sweep tab's "Download table (CSV)" (clicked) gives the same bytes as `pactscope sweep … --format csv`
//   - a share link made with two pinned deals on the Compare tab reopens, in a new context, the same
//     scenario, both pinned deals and the tab, and the same comparison table; an analysis on the Sweep tab
//     opens with its metric, input, range and steps, and its own share link reopens them in a new context
// Screenshots land in build/wasm/web-test/. Exit code 0 when every check passes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ROOT, runSuite, open, newContext, openIn, frames, state, click, reveal, items, cli, close, decodePng, inkStats, parseCsv, svgWords } from './harness.mjs';

const OUT = ROOT + 'build/wasm/web-test/';
mkdirSync(OUT, { recursive: true });

// "$971B", "-$91.1B", "58.4%", "$1.10T", "$647M" -> a number in the unit of the CLI's JSON.
function parseShown(text) {
  const m = /^(-?)\$?([0-9.,]+)\s*([KMBT%]?)$/.exec(text.trim());
  if (!m) return NaN;
  const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12, '%': 0.01 }[m[3]];
  return (m[1] ? -1 : 1) * Number(m[2].replace(/,/g, '')) * scale;
}

// Each `<span class="kpi" data-metric="M">TEXT</span>` in document order: [{metric, text}].
const kpisOf = (html) => [...html.matchAll(/<span class="kpi" data-metric="([^"]+)">([^<]*)<\/span>/g)].map((m) => ({ metric: m[1], text: m[2] }));


const valueOf = (run, metric) => (metric.startsWith('buyer.') ? run.stakeholders.buyer[metric.slice(6)] : run.totals[metric]);

await runSuite('browser exports', async ({ server, browser, check }) => {
  const { page, errors } = await open(browser, server.url);
  // rofr-2025 pinned, commitment-2025q4 current (the report's deal A is the current one).
  await page.evaluate(() => window.pactscope.preset('rofr-2025'));
  await click(page, 'tab:Compare');
  await click(page, 'pin');
  await page.evaluate(() => window.pactscope.preset('commitment-2025q4'));
  await page.waitForFunction(() => { const t = JSON.parse(window.pactscope.state());
    return t.mc.trials_done === t.mc.trials && t.pinned.every((p) => p.trials_done === p.trials); }, null, { timeout: 120000 });
  const s = await state(page);
  check(s.pinned.length === 1 && s.preset === 'commitment-2025q4', 'one deal pinned beside the current one', JSON.stringify(s.pinned));

  // ---- the report: page bytes == CLI bytes ------------------------------------------------------
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120000 }),
    page.evaluate(() => document.querySelector('[data-command="download-report"]').click()),
  ]);
  const pageHtml = readFileSync(await download.path(), 'utf8');
  const seconds = (Date.now() - started) / 1000;
  check(/-report\.html$/.test(download.suggestedFilename()), 'File > Download report saves NAME-report.html', download.suggestedFilename());
  console.log(`  (the page made the report in ${seconds.toFixed(1)} s, ${pageHtml.length} bytes)`);
  const cliFile = OUT + 'report.cli.html';
  cli('report', 'preset:commitment-2025q4', 'preset:rofr-2025', '--trials', String(s.mc.trials), '--seed', String(s.mc.seed), '--out', cliFile);
  const cliHtml = readFileSync(cliFile, 'utf8');
  writeFileSync(OUT + 'report.page.html', pageHtml);
  let firstDiff = -1;
  for (let i = 0; i < Math.max(pageHtml.length, cliHtml.length) && firstDiff < 0; i++) if (pageHtml[i] !== cliHtml[i]) firstDiff = i;
  check(pageHtml === cliHtml, `the page's report == pactscope report (${s.mc.trials} trials, seed ${s.mc.seed}), byte for byte`,
    firstDiff < 0 ? '' : `first difference at ${firstDiff}: page ${JSON.stringify(pageHtml.slice(firstDiff, firstDiff + 80))} cli ${JSON.stringify(cliHtml.slice(firstDiff, firstDiff + 80))}`);
  check(!/<script/i.test(pageHtml) && !/<link/i.test(pageHtml) && /<style>/.test(pageHtml) && /@page/.test(pageHtml),
    'the report is self-contained: no script, no link, inline CSS with print rules');

  // ---- every KPI equals the CLI's run -------------------------------------------------------------
  // The current deal's five KPI cards, and both deals' deterministic KPIs in the what-changed table.
  const metrics = ['cost_usd', 'stranded_usd', 'served_fraction', 'shortfall_value_usd', 'buyer.net_usd'];
  const kpis = kpisOf(pageHtml);
  check(kpis.map((k) => k.metric).join() === metrics.join(), "the report shows the current deal's five KPIs", kpis.map((k) => k.metric).join());
  const changed = pageHtml.slice(pageHtml.indexOf('<table class="changed">'));
  const rows = [...changed.slice(0, changed.indexOf('</table>')).matchAll(/<tr><th scope="row">[^<]*<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)];
  check(rows.length === 5, 'the what-changed table has both deals\' five KPIs', String(rows.length));
  const runs = [JSON.parse(cli('run', 'preset:commitment-2025q4')), JSON.parse(cli('run', 'preset:rofr-2025'))];
  const shown = [...kpis.map((k) => ({ deal: 0, metric: k.metric, text: k.text })),
    ...rows.flatMap((r, i) => [{ deal: 0, metric: metrics[i], text: r[1] }, { deal: 1, metric: metrics[i], text: r[2] }])];
  const bad = [];
  for (const k of shown) {
    const want = valueOf(runs[k.deal], k.metric), got = parseShown(k.text);
    // 3 significant digits: within half a unit of the third digit (0.5% of the value).
    if (!(Math.abs(got - want) <= 0.005 * Math.abs(want) + 1e-9)) bad.push(`${k.metric} ${k.text} vs ${want}`);
  }
  check(shown.length === 15 && bad.length === 0, "every KPI in the report equals the CLI's run (to the digits shown)", bad.join('; '));

  // ---- it opens with no console error, and prints on A4 and Letter ----------------------------------
  const reader = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  const readerErrors = [];
  reader.on('console', (m) => { if (m.type() === 'error') readerErrors.push(m.text()); });
  reader.on('pageerror', (e) => readerErrors.push(e.message));
  await reader.goto('file://' + cliFile);
  await reader.screenshot({ path: OUT + 'report-first-page.png' });
  check(readerErrors.length === 0, 'the report opens with no console error', readerErrors.join('; '));
  const sections = await reader.evaluate(() => [...document.querySelectorAll('section')].map((e) => e.id));
  check(['summary', 'figures', 'timeline', 'parties', 'comparison', 'what-changed', 'sources'].every((id) => sections.includes(id)),
    'the report has every section', sections.join(' '));
  for (const format of ['A4', 'Letter']) {
    const pdf = await reader.pdf({ format, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    check(pages >= 7 && pages <= 24, `the report prints on ${format} in 7 to 24 pages`, `${pages} pages`);
  }
  await reader.close();
  // ---- tables out: the comparison and what changed re-read to the numbers on screen ----------------
  const table = await page.evaluate(() => window.pactscope.exportFile('compare.csv'));
  const compareRows = parseCsv(table.text);
  const head = compareRows[0], costRow = compareRows.find((r) => r[0] === 'totals' && r[2] === 'cost_usd');
  check(head.slice(0, 5).join() === 'table,id,metric,unit,better' && costRow && costRow[3] === 'USD', 'the comparison table names units', head.slice(0, 5).join());
  const p50col = head.indexOf(s.scenario.name + ' p50');
  check(p50col > 0 && Number(costRow[p50col]) === s.mc.totals.cost_usd.p50,
    "the comparison table's current P50 of cost == the page's", `${costRow && costRow[p50col]} vs ${s.mc.totals.cost_usd.p50}`);
  // What changed is the waterfall on screen: from the current deal to the pinned one (as the table's B − A), in
  // the metric it shows.
  const wcText = (await page.evaluate(() => window.pactscope.exportFile('what-changed.csv'))).text;
  const wc = parseCsv(wcText);
  const a = wc.find((r) => r[2] === 'a'), b = wc.find((r) => r[2] === 'b'), parts = wc.filter((r) => r[2] === 'part');
  const partSum = parts.reduce((t, r) => t + Number(r[5]), 0);
  check(a && Number(a[5]) === s.result.stakeholders.buyer.net_usd && b && Number(b[5]) === runs[1].stakeholders.buyer.net_usd,
    "what changed runs from the current deal's net on screen to the pinned deal's", `${a && a[5]} -> ${b && b[5]}`);
  check(b && parts.length > 0 && Math.abs(Number(a[5]) + partSum - Number(b[5])) <= 1e-9 * Math.abs(Number(b[5])), 'its parts add up from A to B');
  check(wcText === cli('explain', 'preset:commitment-2025q4', 'preset:rofr-2025', '--metric', 'buyer.net_usd', '--format', 'csv'),
    'what changed == pactscope explain CURRENT PINNED --format csv, byte for byte');
  // Another metric picked on the Compare tab with the mouse: the file follows the screen.
  await click(page, 'tab:Compare');
  await frames(page, 3);
  await click(page, 'metric:explain');
  await click(page, 'metric:explain=azure.net_usd');
  await page.waitForFunction(() => { const e = window.pactscope.views().explain; return e.metric === 'azure.net_usd' && !e.working && e.contributions; },
    null, { timeout: 60000 }).catch(() => {});
  const azure = (await page.evaluate(() => window.pactscope.exportFile('what-changed.csv'))).text;
  check(azure === cli('explain', 'preset:commitment-2025q4', 'preset:rofr-2025', '--metric', 'azure.net_usd', '--format', 'csv'),
    "with Microsoft Azure's net picked, the file is that waterfall (pactscope explain --metric azure.net_usd)", azure.split('\n').slice(0, 2).join(' | '));
  await click(page, 'metric:explain');
  await click(page, 'metric:explain=buyer.net_usd');
  // Reversed with ⇄ (a mouse click): from the pinned deal to the current one — the waterfall, its title's ends
  // and the file are `explain PINNED CURRENT`, so a clause only the current deal holds reads "added".
  await click(page, 'explain:reverse');
  await page.waitForFunction(() => { const e = window.pactscope.views().explain; return e.to === 'current' && !e.working && e.contributions; },
    null, { timeout: 60000 }).catch(() => {});
  const back = await page.evaluate(() => window.pactscope.views().explain);
  const reversedCsv = (await page.evaluate(() => window.pactscope.exportFile('what-changed.csv'))).text;
  check(back.from === 'rofr-2025' && back.to === 'current' && back.value_a === runs[1].stakeholders.buyer.net_usd &&
    reversedCsv === cli('explain', 'preset:rofr-2025', 'preset:commitment-2025q4', '--metric', 'buyer.net_usd', '--format', 'csv'),
    'reversed, what changed runs from the pinned deal to the current one: the file is pactscope explain PINNED CURRENT',
    JSON.stringify({ from: back.from, to: back.to, a: back.value_a }));
  await click(page, 'explain:reverse');
  await page.waitForFunction(() => { const e = window.pactscope.views().explain; return e.from === 'current' && !e.working && e.contributions; },
    null, { timeout: 60000 }).catch(() => {});

  // ---- the chart for slides and its data ----------------------------------------------------------
  // Overview's first chart is the cost by component per year: its cells add up to the total cost.
  await click(page, 'tab:Overview');
  await page.mouse.move(5, 5);  // no chart pointed at: the first on screen is the current one
  await frames(page, 3);
  const slide = await page.evaluate(() => window.pactscope.slideChart());
  check(slide && slide.ok && slide.title.length > 0, 'the chart for slides has a title', slide && slide.title);
  const providers = s.scenario.providers.map((p) => p.name || p.id);
  check(slide && slide.legend.some((n) => providers.includes(n)) || slide.legend.some((n) => /compute|egress|stranded/.test(n)),
    'its legend names what is drawn', JSON.stringify(slide && slide.legend));
  // Its source line says it is a deterministic run; a chart of trials (the cost fan) names the seed and trials.
  check(slide && slide.svg.includes(`>${slide.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`) && slide.svg.includes('\u00b7 deterministic<') &&
    !slide.svg.includes('seed '), 'the SVG carries the title and a source line saying the chart is deterministic (no seed)');
  await click(page, 'tab:Uncertainty');
  await frames(page, 3);
  const fanSlide = await page.evaluate(() => window.pactscope.slideChart('fan'));
  check(fanSlide && fanSlide.ok && fanSlide.svg.includes(`seed ${s.mc.seed} \u00b7 ${s.mc.trials.toLocaleString('en-US')} trials`),
    "the cost fan's source line names the seed and the trials", fanSlide && fanSlide.svg.slice(-400));
  // The tornado's slide draws each input's swing from the base (every input at its median), not from $0, where
  // swings of a few percent look alike; the histogram's counts read as trials, not as an index.
  const tornadoSlide = await page.evaluate(() => window.pactscope.slideChart('tornado'));
  check(tornadoSlide && tornadoSlide.ok && tornadoSlide.svg.includes('>base: every input at its median<') && !tornadoSlide.svg.includes('>$0<'),
    "the tornado's slide draws its bars from the base, on an axis spanning the swings", tornadoSlide && tornadoSlide.legend.join(', '));
  const histSlide = await page.evaluate(() => window.pactscope.slideChart('hist'));
  check(histSlide && histSlide.ok && histSlide.svg.includes('>trials per bin<') && !/index/.test(histSlide.svg) && /trials per bin \(count\)/.test(histSlide.csv),
    "the histogram's slide counts trials per bin (no index unit)", histSlide && histSlide.csv.split('\n')[0]);
  await click(page, 'tab:Overview');
  await page.mouse.move(5, 5);
  await frames(page, 3);
  const [png] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }),
    page.evaluate(() => document.querySelector('[data-command="download-chart-slides"]').click())]);
  const img = decodePng(readFileSync(await png.path()));
  writeFileSync(OUT + 'slide.png', readFileSync(await png.path()));
  check(img.width === 2 * slide.width && img.height === 2 * slide.height, 'the slide PNG decodes at 2×', `${img.width}×${img.height}`);
  const px = (x, y) => Array.from(img.pixels.slice((y * img.width + x) * img.channels, (y * img.width + x) * img.channels + 3));
  const corners = [px(2, 2), px(img.width - 3, 2), px(2, img.height - 3), px(img.width - 3, img.height - 3)];
  check(corners.every((c) => c.every((v) => v >= 245)), 'the slide has a light (white) background', JSON.stringify(corners));
  const ink = inkStats(img);
  check(ink.colours > 8, 'the slide shows a chart, not a blank', JSON.stringify(ink));
  const [csvDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }),
    page.evaluate(() => document.querySelector('[data-command="download-chart-data"]').click())]);
  const downloaded = parseCsv(readFileSync(await csvDownload.path(), 'utf8'));
  check(downloaded.length === s.result.quarters.length + 1 && /\((H100e|USD)\)/.test(downloaded[0].join(',')),
    'the chart data has a row per x label and names its unit in the header', downloaded[0].join(','));
  // Overview's cost by component per year: its cells add up to the total cost on screen.
  const costChart = await page.evaluate(() => window.pactscope.slideChart('cost'));
  const csv = parseCsv(costChart.csv);
  check(/\(USD\)/.test(csv[0].join(',')), 'the cost chart data says USD in its header', csv[0].join(','));
  const now = await state(page);
  const sum = csv.slice(1).reduce((t, row) => t + row.slice(1).reduce((u, v) => u + (v === '' ? 0 : Number(v)), 0), 0);
  check(Math.abs(sum - now.result.totals.cost_usd) <= 1e-6 * Math.abs(now.result.totals.cost_usd),
    "the cost chart's data re-reads to the total cost on screen", `${sum} vs ${now.result.totals.cost_usd}`);
  // Money flows: the buyer's payments to providers and to its owned capacity add up to its total cost (MODEL §11.6:
  // the providers' revenue is the cost less what owned capacity accounts for), on the slide as on the page.
  await click(page, 'tab:Money');
  await frames(page, 3);
  const flowsSlide = await page.evaluate(() => window.pactscope.slideChart('flows'));
  const buyerName = s.scenario.buyer.name || s.scenario.buyer.id;
  const paid = flowsSlide && flowsSlide.ok ? parseCsv(flowsSlide.csv).slice(1).filter((r) => r[0].startsWith(buyerName + ' \u2192 ')) : [];
  const paidSum = paid.reduce((t, r) => t + Number(r[1]), 0);
  check(paid.some((r) => /owned capacity/.test(r[0])) && Math.abs(paidSum - now.result.totals.cost_usd) <= 1e-6 * Math.abs(now.result.totals.cost_usd),
    "the money flows (to providers and to owned capacity) add up to the total cost, on the slide", `${paidSum} vs ${now.result.totals.cost_usd}: ${paid.map((r) => r[0]).join('; ')}`);
  // The slide says so under the chart, as the page does, and draws the "of which" parts apart from the flows (grey),
  // the providers' bars each in its own colour: in one colour the parts read as more money.
  const flowsSvg = flowsSlide && flowsSlide.ok ? flowsSlide.svg : '';
  // The bars are the rects after the first tick label; grey is the palette's last colour (core/io/chart_svg.cpp).
  const bars = flowsSvg.slice(flowsSvg.indexOf('</text>'));
  const fills = [...bars.matchAll(/<rect[^>]*fill="(#[0-9a-f]{6})"/gi)].map((m) => m[1].toLowerCase());
  const partRows = flowsSlide && flowsSlide.ok ? parseCsv(flowsSlide.csv).slice(1).filter((r) => r[0].startsWith('of all the flows above: ')).length : 0;
  const greys = fills.filter((f) => f === '#546e7a').length;
  check(/add up to [^<]*total cost[^<]*grey rows are parts of them/.test(svgWords(flowsSvg)) && partRows >= 1 &&
    greys === partRows && new Set(fills).size >= 5,
    'the flows slide says the flows add up to the total cost, its "of which" rows (and only they) grey, the other bars in their providers\' colours',
    JSON.stringify({ partRows, greys, colours: [...new Set(fills)] }));
  // The nets chart: a net before its provider's cost (starred, no provider_cost given) shares the axis with nets
  // after it, so the slide says what the star means, as the page does under the chart.
  {
    await page.mouse.move(900, 500);  // the chart is drawn (and recorded) once scrolled into the results panel
    for (let i = 0; i < 20 && !(await items(page))['chart:nets']; i++) { await page.mouse.wheel(0, 300); await frames(page, 3); }
    const netsSlide = await page.evaluate(() => window.pactscope.slideChart('nets'));
    const starred = netsSlide && netsSlide.ok ? parseCsv(netsSlide.csv).slice(1).filter((r) => r[0].endsWith('*')).map((r) => r[0]) : [];
    const words = svgWords(netsSlide && netsSlide.ok ? netsSlide.svg : '');
    // The names the note gives (not the bars' labels, which carry them too, each star followed by a value), whole:
    // no line cut.
    const named = ((words.match(/\* ([^:*$]+): net before what the capacity costs its provider/) || [])[1] || '').split(', ');
    check(starred.length >= 1 && JSON.stringify(named) === JSON.stringify(starred.map((n) => n.slice(0, -1))) && !words.includes('\u2026'),
      'the nets slide says what its starred bars are (before the provider\'s own cost, not given), naming each', JSON.stringify({ starred, named }));
    // The flows chart is now scrolled out of view (the nets are read). A deal picked and the flows exported at once,
    // before any frame: the slide is the new deal's (open-2026 has Cerebras; commitment-2025q4 has not), its
    // payments adding up to the new deal's total cost, not the last deal's numbers under the new deal's name.
    const picked = await page.evaluate(() => { window.pactscope.preset('open-2026'); return window.pactscope.slideChart('flows'); });
    const open26 = await state(page);
    const rows = picked && picked.ok ? parseCsv(picked.csv).slice(1) : [];
    const paidNow = rows.filter((r) => r[0].startsWith(buyerName + ' \u2192 ')).reduce((t, r) => t + Number(r[1]), 0);
    check(open26.preset === 'open-2026' && rows.some((r) => /Cerebras/.test(r[0])) &&
      Math.abs(paidNow - open26.result.totals.cost_usd) <= 1e-6 * open26.result.totals.cost_usd && svgWords(picked.svg).includes(open26.scenario.name),
      'a chart out of view, exported right after another deal is picked, is the new deal\'s (its flows add up to its total cost)',
      `${paidNow} vs ${open26.result.totals.cost_usd}; ${rows.map((r) => r[0]).join('; ')}`);
    await page.evaluate(() => window.pactscope.preset('commitment-2025q4'));
    await page.waitForFunction(() => { const t = JSON.parse(window.pactscope.state());
      return t.mc.trials_done === t.mc.trials && t.pinned.every((p) => p.trials_done === p.trials); }, null, { timeout: 120000 });
    await page.mouse.wheel(0, -6000);
    await frames(page, 3);
  }
  // With a pinned deal, the sweep's legend names both deals (not "current").
  await click(page, 'tab:Sweep');
  await page.mouse.move(5, 5);
  await frames(page, 3);
  const compared = await page.evaluate(() => window.pactscope.slideChart());
  console.log('  (Sweep chart: ' + (compared ? compared.title + ' / ' + JSON.stringify(compared.legend) : 'none') + ')');
  check(compared && compared.legend.includes(s.scenario.name) && !compared.legend.includes('current'),
    "the sweep chart's legend names the deals, not \"current\"", JSON.stringify(compared && compared.legend));
  // What changed (the Compare tab's waterfall) goes to slides as the other charts do: from the current deal through
  // each part to the pinned one, a row each with its name whole (read across), its data the page's values.
  await click(page, 'tab:Compare');
  await page.waitForFunction(() => { const v = window.pactscope.views().explain; return !v.working && v.contributions; }, null, { timeout: 120000 });
  await frames(page, 3);
  const whatChanged = await page.evaluate(() => window.pactscope.views().explain);
  const fall = await page.evaluate(() => window.pactscope.slideChart('explain'));
  const fallRows = fall && fall.ok ? parseCsv(fall.csv).filter((r) => r.length > 1) : [];
  check(fall && fall.ok && fall.svg.includes('>increase<') && !fall.svg.includes('\u2026') && !fall.svg.includes('rotate(-30') &&
    fallRows.length === whatChanged.contributions.length + 3 && whatChanged.contributions.every((c, i) => fallRows[i + 2][0] === c.part && close(+fallRows[i + 2][1], c.value, 1e-9)),
    "what changed exports for slides: a row per part, names whole, the page's values", JSON.stringify({ rows: fallRows.slice(0, 3), parts: whatChanged.contributions.slice(0, 2) }));
  // The slide's one deterministic difference travels with the trials' view of it: the paired median, its P10-P90 and
  // how often the deal it ends at is better (the line above the waterfall on the page), under the chart.
  {
    const words = svgWords(fall && fall.ok ? fall.svg : '');
    const paired = whatChanged.paired || {};
    // The median and the odds are the compare table's B − A and P(B better) for the same metric, the deal named as
    // the table names it.
    const netRow = (await page.evaluate(() => window.pactscope.views().compare)).find((r) => r[0] === 'OpenAI \u2014 net') || [];
    // The median as the table's B − A cell writes it (one formatter: the waterfall runs current to pinned here).
    const said = `paired trials the same difference has a median of ${(netRow[4] || '?').replace(/ \(B (better|worse)\)$/, '')} (P10 to P90 `;
    check(whatChanged.to === 'rofr-2025' && paired.trials > 0 && netRow[5] && words.includes(said) &&
      words.includes(`rofr-2025 is better in ${netRow[5]} of them.`) && !words.includes('\u2026'),
      'the waterfall slide says the paired Monte Carlo median and how often the deal it ends at is better (the table\'s P(B better))',
      JSON.stringify({ said, odds: netRow[5], words: words.slice(-420) }));
  }
  await click(page, 'tab:Sweep');
  // The tab's "Download table (CSV)" button (a mouse click) saves the grid and its break-evens: the same bytes as
  // `pactscope sweep CURRENT PINNED --param INPUT=LO:HI:STEPS --metric METRIC --format csv`.
  const onSweep = await page.evaluate(() => window.pactscope.views().sweep);
  const [sweepDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), click(page, 'sweep:csv')]);
  const sweepCsv = readFileSync(await sweepDownload.path(), 'utf8');
  writeFileSync(OUT + 'sweep.page.csv', sweepCsv);
  const cliSweep = cli('sweep', 'preset:commitment-2025q4', 'preset:rofr-2025', '--param', `${onSweep.input}=${onSweep.lo}:${onSweep.hi}:${onSweep.steps}`,
    '--metric', onSweep.metric, '--format', 'csv');
  console.log(`  (sweep table: ${onSweep.metric} over ${onSweep.input} ${onSweep.lo} to ${onSweep.hi}, ${onSweep.steps} steps; ` +
    `${sweepCsv.split('\n').filter((l) => l.startsWith('break_even,')).length} break-even rows)`);
  check(/-sweep\.csv$/.test(sweepDownload.suggestedFilename()), 'the Sweep tab\'s button saves NAME-sweep.csv', sweepDownload.suggestedFilename());
  check(sweepCsv.length > 0 && sweepCsv === cliSweep, 'the sweep table from the page == pactscope sweep --format csv, byte for byte',
    `${sweepCsv.length} vs ${cliSweep.length} bytes`);
  const sweepHead = parseCsv(sweepCsv)[0];
  check(sweepHead[3].startsWith(onSweep.input + ' (') && / \(USD\)$/.test(sweepHead[4]), 'its header names the input\'s unit and the metric\'s', sweepHead.join(','));
  // The sweep chart's data (Download chart data) gives the input's exact values first, then the labels as shown
  // ("$1.67/H100e-h"): the same numbers as the table's input column (cells of the current deal).
  const chartRows = parseCsv(compared.csv).filter((r) => r.length > 1);
  const tableX = parseCsv(sweepCsv).filter((r) => r[0] === 'cell' && r[1] === s.scenario.name).map((r) => r[3]);
  // Its header names the input in full, owner and field ("Microsoft Azure — price per H100e-hour"): the page's
  // axis shows the field alone, which could be any workload's or provider's.
  check(chartRows[0][0].startsWith(onSweep.input_name.replace(/ \([^)]*\)$/, '')),
    "the sweep chart's data names the input with its owner", `${chartRows[0][0]} vs ${onSweep.input_name}`);
  check(chartRows[0][1] === chartRows[0][0] + ' (as shown)' && chartRows.length - 1 === tableX.length &&
    chartRows.slice(1).every((r, i) => r[0] === tableX[i] && r[1].length > 0),
    "the sweep chart's data has the input's exact values (as the sweep table's) and the labels as shown",
    JSON.stringify(chartRows.slice(0, 3)) + ' vs ' + JSON.stringify(tableX.slice(0, 2)));
  // A count of quarters (a build slip: the engine rounds it) is swept one quarter a step: AMD's slip, "4 to 16",
  // opens on 4 q to 16 q in 13 steps; typing 10 q as the upper end (mouse and keyboard) makes it 7 steps, not 13
  // half-quarter ones; an end that is not whole (10.5 q) is kept as typed, and so are the steps.
  const slip = '/providers/9/capacity/1/slip_quarters';
  await click(page, 'input:sweep_x');
  await page.keyboard.type('AMD');
  await frames(page, 3);
  await click(page, 'input:sweep_x=' + slip);
  const sweepNow = () => page.evaluate(() => { const v = window.pactscope.views().sweep; return { input: v.input, lo: v.lo, hi: v.hi, steps: v.steps, note: v.opened }; });
  const slipOpened = await sweepNow();
  check(slipOpened.input === slip && slipOpened.lo === 4 && slipOpened.hi === 16 && slipOpened.steps === 13 && /in whole quarters/.test(slipOpened.note),
    'a build slip of "4 to 16" opens on 4 q to 16 q, one quarter a step, and says so', JSON.stringify(slipOpened));
  const typeField = async (name, text) => {
    const r = await reveal(page, name);
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await frames(page, 4);
    return { ...(await sweepNow()), refused: Object.keys(await items(page)).includes('refused:' + name) };
  };
  const typeEnd = (text) => typeField('sweep:0:hi', text);
  const typed = await typeEnd('10 q');
  check(typed.lo === 4 && typed.hi === 10 && typed.steps === 7 && typed.note === 'Range typed by you, one quarter a step.',
    'typing 10 q as its upper end sweeps 4 q to 10 q in 7 steps, and the note says the range is the one typed', JSON.stringify(typed));
  const half = await typeEnd('10.5 q');
  check(half.hi === 10.5 && half.steps === 7 && half.note === 'Range typed by you.', 'an upper end of 10.5 q stays 10.5 q, and the steps stay 7',
    JSON.stringify(half));
  // The steps are a field beside the range (dragged, or clicked and typed): a whole number within the limits
  // is taken; 2.5 or 500 is refused under the row, and the steps stay as they were.
  const s30 = await typeField('sweep:0:steps', '30');
  check(s30.steps === 30 && !s30.refused, 'typing 30 in the steps field sweeps 30 steps', JSON.stringify(s30));
  const sHalf = await typeField('sweep:0:steps', '2.5'), sMany = await typeField('sweep:0:steps', '500');
  check(sHalf.steps === 30 && sHalf.refused && sMany.steps === 30 && sMany.refused,
    'typing 2.5 or 500 steps is refused under the row, and the steps stay 30', JSON.stringify({ sHalf, sMany }));
  // A reversed range is refused in the field's terms and the range stays.
  const range0 = await sweepNow();
  const reversed = await typeField('sweep:0:lo', '12 q');
  check(reversed.lo === range0.lo && reversed.hi === range0.hi && reversed.refused,
    'a lower end typed above the upper end is refused and the range stays', JSON.stringify({ range0, reversed }));
  // A new metric keeps the input and range the user chose (the same scenario: the same input).
  await click(page, 'metric:sweep');
  await click(page, 'metric:sweep=buyer.net_usd');
  await frames(page, 4);
  const newMetric = await sweepNow();
  check(newMetric.input === slip && newMetric.lo === range0.lo && newMetric.hi === range0.hi && newMetric.steps === 30,
    'a new metric keeps the input, range and steps the user chose', JSON.stringify(newMetric));
  await page.screenshot({ path: OUT + 'sweep-whole-quarters.png' });
  // The same scenario opened anew (File > Open of a file with the same name): another file may hold other inputs at
  // those pointers, so the tab opens again on what drives the metric most, as for any other scenario.
  const file = await page.evaluate(() => window.pactscope.exportFile('scenario.json'));
  await page.evaluate((t) => window.pactscope.load(t, 'scenario.json'), file.text);
  await frames(page, 6);
  const fresh = await sweepNow();
  check(/^Opened on what drives/.test(fresh.note) && !/by you/.test(fresh.note),
    'a file opened anew under the same name reopens the sweep on the strongest input', JSON.stringify({ before: newMetric, after: fresh }));
  await click(page, 'tab:Compare');

  // ---- a link that carries the analysis --------------------------------------------------------------
  // Pin a second deal (open-2026), stay on Compare, and open the link in a new context (fresh storage).
  await page.evaluate(() => window.pactscope.preset('open-2026'));
  await click(page, 'pin');
  await page.evaluate(() => window.pactscope.preset('commitment-2025q4'));
  const settled = () => page.waitForFunction(() => { const t = JSON.parse(window.pactscope.state());
    return t.mc.trials_done === t.mc.trials && t.pinned.every((p) => p.trials_done === p.trials); }, null, { timeout: 180000 });
  await settled();
  const before = await state(page);
  const link = await page.evaluate(() => window.pactscope.shareLink());
  check(before.pinned.length === 2 && before.tab === 'Compare', 'two deals pinned, Compare open', JSON.stringify(before.pinned.map((p) => p.label)));
  console.log(`  (the link with two pinned deals: ${link.length} characters)`);
  const other = await newContext(browser);
  const opened = await openIn(other, server.url + link.slice(link.indexOf('#')));
  await frames(opened.page, 3);
  await opened.page.waitForFunction(() => { const t = JSON.parse(window.pactscope.state());
    return t.pinned.length === 2 && t.mc.trials_done === t.mc.trials && t.pinned.every((p) => p.trials_done === p.trials); }, null, { timeout: 180000 });
  const after = await state(opened.page);
  check(JSON.stringify(after.scenario) === JSON.stringify(before.scenario), 'the link reopens the current scenario exactly');
  check(JSON.stringify(after.pinned) === JSON.stringify(before.pinned), 'the link reopens both pinned deals (labels, trials)', JSON.stringify(after.pinned));
  check(after.tab === 'Compare', 'the link reopens the Compare tab', after.tab);
  check(after.preset === 'commitment-2025q4' && before.preset === 'commitment-2025q4', 'an unchanged preset reopens as that preset, not "(imported)"',
    `${before.preset} -> ${after.preset}`);
  const cmpBefore = (await page.evaluate(() => window.pactscope.exportFile('compare.csv'))).text;
  const cmpAfter = (await opened.page.evaluate(() => window.pactscope.exportFile('compare.csv'))).text;
  check(cmpBefore.length > 0 && cmpAfter === cmpBefore, "the reopened comparison's table is the same, number for number");
  // An analysis of the wrong shape (from anyone): its scenario opens; the pinned deals and tab of the wrong
  // type count as absent, and nothing throws.
  const odd = await opened.page.evaluate(async () => {
    const env = { schema: 'pactscope/analysis@1', scenario: JSON.parse(window.pactscope.exportFile('scenario.json').text), pinned: 5, tab: 3 };
    const url = await window.pactscope.encodeLinkForTest(JSON.stringify(env));
    const r = window.pactscope.openLink(url.slice(url.indexOf('#')));
    return { ok: r.ok, pinned: JSON.parse(window.pactscope.state()).pinned.length };
  });
  check(odd.ok && odd.pinned === 0, 'an analysis with pinned and tab of the wrong type opens its scenario and pins nothing', JSON.stringify(odd));
  check(opened.errors.length === 0, 'no console error in the reopened page', opened.errors.join('; '));
  await other.close();

  // The sweep settings travel too: an analysis on the Sweep tab with a chosen metric, input, range and steps
  // (not what the sweep would open on by itself) and rofr-2025 pinned opens with them, and its own share link
  // reopens them again in a fresh context.
  const sweepSettings = { metric: 'azure.revenue_usd', x: { input: '/providers/0/price_usd_per_h100e_hour', lo: 1.7, hi: 3.9, steps: 12 }, y: null };
  const rofr = JSON.parse(readFileSync(ROOT + 'assets/presets/rofr-2025.json', 'utf8'));
  await page.evaluate(async ([sweep, pinnedScenario]) => {
    const env = { schema: 'pactscope/analysis@1', scenario: JSON.parse(window.pactscope.exportFile('scenario.json').text),
      pinned: [{ label: 'rofr-2025', scenario: pinnedScenario }], tab: 'Sweep', sweep };
    const url = await window.pactscope.encodeLinkForTest(JSON.stringify(env));
    window.pactscope.openLink(url.slice(url.indexOf('#')));
  }, [sweepSettings, rofr]);
  await frames(page, 5);
  const sweepOf = (p) => p.evaluate(() => { const v = window.pactscope.views().sweep;
    return { tab: JSON.parse(window.pactscope.state()).tab, metric: v.metric, input: v.input, lo: v.lo, hi: v.hi, steps: v.steps, second: v.second_input }; });
  const want = { tab: 'Sweep', metric: 'azure.revenue_usd', input: '/providers/0/price_usd_per_h100e_hour', lo: 1.7, hi: 3.9, steps: 12, second: '' };
  const sweepHere = await sweepOf(page);
  check(JSON.stringify(sweepHere) === JSON.stringify(want), "an analysis's sweep settings open as written", JSON.stringify(sweepHere));
  // Its table, by the File menu this time: Azure's revenue under the two deals crosses inside this range of
  // Azure's price (at about $3.23, by pactscope sweep), so the table has a break-even row, as the CLI's.
  const [crossDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }),
    page.evaluate(() => document.querySelector('[data-command="download-sweep"]').click())]);
  const crossCsv = readFileSync(await crossDownload.path(), 'utf8');
  const crossCli = cli('sweep', 'preset:commitment-2025q4', 'preset:rofr-2025', '--param', '/providers/0/price_usd_per_h100e_hour=1.7:3.9:12',
    '--metric', 'azure.revenue_usd', '--format', 'csv');
  const crossRows = crossCsv.split('\n').filter((l) => l.startsWith('break_even,'));
  check(crossRows.length >= 1 && crossCsv === crossCli, 'File > Download sweep and break-evens == pactscope sweep, with its break-even row',
    `${crossRows.length} break-even rows; ${crossCsv.length} vs ${crossCli.length} bytes`);
  // ... and it re-reads to the crossing the tab reads out (the table bisects between its grid values, the
  // readout over the whole range: the same price to the bisection's precision).
  const readout = (await page.evaluate(() => window.pactscope.views().sweep)).crossings.find((c) => c.found);
  const tabled = crossRows.length ? Number(parseCsv(crossRows[0])[0][3]) : NaN;
  check(readout && Math.abs(tabled - readout.value) <= 1e-6 * Math.abs(readout.value),
    "the table's break-even price == the one the Sweep tab reads out", `${tabled} vs ${readout && readout.value} (${readout && readout.text})`);
  const sweepLink = await page.evaluate(() => window.pactscope.shareLink());
  const third = await newContext(browser);
  const reopened = await openIn(third, server.url + sweepLink.slice(sweepLink.indexOf('#')));
  await frames(reopened.page, 5);
  const sweepThere = await sweepOf(reopened.page);
  check(JSON.stringify(sweepThere) === JSON.stringify(want), "the page's share link reopens the sweep (metric, input, range, steps) and its tab", JSON.stringify(sweepThere));
  check(reopened.errors.length === 0, 'no console error in the page reopened on the sweep', reopened.errors.join('; '));
  // A link asking for more steps than the sweep takes (2 to 200 a side for one input) opens with 200 and
  // says so beside the sweep, rather than changing the number silently.
  await reopened.page.evaluate(async (sweep) => {
    const env = { schema: 'pactscope/analysis@1', scenario: JSON.parse(window.pactscope.exportFile('scenario.json').text), tab: 'Sweep', sweep };
    const url = await window.pactscope.encodeLinkForTest(JSON.stringify(env));
    window.pactscope.openLink(url.slice(url.indexOf('#')));
  }, { ...sweepSettings, x: { ...sweepSettings.x, steps: 500 } });
  await frames(reopened.page, 5);
  const many = await reopened.page.evaluate(() => window.pactscope.views().sweep);
  check(many.steps === 200 && /500 steps are 200 here/.test(many.opened), "a link's 500 steps open as 200, and the page says so",
        JSON.stringify({ steps: many.steps, opened: many.opened }));
  await third.close();

  // ---- exports tell an edited deal from its pinned original (pin, tweak one number, compare) ------------
  {
    const ctx = await newContext(browser);
    const { page: p3, errors: e3 } = await openIn(ctx, server.url);
    await p3.waitForFunction(() => window.pactscope && window.pactscope.ready, null, { timeout: 60000 });
    await p3.evaluate(() => window.pactscope.preset('commitment-2025q4'));
    await frames(p3, 4);
    await click(p3, 'tab:Compare');
    await click(p3, 'pin');
    await click(p3, 'card:/contract/1');
    const field = await reveal(p3, '/contract/1/usd');
    await p3.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
    await p3.keyboard.type('150B');
    await p3.keyboard.press('Enter');
    await frames(p3, 4);
    const st = await state(p3);
    const name = st.scenario.name;
    const head = parseCsv((await p3.evaluate(() => window.pactscope.exportFile('compare.csv'))).text)[0];
    check(st.scenario.contract[1].usd === 1.5e11 && head.includes(`${name} (edited) p50`) && head.includes(`${name} p50`),
      'the comparison table heads the edited deal "NAME (edited)" and the pinned original "NAME"', head.filter((h) => / p50$/.test(h)).join(' | '));
    await click(p3, 'tab:Overview');
    await p3.mouse.move(5, 5);
    await frames(p3, 3);
    await click(p3, 'tab:Compare');
    await frames(p3, 3);
    const wc = (await p3.evaluate(() => window.pactscope.exportFile('what-changed.csv'))).text;
    check(wc.includes(`"${name} (edited)"`) || wc.includes(`${name} (edited)`), 'what changed names the edited deal "(edited)"', wc.split('\n').slice(-2).join(' | '));
    // An edited copy pinned, then edited again: three deals of one name, each named apart on a slide too.
    await click(p3, 'pin');
    const field2 = await reveal(p3, '/contract/1/usd');
    await p3.mouse.click(field2.x + field2.w / 2, field2.y + field2.h / 2);
    await p3.keyboard.type('100B');
    await p3.keyboard.press('Enter');
    await click(p3, 'tab:Sweep');
    await frames(p3, 10);
    await p3.mouse.move(5, 5);
    await frames(p3, 3);
    const slide3 = await p3.evaluate(() => window.pactscope.slideChart());
    check(slide3 && slide3.ok && slide3.legend.length === 3 && new Set(slide3.legend).size === 3,
      'with an edited copy pinned and edited again, the slide names all three deals apart', JSON.stringify(slide3 && slide3.legend));
    check(e3.length === 0, 'no console error while comparing an edited deal with its original', e3.join('; '));
    await ctx.close();
  }

  check(errors.length === 0, 'no console error in the page', errors.join('; '));
});
