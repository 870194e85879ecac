// The headline table of bench/report.sh: one row per figure, ours beside the
// plain static page and the ratio. Reads what the report's steps left behind:
// the builds (sizes), bench/out/lighthouse/summary.json and the saved output
// of bench/interactions.mjs.
//
//   node bench/summary.mjs <dist> <static dir> <interactions output file>
//                          [<interactions output file at 4x CPU>]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLoadSizes } from './sizes.mjs';

const [dist, staticDir, interactionsLog, interactions4xLog] = process.argv.slice(2);
const ROOT = join(new URL('.', import.meta.url).pathname, '..');
const ours = firstLoadSizes(dist).total;
const plain = firstLoadSizes(staticDir).total;
const lhFile = join(ROOT, 'bench', 'out', 'lighthouse', 'summary.json');
const lh = existsSync(lhFile) ? JSON.parse(readFileSync(lhFile, 'utf8')) : null;
const read = (file) => (file && existsSync(file) ? readFileSync(file, 'utf8') : '');
const log = read(interactionsLog);

const kb = (v) => `${(v / 1000).toFixed(1)} kB`;
const ms = (v) => (v === null || v === undefined ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const score = (v) => (v === null || v === undefined ? 'n/a' : v.toFixed(2));
const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined ? ''
  : b === 0 ? (a === 0 ? '=' : 'n/a (static 0)') : `${(a / b).toFixed(2)}x`);

const rows = [];
const row = (label, a, b, r = '', note = '') => rows.push([label, a, b, r, note]);
row('first load, raw', kb(ours.raw), kb(plain.raw), ratio(ours.raw, plain.raw));
row('first load, gzip -9', kb(ours.gzip), kb(plain.gzip), ratio(ours.gzip, plain.gzip), `goal 225.0 kB (issue 16): ${ours.gzip <= 225_000 ? 'met' : 'NOT met'}`);
row('first load, brotli', kb(ours.brotli), kb(plain.brotli), ratio(ours.brotli, plain.brotli));
if (lh) {
  const m = lh.median;
  const metric = (key, label, fmt, note = '') => row(label, fmt(m[key].ours), fmt(m[key].static), ratio(m[key].ours, m[key].static), note);
  const target = (ok) => (ok ? 'met' : 'NOT met');
  metric('fcp', `Lighthouse FCP (median of ${lh.runs})`, ms);
  metric('lcp', 'Lighthouse LCP', ms, `goal <= 1.2x static: ${target(lh.lcpRatio !== null && lh.lcpRatio <= 1.2)}; <= 1.0 s: ${target(m.lcp.ours <= 1000)}`);
  metric('tbt', 'Lighthouse TBT', ms, `<= 50 ms: ${target(m.tbt.ours <= 50)}`);
  metric('cls', 'Lighthouse CLS', (v) => (v === null ? 'n/a' : v.toFixed(3)), `0: ${target(m.cls.ours === 0)}`);
  metric('si', 'Lighthouse Speed Index', ms);
  metric('performance', 'Lighthouse performance', score, `1.00: ${target(m.performance.ours === 1)}`);
  metric('accessibility', 'Lighthouse accessibility', score, `1.00: ${target(m.accessibility.ours === 1)}`);
  metric('best-practices', 'Lighthouse best practices', score, `1.00: ${target(m['best-practices'].ours === 1)}`);
  metric('bytes', 'Lighthouse bytes transferred', kb);
} else {
  row('Lighthouse', 'not run', '', '', '');
}

// Interaction rows: the last table each interaction run printed. The floors
// are the references each action's ratio is taken to: a click on plain text,
// which does no work (what a static page costs), for the clicks; typing in a
// plain text box with no listeners, in the same entry of the same page (the
// browser's own editing, layout and paint of a key press), for typing.
const LABELS = ['tick a checklist item', 'add a question', 'move a question up', 'type a character in a note', 'floor: click plain text', 'floor: type in a plain text box'];
function interactionRows(text, suffix, goal) {
  const lines = text.split('\n');
  const lastTable = lines.map((l, i) => (/^action\s+samples/.test(l) ? i : -1)).filter((i) => i >= 0).pop();
  if (lastTable === undefined) return;
  const found = [];
  for (const line of lines.slice(lastTable + 2)) {
    const label = LABELS.find((l) => line.startsWith(l));
    if (!label) break;
    const [, median, p95] = /\)?\s+\d+\s+([\d.]+)\s+([\d.]+)\s+[\d.]+/.exec(line.slice(34)) ?? [];
    const script = /script ([\d.]+) ms/.exec(line)?.[1];
    if (median) found.push({ label, median: Number(median), p95: Number(p95), script });
  }
  const clickFloor = found.find((f) => f.label.startsWith('floor: click'));
  const typeFloor = found.find((f) => f.label.startsWith('floor: type'));
  for (const f of found) {
    const isFloor = f.label.startsWith('floor');
    const floor = f.label.startsWith('type') || f.label.startsWith('floor: type') ? typeFloor : clickFloor;
    const shown = `${f.median.toFixed(1)} / ${f.p95.toFixed(1)} ms${f.script ? `, script ${f.script}` : ''}`;
    const met = f.median <= goal.median && f.p95 <= goal.p95 ? 'met' : 'NOT met';
    row(`input to paint${suffix}: ${f.label.replace(/^floor: /, 'floor, ')}`, shown, floor ? `${floor.median.toFixed(1)} ms` : '-',
      isFloor || !floor ? '' : ratio(f.median, floor.median),
      isFloor ? `median / p95; ${f === typeFloor ? 'the browser\'s own cost of a key press here' : 'the static page\'s cost of a click'}` : `median <= ${goal.median}, p95 <= ${goal.p95}: ${met}`);
  }
}
interactionRows(log, '', { median: 16, p95: 50 });
interactionRows(read(interactions4xLog), ', 4x CPU', { median: 16, p95: 33 });
const lines = log.split('\n');
const memory = lines.filter((l) => l.startsWith('memory after the journey')).pop();
if (memory) {
  const heap = /JS heap used ([\d.]+ MiB)/.exec(memory)?.[1] ?? 'n/a';
  const wasm = /wasm linear memory ([\d.]+ MiB|could not be read)/.exec(memory)?.[1] ?? 'n/a';
  const entries = /, (\d+) entries in the list/.exec(log)?.[1] ?? '?';
  row(`JS heap after the journey (${entries} q.)`, heap, '-');
  row(`wasm memory after the journey`, wasm, '-');
}

const widths = [50, 28, 14, 12];
const head = ['figure', 'ours', 'static page', 'ours/static', 'target'];
const fmtRow = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]) : i < 4 ? String(c).padStart(widths[i]) : `  ${c}`)).join(' ');
console.log(fmtRow(head));
console.log('-'.repeat(widths.reduce((a, b) => a + b + 1, 0) + 30));
for (const r of rows) console.log(fmtRow(r));
