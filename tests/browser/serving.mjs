// serving.mjs — what serve.sh promises (issue #6): web/server/serve.mjs binds to loopback only,
// serves .wasm as application/wasm, sends the CSP and X-Content-Type-Options: nosniff, compresses for a
// browser that accepts gzip (issue 17: the transfer size), and
// refuses every path outside the build folder (.., encoded .., symlinks out, NUL).
import { request } from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { networkInterfaces, tmpdir } from 'node:os';
import { ROOT, WEB, runSuite } from './harness.mjs';

// A raw GET (the path is sent as written: no client-side normalisation of "..").
const get = (url, path, headers = {}) => new Promise((resolve, reject) => {
  const u = new URL(url);
  const req = request({ host: u.hostname, port: u.port, path, method: 'GET', headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
  });
  req.on('error', reject);
  req.end();
});

// A symlink inside the served folder that points outside it.
const outside = mkdtempSync(tmpdir() + '/pactscope-outside-');
writeFileSync(outside + '/secret.txt', 'not for the web\n');
const link = WEB + '/outside-link';
rmSync(link, { force: true });
symlinkSync(outside, link);
await runSuite('serving', async ({ server, check }) => {
  try {
    const port = new URL(server.url).port;
    check(server.url.startsWith('http://127.0.0.1:'), 'the server listens on 127.0.0.1', server.url);
    const wasm = await get(server.url, '/pactscope_app.wasm');
    check(wasm.status === 200 && wasm.headers['content-type'] === 'application/wasm', '.wasm is served as application/wasm', wasm.headers['content-type']);
    const page = await get(server.url, '/');
    const csp = page.headers['content-security-policy'] || '';
    check(page.status === 200 && /script-src 'self' 'wasm-unsafe-eval'/.test(csp) && /default-src 'self'/.test(csp), 'the page comes with the Content-Security-Policy', csp);
    check(page.headers['x-content-type-options'] === 'nosniff', 'X-Content-Type-Options: nosniff', page.headers['x-content-type-options']);
    const font = await get(server.url, '/fonts/Inter-Regular.otf');
    check(font.status === 200 && font.headers['content-type'] === 'font/otf' && font.headers['x-content-type-options'] === 'nosniff', 'fonts are served with their type and nosniff');
    // A browser that accepts gzip gets the same bytes compressed; a client that does not, the file as it is.
    const file = readFileSync(WEB + '/pactscope_app.wasm');
    check(wasm.headers['content-encoding'] === undefined && wasm.body.equals(file), 'without Accept-Encoding the .wasm comes as it is');
    const zipped = await get(server.url, '/pactscope_app.wasm', { 'Accept-Encoding': 'gzip, deflate, br' });
    const same = zipped.headers['content-encoding'] === 'gzip' && gunzipSync(zipped.body).equals(file);
    check(same && zipped.body.length < file.length * 0.7 && zipped.headers['content-type'] === 'application/wasm' && /Accept-Encoding/.test(zipped.headers.vary || ''),
          'with Accept-Encoding: gzip the .wasm comes compressed (decoded: the same bytes), Vary: Accept-Encoding',
          `${zipped.headers['content-encoding']}, ${zipped.body.length} of ${file.length} bytes`);
    const script = await get(server.url, '/pactscope_worker.js', { 'Accept-Encoding': 'gzip' });
    check(script.headers['content-encoding'] === 'gzip' && gunzipSync(script.body).equals(readFileSync(WEB + '/pactscope_worker.js')), 'scripts come compressed too');
    const refused = await get(server.url, '/pactscope_worker.js', { 'Accept-Encoding': 'gzip;q=0, identity' });
    check(refused.headers['content-encoding'] === undefined && refused.body.equals(readFileSync(WEB + '/pactscope_worker.js')),
          'a client that refuses gzip (gzip;q=0) gets the file as it is', String(refused.headers['content-encoding']));
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/fonts/..%2f..%2f..%2fetc/passwd', '/outside-link/secret.txt', '/index.html%00.js']) {
      const r = await get(server.url, path);
      check([400, 403, 404].includes(r.status) && !String(r.body).includes('not for the web') && !String(r.body).includes('root:'),
        `${path} is refused (${r.status})`, String(r.body).slice(0, 60));
    }
    check((await get(server.url, '/outside-link/secret.txt')).status === 403, 'a symlink out of the folder is refused as forbidden (403), not followed');
    // Not reachable on the machine's other addresses.
    const others = Object.values(networkInterfaces()).flat().filter((i) => i && !i.internal && i.family === 'IPv4').map((i) => i.address);
    for (const ip of others) {
      const r = await get('http://' + ip + ':' + port + '/', '/').then(() => 'reached', (e) => e.code);
      check(r !== 'reached', `not reachable on ${ip} (${r})`);
    }
    const reached = await get('http://localhost:' + port + '/', '/').then(() => true, () => false);
    check(reached, 'reachable as localhost too (same loopback)');
    const wild = spawnSync('node', [ROOT + 'web/server/serve.mjs', WEB, '--port', '0', '--host', '0.0.0.0'], { encoding: 'utf8', timeout: 5000 });
    check(wild.status === 2 && /loopback only/.test(wild.stderr), 'asked to bind to 0.0.0.0 it refuses (exit 2)', wild.stderr.trim());
  } finally {
    rmSync(link, { force: true });
    rmSync(outside, { recursive: true, force: true });
  }
}, { browser: false });
