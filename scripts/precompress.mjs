// Post-build, last (Trunk.toml runs it after mbc-postbuild, so the
// prerendered index.html, the loader and sw.js are final): writes a Brotli
// (`.br`, quality 11) and a gzip (`.gz`, level 9) copy, the settings
// bench/sizes.mjs measures with, beside every text and
// wasm file of the build, so a host can serve them without compressing on
// each request (docs/SIZE.md says how). A copy that would not be smaller is
// not written. The service worker's list (sw.js) names only the originals:
// browsers ask for those and the server picks the encoding.
//
//   node scripts/precompress.mjs <dir>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|webmanifest|svg|pack|txt|xml|map)$/;

/** Every compressible file under `dir`, as paths relative to it. */
function files(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = join(prefix, entry.name);
    if (entry.isDirectory()) return files(dir, rel);
    return COMPRESSIBLE.test(entry.name) ? [rel] : [];
  });
}

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

/** Writes `<file>.br` and `<file>.gz` for every compressible file; returns the totals. */
export function precompress(dir) {
  const total = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const rel of files(dir)) {
    const path = join(dir, rel);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    total.files++;
    total.raw += bytes.length;
    for (const [ext, squeeze] of [['br', brotli], ['gz', gzip]]) {
      const packed = squeeze(bytes);
      if (packed.length >= bytes.length) continue;
      writeFileSync(`${path}.${ext}`, packed);
      total[ext] += packed.length;
    }
  }
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('scripts/precompress.mjs: give the build directory');
    process.exit(2);
  }
  const t = precompress(dir);
  console.log(`precompressed ${t.files} files (${t.raw} bytes): ${t.br} bytes as .br, ${t.gz} bytes as .gz`);
}
