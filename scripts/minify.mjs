// Post-build, before the prerender and the service worker's list (Trunk.toml
// runs it first in the post_build hook): minifies the files of the first
// load that trunk leaves as written. The wasm-bindgen glue and boot.js go
// through terser, the stylesheet through csso (no restructuring, so the
// cascade is untouched), and the stylesheet's integrity hash in index.html
// is updated to match. Trunk's own minifier stays off, since it would also
// rewrite the HTML. Names of exports and properties are kept, so the glue's
// imports still match the wasm's. Saves about 3.8 kB gzip. Then the wasm's
// imports and exports get short names, in the wasm and the glue together
// (scripts/wasm-names.mjs): about 6.7 kB gzip more.
//
//   node scripts/minify.mjs <staging dir>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';
import { shortenWasmNames } from './wasm-names.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('scripts/minify.mjs: give the staging directory');
  process.exit(2);
}
const indexPath = join(dir, 'index.html');
let page = readFileSync(indexPath, 'utf8');
const found = (what, re) => {
  const m = re.exec(page);
  if (!m) {
    console.error(`scripts/minify.mjs: index.html has no ${what} (see Trunk.toml and index.html)`);
    process.exit(1);
  }
  return m;
};
// The glue is the file boot.js imports: data-js="{base}<name>.js" (Trunk.toml).
const [, glue] = found('data-js glue', /data-js="(?:\.\/)?([^"/]+\.js)"/);
const [, wasm] = found('data-wasm module', /data-wasm="(?:\.\/)?([^"/]+\.wasm)"/);
const [link, css] = found('stylesheet link', /<link rel="stylesheet" href="(?:\.\/)?([^"/]+\.css)" integrity="[^"]*"/);

const rewrite = async (name, change) => {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const out = await change(source);
  if (!out) throw new Error(`scripts/minify.mjs: nothing came out for ${name}`);
  writeFileSync(path, out);
  console.log(`minified ${name}: ${source.length} -> ${out.length} bytes`);
  return out;
};
const js = async (source) => (await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true })).code;
await rewrite(glue, js);
{
  const wasmPath = join(dir, wasm);
  const before = readFileSync(wasmPath);
  let renamed = null;
  await rewrite(glue, (source) => {
    renamed = shortenWasmNames(before, source);
    return renamed.glue;
  });
  writeFileSync(wasmPath, renamed.wasm);
  console.log(`renamed ${renamed.imports} imports and ${renamed.exports} exports of ${wasm}: ${before.length} -> ${renamed.wasm.length} bytes`);
}
await rewrite('boot.js', js);
const style = await rewrite(css, (source) => minifyCss(source, { restructure: false }).css);

// The browser refuses a stylesheet whose integrity hash does not match.
const integrity = `sha384-${createHash('sha384').update(style).digest('base64')}`;
page = page.replace(link, link.replace(/integrity="[^"]*"/, `integrity="${integrity}"`));
writeFileSync(indexPath, page);
