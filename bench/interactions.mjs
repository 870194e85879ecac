// Interaction benchmark (issue 4): with 300 questions in the list, the time
// from an input to the next paint for four actions, in headless Chromium
// against a release build. Prints figures and never fails on them: it is a
// benchmark, not a test. Run through bench/interactions.sh, which builds
// dist-bench/ first; or by hand: MBC_DIST=dist-bench node bench/interactions.mjs
//
// Options: --samples N (40) --warmup N (5) --gap MS (400) --runs N (1)
//          --entries N (300) --cpu-throttle X (1; e.g. 4 for a slow phone)
//          --trace 1: also record a Chromium trace of each action's samples
//          (into bench/out/) and print where the main thread spent its time;
//          tracing slows the page, so those runs' figures are not the ones
//          to quote.
//          --trace 1 prints each part's CPU twice: over the whole trace
//          (Playwright's work between samples too) and inside the samples'
//          own input-to-paint spans, which are the figures to compare.
//          --profile 1: also record a V8 CPU profile of each action's
//          samples (into bench/out/, for DevTools) and print the functions
//          with the most self time (build the wasm with its names kept to
//          read them: bench/profile-build.sh).
//          --only add,move: time only these actions (tick, baseline, add,
//          move, type, typeFloor); the others are still done, untimed, where
//          a later one needs them (the page is the same), and not printed.
//
// How a sample is timed, in the page: a capturing listener on the document
// notes the input event's timeStamp (click for pointer actions, keydown for
// typing), then waits for the next frame with requestAnimationFrame and
// takes the time in a MessageChannel task posted from it, which runs after
// that frame has been painted. Yew renders in a microtask after the
// handler, so the render, style, layout and paint all fall inside the span.
// The Event Timing API gives the same figure but only for events over its
// 16 ms floor and rounded to 8 ms, so it is printed beside as a cross-check.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, waitForWidget, ROOT, DIST } from '../e2e/harness.mjs';

const options = parseArgs(process.argv.slice(2), {
  samples: 40, warmup: 5, gap: 400, runs: 1, entries: 300, 'cpu-throttle': 1, trace: 0, profile: 0, only: '',
});
const ONLY = options.only ? new Set(String(options.only).split(',')) : null;
const timed = (action) => !ONLY || ONLY.has(action);
// Issue 16: at 4x CPU (a mid-range phone) every edit within a frame at the
// median and two at p95; unthrottled, issue 7's p95 of 50 ms.
const TARGET = options['cpu-throttle'] >= 4 ? { median: 16, p95: 33 } : { median: 16, p95: 50 };
const STATE_KEY = 'mbc-guide:default:state';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const ui = en.ui;

/** The saved state: a few bank questions, then own questions up to `entries`. */
function seedState(entries) {
  const bank = en.questions.filter((q) => !q.sensitive).slice(0, 4).map((q) => q.id);
  const list = [];
  for (const question of bank) list.push({ id: list.length, question, top: false, note: '' });
  while (list.length < entries) {
    const n = list.length;
    list.push({
      id: n,
      text: `Bench question #${n}. Could we talk about what this result means for my treatment plan?`,
      top: false,
      note: n % 3 === 0 ? `A note for question ${n}: the doctor said to ask again after the next scan.` : '',
    });
  }
  return {
    format: 'mbc-guide/state', version: 1, rev: 1, saved_at: 0,
    state: {
      answers: { goals: {}, goals_other: '', factors: {}, treatments: {} },
      list,
      next_id: list.length,
      show_sensitive: false,
      step: 'questions',
      readiness: {},
      large_print: false,
    },
  };
}

/** Runs in the page before any of its scripts (addInitScript). */
function pageSetup({ key, saved }) {
  localStorage.setItem(key, saved);
  // Keep the wasm instance's memory so its size can be read afterwards; the
  // wasm-bindgen glue keeps its own reference private.
  const keep = (result) => {
    const memory = (result.instance ?? result)?.exports?.memory;
    if (memory instanceof WebAssembly.Memory) window.__benchWasmMemory = memory;
    return result;
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = (...a) => streaming.apply(WebAssembly, a).then(keep);
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiate = (...a) => plain.apply(WebAssembly, a).then(keep);

  const events = [];
  const longTasks = [];
  let eventTiming = false;
  try {
    new PerformanceObserver((list) => events.push(...list.getEntries().map((e) => ({
      name: e.name, startTime: e.startTime, duration: e.duration, interactionId: e.interactionId,
      processing: e.processingEnd - e.processingStart,
    })))).observe({ type: 'event', durationThreshold: 16, buffered: true });
    eventTiming = PerformanceObserver.supportedEntryTypes.includes('event');
  } catch { /* not supported */ }
  try {
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => ({
      startTime: e.startTime, duration: e.duration,
    })))).observe({ type: 'longtask', buffered: true });
  } catch { /* not supported */ }

  let pending = null;
  window.__bench = {
    eventTiming,
    /** Listen for the next `type` event; its sample resolves after the next paint. */
    arm(type) {
      pending = new Promise((resolve) => {
        const on = (event) => {
          document.removeEventListener(type, on, true);
          const start = event.timeStamp;
          requestAnimationFrame((frame) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const end = performance.now();
              // Marks the span in a trace (--trace 1), on the trace's clock.
              performance.measure('mbc-bench-sample', { start, end });
              resolve({ start, frame, end });
            };
            channel.port2.postMessage(null);
          });
        };
        document.addEventListener(type, on, true);
      });
    },
    sample(timeout) {
      return Promise.race([pending, new Promise((r) => setTimeout(() => r(null), timeout))]);
    },
    /** Event Timing entries (>= 16 ms) and long tasks that started since `from`. */
    since(from) {
      return {
        events: events.filter((e) => e.startTime >= from - 1),
        longTasks: longTasks.filter((t) => t.startTime >= from - 1),
      };
    },
  };
}

/** One whole journey in a fresh context; returns per-action samples and memory. */
async function journey(env) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(pageSetup, { key: STATE_KEY, saved: JSON.stringify(seedState(options.entries)) });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  if (options['cpu-throttle'] > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options['cpu-throttle'] });

  const loadStart = Date.now();
  await page.goto(env.server.url);
  await waitForWidget(page);
  const loadMs = Date.now() - loadStart;

  const nav = page.getByRole('navigation', { name: ui.steps_label });
  const myList = page.getByRole('list', { name: ui.list_heading, exact: true });
  // A long list comes a chunk a task (MyList): wait for all of it.
  await page.waitForFunction((n) => document.querySelectorAll('li.mbc-entry').length >= n, options.entries, { timeout: 30_000 }).catch(() => {});
  const rendered = await myList.getByRole('listitem').count();
  if (rendered !== options.entries) {
    throw new Error(`expected ${options.entries} entries in "${ui.list_heading}", found ${rendered}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`);
  }
  const memoryAtLoad = await memory(page, cdp);

  /** Times `count` repetitions of `act(i)`, each arming a listener for `type`. */
  async function measure(type, count, act, action) {
    if (!timed(action)) return null;
    const samples = [];
    const from = await page.evaluate(() => performance.now());
    for (let i = 0; i < options.warmup + count; i++) {
      if (options.trace && i === options.warmup) {
        await env.browser.startTracing(page, { categories: TRACE_CATEGORIES });
      }
      if (options.profile && i === options.warmup) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      await page.evaluate((t) => window.__bench.arm(t), type);
      await act(i);
      const s = await page.evaluate((ms) => window.__bench.sample(ms), 5000);
      if (!s) throw new Error(`no ${type} event seen for sample ${i}`);
      if (i >= options.warmup) samples.push(s);
      await page.waitForTimeout(options.gap);
    }
    const seen = await page.evaluate((f) => window.__bench.since(f), from);
    const trace = options.trace ? await env.browser.stopTracing() : null;
    const profile = options.profile ? (await cdp.send('Profiler.stop')).profile : null;
    return { samples, ...seen, trace, profile };
  }

  const results = {};

  // 1. Ticking a checklist item, on step 2.
  await nav.getByRole('button', { name: ui.step_profile, exact: true }).click();
  const factor = (id) => en.guide.factors.items.find((f) => f.id === id);
  const option = (f, id) => f.options.find((o) => o.id === id).label;
  const her2 = factor('her2');
  const spread = factor('spread');
  const ticks = [
    page.getByRole('group', { name: her2.title }).getByRole('radio', { name: option(her2, 'positive'), exact: true }),
    page.getByRole('group', { name: spread.title }).getByRole('checkbox', { name: option(spread, 'bone'), exact: true }),
    page.getByRole('group', { name: her2.title }).getByRole('radio', { name: option(her2, 'low'), exact: true }),
    page.getByRole('group', { name: spread.title }).getByRole('checkbox', { name: option(spread, 'bone'), exact: true }),
  ];
  results.tick = await measure('click', options.samples, (i) => ticks[i % ticks.length].click(), 'tick');

  // 0. The floor: a click on plain text with 300 entries on screen, which
  // changes nothing. What the other actions take beyond it is their work.
  await nav.getByRole('button', { name: ui.step_questions, exact: true }).click();
  const intro = page.getByText(ui.step_questions_intro, { exact: true });
  results.baseline = await measure('click', options.samples, () => intro.click(), 'baseline');

  // 2. Adding a question from the bank, on step 4 (every topic opened first).
  // The bank is folded behind one expander (its summary holds the heading),
  // and each topic behind its own: open them all.
  const bank = page.locator('details', { has: page.getByRole('heading', { name: ui.browse_heading, exact: true }) });
  await bank.evaluate((d) => { d.open = true; d.querySelectorAll('details').forEach((t) => { t.open = true; }); });
  const before = await myList.getByRole('listitem').count();
  results.add = await measure('click', options.samples, () =>
    bank.getByRole('button', { name: ui.add_question, exact: true }).first().click(), 'add');
  const afterAdd = await myList.getByRole('listitem').count();

  // 3. Moving a question in the middle of the list up, one place a click.
  const middle = Math.floor(options.entries / 2);
  const entry = (n) => myList.getByRole('listitem').filter({ hasText: `Bench question #${n}.` });
  const indexOf = (n) => myList.getByRole('listitem').evaluateAll(
    (items, text) => items.findIndex((li) => li.textContent.includes(text)), `Bench question #${n}.`);
  const movedFrom = await indexOf(middle);
  const moveUp = entry(middle).getByRole('button', { name: ui.move_up, exact: true });
  results.move = await measure('click', options.samples, () => moveUp.click(), 'move');
  const movedTo = await indexOf(middle);

  // 4. Typing a character in the note of another entry in the middle.
  // One whose note box is open: every third seeded entry has a note (an
  // entry without one shows "Add a note" instead of the box).
  const noted = middle + 10 - ((middle + 10) % 3);
  const note = entry(noted).getByRole('textbox', { name: ui.note_label, exact: true });
  await note.click();
  const letters = 'the doctor said yes ';
  results.type = await measure('keydown', options.samples, (i) => page.keyboard.type(letters[i % letters.length]), 'type');
  const typed = await note.inputValue();

  // 5. The floor for typing: a plain text box with no listeners, put in the
  // same entry (the same place in the same page, 300 entries around it).
  // What typing in the note takes beyond it is ours; the rest is the
  // browser's own editing, layout and paint of a key press.
  await entry(noted).evaluate((li) => {
    const plain = document.createElement('textarea');
    plain.setAttribute('aria-label', 'bench: plain text box');
    plain.rows = 2;
    plain.className = 'mbc-textarea';
    li.append(plain);
  });
  await page.getByRole('textbox', { name: 'bench: plain text box', exact: true }).click();
  results.typeFloor = await measure('keydown', options.samples, (i) => page.keyboard.type(letters[i % letters.length]), 'typeFloor');

  const memoryAfter = await memory(page, cdp);
  const eventTiming = await page.evaluate(() => window.__bench.eventTiming);
  await context.close();
  return {
    results, loadMs, eventTiming, errors, memoryAtLoad, memoryAfter,
    checks: {
      rendered, added: afterAdd - before, movedFrom, movedTo,
      typedChars: typed.length,
    },
  };
}

/** JS heap (CDP, after a collection) and the wasm linear memory, in bytes. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const heap = await cdp.send('Runtime.getHeapUsage').catch(() => null);
  const inPage = await page.evaluate(() => ({
    wasm: window.__benchWasmMemory?.buffer.byteLength ?? null,
    performanceMemory: performance.memory?.usedJSHeapSize ?? null,
    domNodes: document.getElementsByTagName('*').length,
  }));
  return { jsHeapUsed: heap?.usedSize ?? null, jsHeapTotal: heap?.totalSize ?? null, ...inPage };
}

function quantile(sorted, q) {
  // Nearest-rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

function summarise(samples, events) {
  const ms = samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  // Event Timing entry for each sample's own event (same start time), if any.
  const matches = samples.map((s) => events.filter((e) => Math.abs(e.startTime - s.start) < 0.5));
  const et = matches.map((m) => (m.length ? Math.max(...m.map((e) => e.duration)) : null));
  const over = et.filter((d) => d !== null);
  // Handlers plus the Yew render (it runs in a microtask inside the dispatch).
  const script = matches.filter((m) => m.length).map((m) => Math.max(...m.map((e) => e.processing))).sort((a, b) => a - b);
  return {
    n: ms.length,
    median: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    max: ms[ms.length - 1],
    etOver16: over.length,
    etMax: over.length ? Math.max(...over) : null,
    etScriptMedian: script.length ? quantile(script, 0.5) : null,
  };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'blink.user_timing'];
// Main-thread work, by trace event name. EventDispatch holds the handlers
// and the Yew render (a microtask run inside it); the rest is the browser's.
const TRACE_PARTS = {
  'input handlers + Yew render': ['EventDispatch'],
  'style recalc': ['UpdateLayoutTree'],
  'layout': ['Layout'],
  'pre-paint + paint': ['PrePaint', 'Paint'],
  'layerize + commit': ['Layerize', 'Commit'],
  'garbage collection': ['MinorGC', 'MajorGC'],
};

/** Mean main-thread ms per sample for each part, from a trace buffer:
 *  wall time, and CPU time (the thread's own clock, `tdur`/`tts`), which a
 *  busy machine inflates far less, since time spent descheduled is left out.
 *  Nested events of one part (an input event inside a keypress) count once.
 *  `whole` counts everything traced, Playwright's own work between samples
 *  too (scrolling the next button into view, its hit tests); `span` only
 *  what falls inside the samples' own spans, input to paint (the
 *  `mbc-bench-sample` measures the page leaves), an event that straddles a
 *  span's edge by the share of its wall time inside. `all` is every task. */
function traceBreakdown(buffer, samples) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents ?? [];
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const parts = { ...TRACE_PARTS, all: ['RunTask'] };
  // [wall start, wall end, cpu ms] per event.
  const spans = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
  const windows = [];
  const open = new Map();
  for (const e of events) {
    if (e.name === 'mbc-bench-sample') {
      if (e.ph === 'b') windows.push([e.ts, Infinity]);
      else if (e.ph === 'e' && windows.length) windows[windows.length - 1][1] = e.ts;
      continue;
    }
    if (!main.has(`${e.pid}:${e.tid}`)) continue;
    const part = Object.keys(parts).find((k) => parts[k].includes(e.name));
    if (!part) continue;
    const key = `${e.pid}:${e.tid}:${e.name}`;
    if (e.ph === 'X') spans[part].push([e.ts, e.ts + (e.dur ?? 0), (e.tdur ?? 0) / 1000]);
    else if (e.ph === 'B') (open.get(key) ?? open.set(key, []).get(key)).push([e.ts, e.tts]);
    else if (e.ph === 'E' && open.get(key)?.length) {
      const [ts, tts] = open.get(key).pop();
      spans[part].push([ts, e.ts, tts !== undefined && e.tts !== undefined ? (e.tts - tts) / 1000 : 0]);
    }
  }
  const inside = (a, b) => windows.reduce((sum, [from, to]) => sum + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
  const totals = (list, clip) => {
    let wall = 0;
    let cpu = 0;
    let end = -Infinity;
    for (const [a, b, c] of list.sort((x, y) => x[0] - y[0])) {
      if (b <= end) continue; // nested in the one before
      const from = Math.max(a, end);
      const share = clip ? inside(from, b) : b - from;
      if (a >= end) cpu += b > a ? (c * (clip ? inside(a, b) : b - a)) / (b - a) : 0;
      wall += share;
      end = b;
    }
    return { wall: wall / 1000 / samples, cpu: cpu / samples };
  };
  const by = (clip) => Object.fromEntries(Object.entries(spans).map(([k, list]) => [k, totals(list, clip)]));
  return { whole: by(false), span: windows.length ? by(true) : null };
}

/** The functions with the most self time, in ms per sample. */
function profileTop(profile, samples, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const name = f.functionName || `(${f.url.split('/').pop()}:${f.lineNumber})`;
    if (name === '(idle)' || name === '(program)') return;
    self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, v / samples]);
}

const LABELS = {
  baseline: 'floor: click plain text (no work)',
  tick: 'tick a checklist item (step 2)',
  add: 'add a question (bank, step 4)',
  move: 'move a question up (middle)',
  type: 'type a character in a note',
  typeFloor: 'floor: type in a plain text box',
};

function printTable(title, rows, extra = () => '') {
  console.log(`\n${title}`);
  const head = `${'action'.padEnd(34)} ${'samples'.padStart(7)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  target met  Event Timing >=16 ms: count, max, median handler+render`;
  console.log(head);
  console.log('-'.repeat(head.length));
  for (const [action, s] of Object.entries(rows)) {
    const met = action === 'baseline' || action === 'typeFloor' ? '-' : s.median <= TARGET.median && s.p95 <= TARGET.p95 ? 'yes' : 'no';
    const et = `${s.etOver16}/${s.n}${s.etMax !== null ? `, max ${s.etMax} ms, script ${s.etScriptMedian.toFixed(1)} ms` : ''}`;
    console.log(`${LABELS[action].padEnd(34)} ${String(s.n).padStart(7)} ${s.median.toFixed(1).padStart(9)} ${s.p95.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)}  ${met.padEnd(10)}  ${et}${extra(action)}`);
  }
}

const mib = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MiB`);

function parseArgs(args, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m || !(m[1] in defaults)) throw new Error(`unknown option ${args[i]}`);
    const value = m[2] ?? args[++i];
    out[m[1]] = typeof defaults[m[1]] === 'string' ? value : Number(value);
  }
  return out;
}

const env = await setUp();
try {
  const version = env.browser.version();
  const [load1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  console.log(`mbc-guide interaction benchmark: ${DIST}`);
  console.log(`Chromium ${version} (headless), ${options.entries} entries in the list, ${options.samples} samples per action after ${options.warmup} warm-ups, ${options.gap} ms between inputs, CPU throttle ${options['cpu-throttle']}x, load average ${load1} on ${(await import('node:os')).cpus().length} cores`);
  console.log('method: input event timeStamp (capturing listener) -> requestAnimationFrame -> MessageChannel task after the frame (the next paint); Event Timing entries (16 ms floor, 8 ms rounding) as a cross-check');
  console.log(`target: median <= ${TARGET.median} ms and p95 <= ${TARGET.p95} ms`);
  const pooled = {};
  for (let run = 1; run <= options.runs; run++) {
    const r = await journey(env);
    const rows = {};
    for (const [action, { samples, events, longTasks }] of Object.entries(r.results).filter(([, v]) => v)) {
      rows[action] = summarise(samples, events);
      rows[action].longTasks = longTasks;
      (pooled[action] ??= { samples: [], events: [] }).samples.push(...samples);
      pooled[action].events.push(...events);
    }
    printTable(`run ${run} of ${options.runs} (page ready in ${r.loadMs} ms; Event Timing ${r.eventTiming ? 'available' : 'not available'})`, rows, (a) => {
      const lt = rows[a].longTasks;
      return lt.length ? `; long tasks: ${lt.length}, longest ${lt.reduce((m, t) => Math.max(m, t.duration), 0).toFixed(0)} ms` : '';
    });
    if (options.trace) {
      mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
      console.log('main thread per sample, from the traces (mean ms of wall time, and in brackets of the thread\'s CPU time; tracing adds overhead):');
      for (const [action, { trace, samples }] of Object.entries(r.results).filter(([, v]) => v)) {
        writeFileSync(join(ROOT, 'bench', 'out', `trace-${action}-run${run}.json`), trace);
        const { whole, span } = traceBreakdown(trace, samples.length);
        const line = (parts) => {
          const named = Object.entries(parts).filter(([k]) => k !== 'all');
          const cpu = named.reduce((sum, [, v]) => sum + v.cpu, 0);
          return `CPU ${cpu.toFixed(1)} in these parts (${parts.all.cpu.toFixed(1)} in all tasks): ${named.map(([k, v]) => `${k} ${v.wall.toFixed(1)} (CPU ${v.cpu.toFixed(1)})`).join(', ')}`;
        };
        console.log(`  ${LABELS[action].padEnd(34)} whole trace: ${line(whole)}`);
        if (span) console.log(`  ${''.padEnd(34)} input to paint: ${line(span)}`);
      }
    }
    if (options.profile) {
      console.log('self time per sample, from the CPU profiles (ms; the top functions of each action):');
      mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
      for (const [action, { profile, samples }] of Object.entries(r.results).filter(([, v]) => v)) {
        // For DevTools' Performance panel, or bench/out's own reading.
        writeFileSync(join(ROOT, 'bench', 'out', `profile-${action}-run${run}.cpuprofile`), JSON.stringify(profile));
        console.log(`  ${LABELS[action]}`);
        for (const [name, ms] of profileTop(profile, samples.length, 12)) console.log(`    ${ms.toFixed(2).padStart(7)}  ${name}`);
      }
    }
    const c = r.checks;
    console.log(`checks: ${c.rendered} entries rendered; ${c.added} questions added; the moved question went from place ${c.movedFrom + 1} to ${c.movedTo + 1}; the note holds ${c.typedChars} characters${r.errors.length ? `; page errors: ${r.errors.join(' | ')}` : ''}`);
    for (const [when, m] of [['after load', r.memoryAtLoad], ['after the journey', r.memoryAfter]]) {
      console.log(`memory ${when.padEnd(17)}: JS heap used ${mib(m.jsHeapUsed)} of ${mib(m.jsHeapTotal)} (CDP Runtime.getHeapUsage after GC; performance.memory says ${mib(m.performanceMemory)}), wasm linear memory ${m.wasm === null ? 'could not be read' : mib(m.wasm)}, ${m.domNodes} DOM elements`);
    }
  }
  if (options.runs > 1) {
    const rows = Object.fromEntries(Object.entries(pooled).map(([a, p]) => [a, summarise(p.samples, p.events)]));
    printTable(`all ${options.runs} runs pooled`, rows);
  }
} finally {
  await env.close();
}
