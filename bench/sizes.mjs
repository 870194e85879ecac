// Sizes of the files of the first load: raw, gzip -9 and brotli (best).
// Used by bench/size.sh and by the e2e budget test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** The files a first visit loads: the page, its script, wasm and styles. */
export function firstLoadFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set(['index.html']);
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)="\.?\/?([^"#?]+)"/g)) {
    const name = m[1];
    if (/\.(js|wasm|css|webmanifest|json)$/.test(name)) refs.add(name);
  }
  return [...refs].filter((n) => {
    try { return statSync(join(dist, n)).isFile(); } catch { return false; }
  }).sort();
}

export function sizesOf(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

export function firstLoadSizes(dist) {
  const files = firstLoadFiles(dist).map((name) => ({ name, ...sizesOf(readFileSync(join(dist, name))) }));
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}

export function printTable({ files, total }) {
  const row = (name, s) => `${name.padEnd(40)} ${String(s.raw).padStart(10)} ${String(s.gzip).padStart(10)} ${String(s.brotli).padStart(10)}`;
  console.log(`${'file'.padEnd(40)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const f of files) console.log(row(f.name, f));
  console.log(row('total (first load)', total));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printTable(firstLoadSizes(process.argv[2] ?? 'dist'));
}
