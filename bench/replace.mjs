// The "Replace my list" click with a hostile link (issue 17 item 4): the
// longest task at 4x CPU for an ordinary one-question link and for a link of
// 9,000 answer options (kept to 64), with an optional V8 CPU profile of the
// click, or a Chromium trace of it (--trace 1: the longest task's wall and
// CPU time, the thread's own clock, which a busy machine inflates far less,
// and where that task went). For comparison, "step 4" is a plain click on
// step 4 in the step list, no link. Prints figures and never fails: a
// benchmark, not a test.
//
//   node bench/replace.mjs [--dist DIR]... [--runs N (3)] [--profile 1] [--trace 1]
// Several --dist folders are measured in turn, run by run, for a side-by-side
// comparison on the same machine load. Read profiles with a build from
// bench/profile-build.sh.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/static-server.mjs';
import { ROOT, CHROMIUM_ARGS } from '../e2e/harness.mjs';

const args = process.argv.slice(2);
const dists = [];
let runs = 3;
let profile = false;
let trace = false;
for (let i = 0; i < args.length; i += 2) {
  if (args[i] === '--dist') dists.push(args[i + 1]);
  else if (args[i] === '--runs') runs = Number(args[i + 1]);
  else if (args[i] === '--profile') profile = args[i + 1] === '1';
  else if (args[i] === '--trace') trace = args[i + 1] === '1';
}
if (!dists.length) dists.push(join(ROOT, 'dist'));
const ui = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8')).ui;

const LIST = {
  answers: { goals: {}, goals_other: '', factors: {}, treatments: {} },
  list: [{ id: 0, text: 'Who reads my scans?', top: true, note: '' }],
  next_id: 1, show_sensitive: false, step: 'questions', readiness: {}, large_print: false,
};
const fragment = (state) => `#mbc=1.${deflateSync(Buffer.from(JSON.stringify(state))).toString('base64url')}`;
function optionsLink(n) {
  const state = structuredClone(LIST);
  state.answers.factors = { spread: Array.from({ length: n }, (_, i) => `o${(i * 2654435761 % 4294967296).toString(36)}`) };
  return fragment(state);
}
/** A link of `n` own questions, each with a note (the list holds at most 500). */
function questionsLink(n) {
  const state = structuredClone(LIST);
  state.list = Array.from({ length: n }, (_, id) => ({ id, text: `Question ${id}: what does this scan mean for my plan?`, top: false, note: id % 3 ? '' : 'Ask after the next scan.' }));
  state.next_id = n;
  return fragment(state);
}
const LINKS = { 'step 4': null, ordinary: fragment(LIST), 'options 9,000': optionsLink(9_000), 'questions 500': questionsLink(500) };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const servers = await Promise.all(dists.map((root) => startServer({ root })));

async function once(server, hash) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  const p = await context.newPage();
  await p.goto(server.url);
  await p.waitForSelector('#mbc-guide[data-ready="true"]', { timeout: 60_000 });
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const dialog = p.getByRole('dialog', { name: ui.incoming_title });
  const stepFour = p.getByRole('navigation', { name: ui.steps_label }).getByRole('button', { name: ui.step_questions });
  if (hash) {
    await p.evaluate((h) => { location.hash = h; }, hash);
    await dialog.waitFor();
  }
  await p.waitForTimeout(800);
  await p.evaluate(() => { window.__long.length = 0; });
  if (profile) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  if (trace) await browser.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
  // Found before the click, and nothing polls the page after it: the
  // harness's own role queries would be long tasks of their own at 4x.
  const button = await (hash ? dialog.getByRole('button', { name: ui.incoming_replace }) : stepFour).elementHandle();
  // A click from script: the widget's handler and render run in this one
  // task, with none of the harness's hit-testing before it.
  await button.evaluate((b) => { b.click(); });
  await p.waitForTimeout(1600);
  const prof = profile ? (await cdp.send('Profiler.stop')).profile : null;
  const traced = trace ? longestTraced(await browser.stopTracing()) : null;
  const long = await p.evaluate(() => window.__long.map(Math.round));
  await context.close();
  return { longest: Math.max(0, ...long), long, prof, traced };
}

/** The longest main-thread task in a trace: wall and CPU ms, and the wall
 *  ms of script, style, layout and paint inside it. */
function longestTraced(buffer) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents ?? [];
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
  const task = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur)[0];
  if (!task) return null;
  const parts = { script: ['FunctionCall', 'EvaluateScript', 'V8.Execute', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks'], style: ['UpdateLayoutTree'], layout: ['Layout'], paint: ['PrePaint', 'Paint', 'Layerize'], gc: ['MinorGC', 'MajorGC'] };
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const sum = (names) => {
    let total = 0; let end = -Infinity;
    for (const e of inside.filter((x) => names.includes(x.name)).sort((a, b) => a.ts - b.ts)) {
      if (e.ts >= end) { total += e.dur; end = e.ts + e.dur; }
    }
    return Math.round(total / 1000);
  };
  return { wall: Math.round(task.dur / 1000), cpu: Math.round((task.tdur ?? 0) / 1000), ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, sum(v)])) };
}

function top(prof) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  // Only the longest burst of work (the click's task): samples split at
  // 5 ms or more of idle.
  const bursts = [[]];
  let idle = 0;
  prof.samples.forEach((id, i) => {
    const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (name(node) === '(idle)') {
      if ((idle += dt) > 5 && bursts.at(-1).length) bursts.push([]);
      return;
    }
    idle = 0;
    bursts.at(-1).push([node, dt]);
  });
  const span = (b) => b.reduce((t, [, dt]) => t + dt, 0);
  const burst = bursts.sort((x, y) => span(y) - span(x))[0];
  burst.forEach(([node, dt]) => {
    const id = node.id;
    if (name(node) === '(program)') return;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const nm = name(byId.get(at));
      if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) ?? 0) + dt); }
    }
  });
  const fmt = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(8)}  ${k.slice(0, 150)}`).join('\n');
  return `self:\n${fmt(self, 25)}\ninclusive:\n${fmt(total, 60)}`;
}

const results = {};
for (let r = 0; r < runs; r += 1) {
  for (const [i, server] of servers.entries()) {
    for (const [label, hash] of Object.entries(LINKS)) {
      const { longest, long, prof, traced } = await once(server, hash);
      const key = `${dists[i]} ${label}`;
      (results[key] ??= []).push(longest);
      console.log(`run ${r + 1} ${key}: longest ${longest} ms (long tasks ${long.join(', ')})`);
      if (traced) {
        (results[`${key}, traced CPU`] ??= []).push(traced.cpu);
        console.log(`  traced longest task: ${JSON.stringify(traced)}`);
      }
      if (prof && r === 0) console.log(top(prof));
    }
  }
}
console.log('\nlongest task of the Replace click at 4x CPU, per run (ms):');
for (const [k, v] of Object.entries(results)) console.log(`  ${k}: ${v.join(', ')}  median ${v.slice().sort((a, b) => a - b)[v.length >> 1]}`);
await browser.close();
for (const s of servers) await s.close();
