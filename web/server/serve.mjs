// serve.mjs — a static server for the built app, used by serve.sh and the browser tests.
// Loopback only; .wasm as application/wasm (streaming compile); the page's CSP and nosniff
// on every response; nothing outside the served folder (no "..", no symlinks out). Text, fonts and
// .wasm go gzip-compressed to a browser that accepts it (the .wasm and fonts shrink to about half, which
// every static host's compression gives too); compressed once per file version and kept.
// usage: node serve.mjs DIR [--port N] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const root = realpathSync(resolve(args[0] || '.'));
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const port = Number(opt('--port', '8080'));
const host = opt('--host', '127.0.0.1');
if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
  console.error('serve.mjs: refusing to bind to ' + host + ': loopback only');
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.ttf', '.otf', '.svg', '.txt']);
const gzipped = new Map();  // file -> { mtimeMs, size, body }
function gzipOf(file, st) {
  const kept = gzipped.get(file);
  if (kept && kept.mtimeMs === st.mtimeMs && kept.size === st.size) return kept.body;
  const body = gzipSync(readFileSync(file));
  gzipped.set(file, { mtimeMs: st.mtimeMs, size: st.size, body });
  return body;
}
// Whether Accept-Encoding allows gzip: "gzip" or "*" with a q-value above 0 ("gzip;q=0" refuses it).
function acceptsGzip(header) {
  return (header || '').split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';').map((t) => t.trim());
    const q = params.find((p) => p.startsWith('q='));
    return (name === 'gzip' || name === '*') && (!q || Number(q.slice(2)) > 0);
  });
}
const security = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

function refuse(res, code, text) {
  res.writeHead(code, { ...security, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
  let path;
  try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return refuse(res, 400, 'bad request'); }
  if (path.includes('\0') || path.split('/').includes('..')) return refuse(res, 403, 'forbidden');
  if (path.endsWith('/')) path += 'index.html';
  let file;
  try {
    file = realpathSync(join(root, path));
  } catch { return refuse(res, 404, 'not found'); }
  if (file !== root && !file.startsWith(root + sep)) return refuse(res, 403, 'forbidden');
  let st;
  try { st = statSync(file); } catch { return refuse(res, 404, 'not found'); }
  if (!st.isFile()) return refuse(res, 404, 'not found');
  const headers = { ...security, 'Content-Type': types[extname(file)] || 'application/octet-stream' };
  if (compressible.has(extname(file))) {
    headers['Vary'] = 'Accept-Encoding';
    if (acceptsGzip(req.headers['accept-encoding'])) {
      let body;
      try { body = gzipOf(file, st); } catch { return refuse(res, 404, 'not found'); }  // gone since stat
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
  }
  res.writeHead(200, { ...headers, 'Content-Length': st.size });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
});
server.on('error', (e) => { console.error('serve.mjs: ' + e.message); process.exit(1); });
server.listen(port, host, () => console.log(`PactScope is served at http://${host}:${server.address().port}/`));
