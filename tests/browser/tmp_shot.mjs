import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1200, height: 900 } });
await p.goto('file://' + process.argv[2]);
const figs = await p.$$('figure');
let i = 0;
for (const f of figs) { await f.screenshot({ path: `${process.argv[3]}-${i}.png` }); i++; }
console.log(i, 'figures');
await b.close();
