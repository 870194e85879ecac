// A small static file server for dist/, used by `scripts/serve.sh` and by the
// end-to-end tests. It binds to 127.0.0.1 only and sends the headers a host
// should send: the right types (application/wasm), no-cache for the stable
// names, long caching for hashed files, and optionally the strict CSP.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'self'";

/**
 * The policy for the widget's own pages (standalone and iframe target), as
 * EMBEDDING.md gives it: the strict policy, and only pages of the same
 * origin may frame it. A hospital names its own pages instead of 'self'.
 */
export const WIDGET_CSP = `${STRICT_CSP}; frame-ancestors 'self'`;

const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg|pack)$/;

/** The headers every file gets: its type, how long it may be cached, nosniff. */
export function fileHeaders(file) {
  return {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * Starts a server on 127.0.0.1. Resolves to { url, port, close(), requests,
 * setRoot(dir) }. `csp`: true sends WIDGET_CSP with every HTML page, a string
 * sends that policy, a function (path) => policy or null chooses per page.
 * `extraRoots` mounts other folders under a path prefix ({ '/widget/': dist }).
 * `cors` sends Access-Control-Allow-Origin: * (the widget served to a host
 * page on another origin). `setRoot` swaps the served folder (a new build).
 */
export function startServer({ root, port = 0, csp = false, extraRoots = {}, cors = false } = {}) {
  let base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let dir = base;
      let path = decodeURIComponent(url.pathname);
      for (const [prefix, other] of Object.entries(extraRoots)) {
        if (path.startsWith(prefix)) { dir = resolve(other); path = path.slice(prefix.length - 1); }
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      const body = await readFile(file);
      const headers = fileHeaders(file);
      const policy = typeof csp === 'function' ? csp(url.pathname) : csp === true ? WIDGET_CSP : csp;
      if (policy && extname(file) === '.html') headers['Content-Security-Policy'] = policy;
      if (cors) headers['Access-Control-Allow-Origin'] = '*';
      res.writeHead(200, headers).end(body);
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
        requests,
        setRoot: (dir) => { base = resolve(dir); },
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

// `node scripts/static-server.mjs <dir> <port> [--csp] [--mount=/widget/=dist]`
// (the examples: `node scripts/static-server.mjs examples 8081 --mount=/widget/=dist`)
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const csp = process.argv.includes('--csp');
  const extraRoots = Object.fromEntries(process.argv
    .filter((a) => a.startsWith('--mount='))
    .map((a) => { const [prefix, dir] = a.slice('--mount='.length).split('='); return [prefix, dir]; }));
  const { url } = await startServer({ root, port: Number(port), csp, extraRoots });
  console.log(`mbc-guide: serving ${root} at ${url}${csp ? ` with Content-Security-Policy: ${WIDGET_CSP}` : ''}`);
}
