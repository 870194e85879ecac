// Short names for the wasm's imports and exports, in the wasm and in its
// wasm-bindgen glue at once. wasm-bindgen names each import after the browser
// call it wraps plus a 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`),
// and its closure exports the same way. Each name is written once in the wasm
// and once in the glue, and the hashes do not compress: about 170 imports and
// 30 exports cost some 5 kB gzip. Here every such name becomes one or two
// letters, in both files, and the import module ("./mbc-guide_bg.js") becomes
// "a". Nothing else changes: the functions, their order and the code that
// calls them are the same bytes.
//
// A name is renamed only where it is safe to do so by plain text: an import
// name must occur exactly once in the glue (its key in the imports object),
// and an export name only as a property (`.name`), and not both. Anything
// else is left as it is, so a new wasm-bindgen that reads names another way
// still works, only less small. The exports that people call (the glue's own
// functions) are JavaScript, not wasm exports, and keep their names.
//
// Used by scripts/minify.mjs; `node scripts/wasm-names.mjs <wasm> <glue>`
// prints what it would rename.

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return [value, at];
    shift += 7;
  }
}

function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();
const encodeName = (name) => {
  const bytes = encoder.encode(name);
  return [...encodeLeb(bytes.length), ...bytes];
};

/** The module's sections: { id, start, end } of each body. */
function sections(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('not a wasm module');
  }
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    out.push({ id, head: at, start: body, end: body + size });
    at = body + size;
  }
  return out;
}

/** Skips a table type or limits, returning the next offset. */
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = leb(bytes, at); // min
  if (flags & 1) [, at] = leb(bytes, at); // max
  return at;
}

/**
 * The import section as entries { module, name, desc } (desc: the raw
 * bytes of the import's description, kept as they are).
 */
function readImports(bytes, { start, end }) {
  let [count, at] = leb(bytes, start);
  const out = [];
  const str = () => {
    const [len, from] = leb(bytes, at);
    at = from + len;
    return utf8.decode(bytes.subarray(from, from + len));
  };
  while (count--) {
    const module = str();
    const name = str();
    const from = at;
    const kind = bytes[at++];
    if (kind === 0) [, at] = leb(bytes, at); // function: type index
    else if (kind === 1) at = skipLimits(bytes, at + 1); // table: reftype, limits
    else if (kind === 2) at = skipLimits(bytes, at); // memory: limits
    else if (kind === 3) at += 2; // global: valtype, mutability
    else if (kind === 4) [, at] = leb(bytes, at + 1); // tag: attribute, type index
    else throw new Error(`unknown import kind ${kind}`);
    out.push({ module, name, desc: bytes.subarray(from, at) });
  }
  if (at !== end) throw new Error('import section did not parse to its end');
  return out;
}

/** The export section as entries { name, desc } (desc: kind and index bytes). */
function readExports(bytes, { start, end }) {
  let [count, at] = leb(bytes, start);
  const out = [];
  while (count--) {
    const [len, from] = leb(bytes, at);
    const name = utf8.decode(bytes.subarray(from, from + len));
    at = from + len + 1;
    const descFrom = at - 1;
    [, at] = leb(bytes, at);
    out.push({ name, desc: bytes.subarray(descFrom, at) });
  }
  if (at !== end) throw new Error('export section did not parse to its end');
  return out;
}

function section(id, entries) {
  const body = [...encodeLeb(entries.length), ...entries.flat()];
  return [id, ...encodeLeb(body.length), ...body];
}

/** a, b, …, z, A, …, Z, aa, ab, …: short names not already in `taken`. */
function* shortNames(taken) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let len = 1; ; len++) {
    const total = letters.length ** len;
    for (let i = 0; i < total; i++) {
      let name = '';
      for (let n = i, k = 0; k < len; k++, n = Math.floor(n / letters.length)) name = letters[n % letters.length] + name;
      if (!taken.has(name)) yield name;
    }
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Occurrences of `name` in `text` as a whole identifier. */
const count = (text, re) => (text.match(re) ?? []).length;

/**
 * Renames the imports and exports of `wasm` (a Uint8Array) and the glue
 * (its source text) together. Returns { wasm, glue, imports, exports }, the
 * last two being how many names were shortened.
 */
export function shortenWasmNames(wasm, glue) {
  const all = sections(wasm);
  const importSec = all.find((s) => s.id === 2);
  const exportSec = all.find((s) => s.id === 7);
  if (!importSec || !exportSec) return { wasm, glue, imports: 0, exports: 0 };
  const imports = readImports(wasm, importSec);
  const exports = readExports(wasm, exportSec);
  const taken = new Set([...imports.map((i) => i.name), ...exports.map((e) => e.name)]);
  const fresh = shortNames(taken);

  // The one import module (wasm-bindgen's "./<name>_bg.js"), a string key in the glue.
  const original = glue;
  const modules = new Set(imports.map((i) => i.module));
  const moduleMap = new Map();
  for (const m of modules) {
    const quoted = new RegExp(`(["'])${escape(m)}\\1`, 'g');
    if (count(glue, quoted) === 1) {
      const short = fresh.next().value;
      moduleMap.set(m, short);
      glue = glue.replace(quoted, `"${short}"`);
    }
  }
  // An import module the glue does not name once: leave everything as it was.
  if (moduleMap.size !== modules.size) return { wasm, glue: original, imports: 0, exports: 0 };

  let importCount = 0;
  const newImports = imports.map((imp) => {
    const word = new RegExp(`(?<![\\w$])${escape(imp.name)}(?![\\w$])`, 'g');
    let name = imp.name;
    // Only the key of the imports object: exactly one whole-word occurrence.
    if (imp.name.length > 2 && count(glue, word) === 1) {
      name = fresh.next().value;
      glue = glue.replace(word, name);
      importCount++;
    }
    return [...encodeName(moduleMap.get(imp.module)), ...encodeName(name), ...imp.desc];
  });

  let exportCount = 0;
  const newExports = exports.map((exp) => {
    const word = new RegExp(`(?<![\\w$])${escape(exp.name)}(?![\\w$])`, 'g');
    const prop = new RegExp(`(?<=\\.)${escape(exp.name)}(?![\\w$])`, 'g');
    let name = exp.name;
    // Long wasm-bindgen names only, read as `exports.name` and in no other way.
    const n = count(glue, word);
    if (/^(__w|wasm_bindgen__|__externref)/.test(exp.name) && n > 0 && count(glue, prop) === n) {
      name = fresh.next().value;
      glue = glue.replace(prop, name);
      exportCount++;
    }
    return [...encodeName(name), ...exp.desc];
  });

  const parts = [wasm.subarray(0, 8)];
  for (const s of all) {
    if (s.id === 2) parts.push(Uint8Array.from(section(2, newImports)));
    else if (s.id === 7) parts.push(Uint8Array.from(section(7, newExports)));
    else parts.push(wasm.subarray(s.head, s.end));
  }
  const out = new Uint8Array(parts.reduce((t, p) => t + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { wasm: out, glue, imports: importCount, exports: exportCount };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const [wasmPath, gluePath] = process.argv.slice(2);
  const wasm = readFileSync(wasmPath);
  const { wasm: out, imports, exports } = shortenWasmNames(wasm, readFileSync(gluePath, 'utf8'));
  console.log(`${imports} imports and ${exports} exports renamed: wasm ${wasm.length} -> ${out.length} bytes`);
}
