// Groups twiggy's item list (`twiggy top --all --format csv`) by crate and,
// for our own crate, by component and module. Shallow sizes, so the groups
// add up to the whole wasm. Used by bench/twiggy.sh.
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').slice(1);
// Each row: Name,ShallowSize,ShallowSizePercent,... (the name may hold commas, in quotes).
const items = rows.map((line) => {
  const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
  if (!m) return null;
  const name = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1];
  return { name, size: Number(m[2]) };
}).filter(Boolean)
  // The names themselves are not shipped (the real wasm has none): leave them out.
  .filter((i) => !/^"?(function|local|type|global|data|table|memory|elem|label|field|tag) names"? subsection|^custom section '\.debug|^"?name"? custom section/.test(i.name));
const total = items.reduce((t, i) => t + i.size, 0);

/** The crate a demangled item belongs to: the first path segment that names one. */
function crateOf(name) {
  if (/^(data|elem|type|import|export|table|memory|global|custom section|code section headers)\b/.test(name) || name.startsWith('data[')) {
    return `(${name.split(/[\s[]/)[0]})`;
  }
  // Generic impls read "<yew::html::X as core::fmt::Debug>::fmt": the type's crate.
  // Standard-library items may read "core[c5930c85a12de822]::fmt::write".
  const m = name.match(/[<&\s(]*([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  return m ? m[1] : '(unnamed)';
}

function table(title, groups, limit = 30) {
  const sorted = [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  console.log(`== ${title}`);
  console.log(`${'bytes'.padStart(9)} ${'%'.padStart(6)}  name`);
  for (const [k, v] of sorted) console.log(`${String(v).padStart(9)} ${(100 * v / total).toFixed(1).padStart(6)}  ${k}`);
  console.log();
}

const byCrate = new Map();
const byComponent = new Map();
const byModule = new Map();
for (const { name, size } of items) {
  const crate = crateOf(name);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  const comp = name.match(/mbc_guide::components::([a-z_]+)/)?.[1]
    // Yew's render function of each component: its name carries only a hash.
    ?? (/CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view/.test(name) ? '(Yew view code of some component; twiggy cannot tell which)' : null);
  if (comp) byComponent.set(comp, (byComponent.get(comp) ?? 0) + size);
  const mod = name.match(/mbc_guide::([a-z_]+)/);
  if (mod) byModule.set(mod[1], (byModule.get(mod[1]) ?? 0) + size);
}
console.log(`all items: ${total} bytes (uncompressed, without the names section)\n`);
table('bytes by crate', byCrate);
table('bytes by component (items whose name lies in src/components/<file>.rs; generic Yew code instantiated for a component counts there too)', byComponent);
table('bytes by module of mbc_guide', byModule);
