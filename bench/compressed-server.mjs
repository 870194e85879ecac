// A bench-only static server on 127.0.0.1 that sends compressed bodies, as a
// hospital's web server would: brotli (quality 11) when the request accepts
// `br`, else gzip -9, else the raw file; `Vary: Accept-Encoding`. Bodies are
// compressed once and kept in memory, so compression time never enters the
// measurements. Same types and caching headers as scripts/static-server.mjs,
// and the strict CSP on HTML pages (what EMBEDDING.md tells hosts to send).
//
// `encoding`: 'auto' (br, else gzip), 'br', 'gzip' or 'identity' (cap it).
// `mounts`: { '/static/': dir } serves other folders under a path prefix.
// Every response is counted in `served` by encoding, so a run can say what
// the browser actually received.
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { STRICT_CSP, fileHeaders } from '../scripts/static-server.mjs';

// Already-compressed formats are sent as they are.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);

export async function startCompressedServer({ root, mounts = {}, encoding = 'auto', csp = true, port = 0 } = {}) {
  const base = resolve(root);
  const cache = new Map();
  const served = {};
  const acceptEncodings = new Set();

  async function body(file, enc) {
    const info = await stat(file);
    const key = `${file}\0${enc}`;
    const hit = cache.get(key);
    if (hit && hit.mtime === info.mtimeMs) return hit.bytes;
    const raw = await readFile(file);
    const bytes = enc === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : enc === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
    cache.set(key, { mtime: info.mtimeMs, bytes });
    return bytes;
  }

  function choose(req, file) {
    if (!COMPRESSIBLE.has(extname(file)) || encoding === 'identity') return 'identity';
    const accept = String(req.headers['accept-encoding'] ?? '');
    acceptEncodings.add(accept);
    const q = new Map(accept.split(',').filter((p) => p.trim()).map((part) => {
      const [name, ...params] = part.split(';').map((t) => t.trim());
      const weight = params.find((t) => t.startsWith('q='));
      return [name.toLowerCase(), weight ? Number(weight.slice(2)) : 1];
    }));
    const accepts = (name) => (q.get(name) ?? q.get('*') ?? 0) > 0;
    if ((encoding === 'auto' || encoding === 'br') && accepts('br')) return 'br';
    if ((encoding === 'auto' || encoding === 'gzip' || encoding === 'br') && accepts('gzip')) return 'gzip';
    return 'identity';
  }

  // Compress every file up front, so the first request of a run is as fast as the rest.
  for (const dir of [base, ...Object.values(mounts).map((d) => resolve(d))]) {
    for (const name of await readdir(dir).catch(() => [])) {
      const file = join(dir, name);
      if (!COMPRESSIBLE.has(extname(file)) || !(await stat(file)).isFile()) continue;
      for (const enc of ['br', 'gzip']) await body(file, enc);
    }
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let dir = base;
      let path = decodeURIComponent(url.pathname);
      for (const [prefix, other] of Object.entries(mounts)) {
        if (path.startsWith(prefix)) { dir = resolve(other); path = path.slice(prefix.length - 1); break; }
        if (path === prefix.slice(0, -1)) { res.writeHead(301, { Location: prefix }).end(); return; }
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      const enc = choose(req, file);
      const bytes = await body(file, enc);
      const headers = { ...fileHeaders(file), 'Content-Length': bytes.length, Vary: 'Accept-Encoding' };
      if (enc !== 'identity') headers['Content-Encoding'] = enc;
      if (csp && extname(file) === '.html') headers['Content-Security-Policy'] = csp === true ? STRICT_CSP : csp;
      served[enc] = (served[enc] ?? 0) + 1;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : bytes);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      ok({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        served,
        acceptEncodings,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

// `node bench/compressed-server.mjs <dir> <port> [--encoding=br|gzip|identity] [--mount=/static/=bench/out/static]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8090'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const encoding = process.argv.find((a) => a.startsWith('--encoding='))?.slice('--encoding='.length) ?? 'auto';
  const mounts = Object.fromEntries(process.argv
    .filter((a) => a.startsWith('--mount='))
    .map((a) => a.slice('--mount='.length).split('=')));
  const { url } = await startCompressedServer({ root, mounts, encoding, port: Number(port) });
  console.log(`serving ${root} at ${url} (${encoding})`);
}
