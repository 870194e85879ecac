// Proves that the accessibility, Lighthouse and budget checks of e2e/ can
// fail (issue 7: "prove it by breaking each one once, locally"). For each
// check: copy the release build to a temp folder, break it in one small way
// (CSS appended to the built stylesheet, an edit to index.html, boot.js or
// the embed's loader, padding), run only that check's test with MBC_DIST pointing at the copy,
// and record whether it failed, and failed for the reason we broke. Each
// test also runs once against an unbroken copy, so a failure means the
// breakage and not a test that fails anyway. Not run by CI: it takes minutes
// and proves something about the tests, not the build. What it cannot cover
// is listed in scripts/break-checks.sh.
//
//   node scripts/break-checks.mjs [dist] [--only REGEX]
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ------------------------------------------------------------ breakages

const stylesheet = (dir) => readdirSync(dir).find((n) => /^mbc-guide-[0-9a-f]+\.css$/.test(n));
const edit = (dir, name, change) => {
  const file = join(dir, name);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  // A breakage that changes nothing would "prove" a passing test can pass.
  if (after === before) throw new Error(`the breakage did not change ${name}: the build no longer has what it edits`);
  writeFileSync(file, after);
};
/** Appends CSS to the built stylesheet: last in the cascade, as a careless edit would be. */
const css = (text) => (dir) => edit(dir, stylesheet(dir), (s) => `${s}\n/* break-checks */\n${text}\n`);
const html = (from, to) => (dir) => edit(dir, 'index.html', (s) => s.replace(from, to));

// The low-contrast grey: 2.3:1 on white, under the 4.5:1 of 1.4.3.
const GREY = '#aaaaaa';
const LOW_CONTRAST = css(`.mbc p, .mbc li, .mbc label, .mbc legend, .mbc h2 { color: ${GREY} !important; }`);
const NO_OUTLINE = css('.mbc *:focus, .mbc *:focus-visible { outline: none !important; }');

// Each case: the check, the test that holds it (file and exact name prefix),
// the breakage, and what the failure must say (so a crash or a timeout does
// not count as the check doing its job).
const CASES = [
  {
    check: 'reflow at 320 px (1.4.10)', file: 'quality', test: 'at 320 CSS px wide nothing scrolls sideways',
    breakage: 'CSS: the widget is at least 600 px wide',
    apply: css('.mbc { min-width: 600px !important; }'), why: /no sideways scrolling/,
  },
  {
    check: 'text spacing, cut off sideways (1.4.12)', file: 'quality', test: 'text spacing overrides lose nothing',
    breakage: 'CSS: buttons one line, 12em wide, overflow hidden',
    apply: css('.mbc .mbc-button { white-space: nowrap !important; max-width: 12em !important; overflow: hidden !important; }'),
    why: /no text is cut off|sideways/,
  },
  {
    check: 'text spacing, cut off below (1.4.12)', file: 'quality', test: 'text spacing overrides lose nothing',
    breakage: 'CSS: paragraphs 1.4em high, overflow hidden',
    apply: css('.mbc p { max-height: 1.4em !important; overflow: hidden !important; }'), why: /no text is cut off/,
  },
  {
    check: 'target size (2.5.8)', file: 'quality', test: 'every control is at least 24×24 CSS px',
    breakage: 'CSS: buttons 16 px high, no padding',
    apply: css('.mbc button { min-height: 0 !important; height: 16px !important; padding: 0 !important; }'), why: /×16/,
  },
  {
    check: 'forced colours: controls visible', file: 'quality', test: 'in forced-colours mode every control stays visible',
    breakage: 'CSS: in forced colours, buttons opacity 0',
    apply: css('@media (forced-colors: active) { .mbc .mbc-button { opacity: 0 !important; } }'), why: /<button/,
  },
  {
    check: 'forced colours: control edges', file: 'quality', test: 'in forced-colours mode every control stays visible',
    breakage: 'CSS: in forced colours, no borders on buttons and fields',
    apply: css('@media (forced-colors: active) { .mbc button, .mbc input, .mbc textarea { border-style: none !important; } }'),
    why: /border/,
  },
  {
    check: 'reduced motion', file: 'quality', test: 'with reduced motion nothing animates',
    breakage: 'CSS: an endless animation outside the reduced-motion query',
    apply: css('@keyframes mbc-break-pulse { to { opacity: 0.9; } }\n.mbc .mbc-title { animation: mbc-break-pulse 1s linear infinite !important; }'),
    why: /still animate/,
  },
  {
    check: 'axe: filled list, en and es', file: 'quality', test: 'axe: sensitive questions shown',
    breakage: `CSS: body text ${GREY} on white`, apply: LOW_CONTRAST, why: /color-contrast/,
  },
  {
    check: 'axe: print view', file: 'quality', test: 'axe: the print view',
    breakage: `CSS: printed questions ${GREY}`,
    apply: css(`@media print { .mbc-print li, .mbc-print p, .mbc-print h2 { color: ${GREY} !important; } }`), why: /color-contrast/,
  },
  {
    check: 'focus outline (quality)', file: 'quality', test: 'focus is drawn with a 3 px outline',
    breakage: 'CSS: outline none on focus', apply: NO_OUTLINE, why: /none/,
  },
  {
    check: 'ARIA snapshot of the list', file: 'quality', test: 'the accessible tree of the key screens',
    breakage: 'CSS: "most important" toggles display none',
    apply: css('.mbc [aria-pressed] { display: none !important; }'), why: /most important is a pressed toggle/,
  },
  {
    check: 'keyboard journey: focus seen', file: 'journey', test: 'keyboard only, on a phone',
    breakage: 'CSS: outline none on focus', apply: NO_OUTLINE, why: /no visible focus outline/,
  },
  {
    check: 'axe on every journey step', file: 'journey', test: 'axe finds nothing on any step of an empty journey',
    breakage: `CSS: body text ${GREY} on white`, apply: LOW_CONTRAST, why: /color-contrast/,
  },
  {
    check: 'axe on the first screen', file: 'first-screen', test: 'axe finds no WCAG 2.2 AA violations on the first screen',
    breakage: `CSS: body text ${GREY} on white`, apply: LOW_CONTRAST, why: /color-contrast/,
  },
  {
    check: 'axe in the shadow-DOM embeds', file: 'embed', test: 'axe finds no WCAG 2.2 AA violations inside the shadow-DOM embeds',
    breakage: `CSS: body text ${GREY} on white`, apply: LOW_CONTRAST, why: /color-contrast/,
  },
  {
    check: 'axe on the share dialog', file: 'take-away', test: 'a share link moves the list to a fresh device',
    breakage: `CSS: dialog text ${GREY}`,
    apply: css(`.mbc-dialog, .mbc-dialog * { color: ${GREY} !important; }`), why: /color-contrast/,
  },
  {
    check: 'Subresource Integrity of the embed', file: 'embed', test: 'the embed refuses a stylesheet or a wasm',
    breakage: 'JS: the loader fetches the wasm without its integrity',
    apply: (dir) => edit(dir, 'mbc-guide.js', (s) => s.replace(/, \{ integrity: '[^']*' \}\)/, ')')), why: /nothing mounts/,
  },
  {
    check: 'byte budget', file: 'size', test: 'the first load is at most',
    breakage: 'HTML: 12 kB of random base64 in a comment',
    apply: html('</head>', `<!-- ${randomBytes(9000).toString('base64')} -->\n</head>`), why: /over the budget/,
  },
  {
    // Not "no lang on <html>": the standalone page's wasm sets the lang of
    // the language shown (`lang_shown`), so that breakage is repaired.
    check: 'Lighthouse accessibility', file: 'lighthouse', test: 'Lighthouse (mobile, served compressed)',
    breakage: 'HTML: the page refreshes itself every hour',
    apply: html('</head>', '<meta http-equiv="refresh" content="3600">\n</head>'), why: /meta-refresh/,
  },
  {
    check: 'Lighthouse accessibility (zoom)', file: 'lighthouse', test: 'Lighthouse (mobile, served compressed)',
    breakage: 'HTML: viewport user-scalable=no',
    apply: html('initial-scale=1"', 'initial-scale=1, maximum-scale=1, user-scalable=no"'), why: /meta-viewport/,
  },
  {
    check: 'Lighthouse best practices', file: 'lighthouse', test: 'Lighthouse (mobile, served compressed)',
    breakage: 'JS: console.error in boot.js',
    apply: (dir) => edit(dir, 'boot.js', (s) => `console.error('break-checks: a deliberate console error');\n${s}`),
    why: /errors-in-console/,
  },
];

// Native cases: checks held by cargo tests. Each breakage is a one-string
// change to the Rust source, made in place (a copy of the crate would
// rebuild every dependency) and always put back, even on Ctrl-C; `from`
// must occur exactly once, so a renamed line cannot pass unnoticed. A
// compile error is not a failure of the check: the test must run and fail
// with `why` in its output.
const NATIVE = (test, ...filter) => ['test', '--features', 'ssr', ...test, ...filter];
const BROWSER = (test, ...filter) => ['test', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--test', test, ...filter];
const NATIVE_CASES = [
  {
    check: 'interface keys: a key no pack has', file: 'src/components/use_take_away.rs',
    from: 'pack.ui("copied")', to: 'pack.ui("copyed")',
    cargo: NATIVE(['--test', 'ui_keys'], 'every_key_the_code_looks_up'), why: /copyed/,
  },
  {
    check: 'private fields: spellcheck on step 1', file: 'src/components/goals_step.rs',
    from: 'spellcheck="false" autocomplete="off" maxlength', to: 'autocomplete="off" maxlength',
    cargo: NATIVE(['--test', 'private_fields']), why: /anything else that matters/,
  },
  {
    check: 'journey end: what to bring for a second opinion only', file: 'src/sheet.rs',
    from: 'bring: if second_opinion {', to: 'bring: if true {',
    cargo: NATIVE(['--test', 'journey_end']), why: /bring_heading/,
  },
  {
    check: 'incoming: the reason for the visit is named', file: 'src/incoming.rs',
    from: '("visit_legend", mine.visit != theirs.visit)', to: '("visit_legend", false)',
    cargo: NATIVE(['--lib'], 'incoming::'), why: /Your answers change in/,
  },
  {
    check: 'pack format byte read before the pack', file: 'src/content/mod.rs',
    from: 'if *format != PACK_FORMAT {', to: 'if false && *format != PACK_FORMAT {',
    cargo: NATIVE(['--test', 'hospital_pack'], 'a_pack_of_another_format'), why: /format 2/,
  },
  {
    check: 'stale save: the copy is offered after 7 days', file: 'src/dates.rs',
    from: 'today.days() - saved.days() >= STALE_DAYS', to: 'today.days() - saved.days() > STALE_DAYS',
    cargo: NATIVE(['--lib'], 'dates::'), why: /7 days/,
  },
  {
    check: 'a clean note is kept clean on the way in', file: 'src/state.rs',
    from: '|| matches!(crate::text::clean(&entry.note), std::borrow::Cow::Owned(_))', to: '|| false',
    cargo: NATIVE(['--test', 'share'], 'control_and_bidi'), why: /one\\ntwo\\nthree/,
  },
  {
    check: 'a share link for an earlier state is never shown', file: 'src/components/use_share_link.rs',
    from: 'Rc::ptr_eq(state, &wanted) && made_base == base', to: '{ let _ = (state, &wanted); made_base == base }',
    cargo: BROWSER('browser_share', 'earlier_state'), why: /left: "link-2"/,
    env: { CHROMEDRIVER: '/usr/bin/chromedriver', WASM_BINDGEN_TEST_TIMEOUT: '60' },
  },
];

/**
 * A rebuild would give changed files new integrity hashes and a new
 * service-worker list; do the same, so the copy differs from the build only
 * by the breakage (a stale SRI hash would drop the whole stylesheet).
 */
function rehash(dir) {
  const digest = (name, algorithm, encoding) => createHash(algorithm).update(readFileSync(join(dir, name))).digest(encoding);
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(
    /(<(?:link|script)\b[^>]*?(?:href|src)="\.?\/?([^"]+)"[^>]*?integrity=")sha384-[^"]+"/g,
    (all, head, name) => (existsSync(join(dir, name)) ? `${head}sha384-${digest(name, 'sha384', 'base64')}"` : all),
  ));
  // The embed's loader names the stylesheet's and the wasm's hashes too.
  const loader = join(dir, 'mbc-guide.js');
  if (existsSync(loader)) {
    let text = readFileSync(loader, 'utf8');
    const named = (ext) => new RegExp(`new URL\\('\\./([^']+\\.${ext})'`).exec(text)?.[1];
    const [css, wasm] = [named('css'), named('wasm')];
    if (css) text = text.replace(/(stylesheetIntegrity = ')sha384-[^']+'/, (all, head) => `${head}sha384-${digest(css, 'sha384', 'base64')}'`);
    if (wasm) text = text.replace(/(\{ integrity: ')sha384-[^']+'/, (all, head) => `${head}sha384-${digest(wasm, 'sha384', 'base64')}'`);
    writeFileSync(loader, text);
  }
  const sw = join(dir, 'sw.js');
  if (existsSync(sw)) {
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(
      /\{"url":"\.\/([^"]+)","sha256":"[0-9a-f]+"\}/g,
      (all, name) => (existsSync(join(dir, name)) ? `{"url":"./${name}","sha256":"${digest(name, 'sha256', 'hex')}"}` : all),
    ));
  }
}

// ------------------------------------------------------------ running

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs one test of one file against `dist`: { passed, failed, reason, seconds }. */
function runTest(file, name, dist) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [
    '--test', '--test-reporter=tap', `--test-name-pattern=^${escape(name)}`, join('e2e', `${file}.test.mjs`),
  ], { cwd: ROOT, env: { ...process.env, MBC_DIST: dist }, encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 64 << 20 });
  const out = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  const count = (what) => Number(new RegExp(`^# ${what} (\\d+)`, 'm').exec(out)?.[1] ?? 0);
  // The failure's own words: the TAP lines after the failing test's "error:".
  const error = /^\s*not ok [\s\S]*?^\s+error:([\s\S]*?)^\s+(?:code|stack|failureType):/m.exec(out);
  return {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    status: run.status,
    timedOut: run.error?.code === 'ETIMEDOUT',
    reason: (error?.[1] ?? (run.error ? String(run.error) : count('fail') ? out.slice(-400) : `the test passed (${count('pass')} passed)`)).replace(/\s+/g, ' ').trim(),
    seconds: (Date.now() - started) / 1000,
  };
}

/** Runs one cargo test command in the crate: like `runTest`. */
function runCargo(c) {
  const started = Date.now();
  const run = spawnSync('cargo', c.cargo, {
    cwd: ROOT, env: { ...process.env, ...c.env }, encoding: 'utf8', timeout: 20 * 60_000, maxBuffer: 64 << 20,
  });
  const out = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  const results = [...out.matchAll(/^test result: (ok|FAILED)\. (\d+) passed; (\d+) failed/gm)];
  const sum = (i) => results.reduce((n, m) => n + Number(m[i]), 0);
  const panic = /panicked at[\s\S]{0,600}/.exec(out)?.[0];
  return {
    passed: sum(2),
    failed: sum(3),
    timedOut: run.error?.code === 'ETIMEDOUT',
    reason: (panic ?? (results.length ? `the test passed (${sum(2)} passed)` : `no test ran: ${out.slice(-400)}`)).replace(/\s+/g, ' ').trim(),
    seconds: (Date.now() - started) / 1000,
  };
}

/** Makes a native case's change in place; returns how to put it back. */
function breakSource(c) {
  const file = join(ROOT, c.file);
  const before = readFileSync(file, 'utf8');
  if (before.split(c.from).length !== 2) throw new Error(`${c.file} does not hold ${JSON.stringify(c.from)} exactly once`);
  const restore = () => writeFileSync(file, before);
  process.once('SIGINT', restore).once('SIGTERM', restore);
  writeFileSync(file, before.replace(c.from, c.to));
  return () => {
    restore();
    process.off('SIGINT', restore).off('SIGTERM', restore);
  };
}

function fresh(source, label) {
  const dir = mkdtempSync(join(tmpdir(), `mbc-break-${label}-`));
  cpSync(source, dir, { recursive: true });
  return dir;
}

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new RegExp(args.splice(onlyAt, 2)[1], 'i') : null;
const source = resolve(args[0] ?? join(ROOT, 'dist'));
const picked = (c) => !only || only.test(c.check) || only.test(c.file);
const cases = CASES.filter(picked);
const nativeCases = NATIVE_CASES.filter(picked);
if (cases.length && !existsSync(join(source, 'index.html'))) {
  console.error(`break-checks: ${source}/index.html is missing; give a release build as the argument, or run scripts/build.sh first`);
  process.exit(2);
}
const started = Date.now();
console.log(`break-checks: ${cases.length} breakage(s) of ${source} and ${nativeCases.length} of the Rust source, each test also run once unbroken`);

// The unbroken runs, once per test.
const clean = new Map();
const cleanDir = cases.length ? fresh(source, 'clean') : null;
try {
  for (const c of cases) {
    const key = `${c.file}\0${c.test}`;
    if (clean.has(key)) continue;
    const result = runTest(c.file, c.test, cleanDir);
    clean.set(key, result);
    console.log(`  unbroken  ${c.file}: "${c.test}": ${result.passed && !result.failed ? 'passes' : `DOES NOT PASS: ${result.reason.slice(0, 300)}`} (${result.seconds.toFixed(0)} s)`);
  }
} finally {
  if (cleanDir) rmSync(cleanDir, { recursive: true, force: true });
}
for (const c of nativeCases) {
  const key = `cargo ${c.cargo.join(' ')}`;
  if (clean.has(key)) continue;
  const result = runCargo(c);
  clean.set(key, result);
  console.log(`  unbroken  ${key}: ${result.passed && !result.failed ? 'passes' : `DOES NOT PASS: ${result.reason.slice(0, 300)}`} (${result.seconds.toFixed(0)} s)`);
}

const rows = [];
const record = (c, unbroken, result) => {
  const failedAsExpected = result.failed > 0 && !result.timedOut && c.why.test(result.reason);
  const seen = failedAsExpected ? 'yes' : result.failed > 0 ? 'no (other reason)' : 'NO';
  rows.push({ ...c, unbroken: unbroken.passed > 0 && !unbroken.failed ? 'yes' : 'NO', seen, result });
  console.log(`  broken    ${c.check}: ${seen === 'yes' ? 'failed as expected' : `${seen}: ${result.reason.slice(0, 300)}`} (${result.seconds.toFixed(0)} s)`);
};
for (const c of cases) {
  const dir = fresh(source, c.file);
  let result;
  try {
    c.apply(dir);
    rehash(dir);
    result = runTest(c.file, c.test, dir);
  } catch (error) {
    result = { passed: 0, failed: 0, reason: `the breakage could not be applied: ${error.message}`, seconds: 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  record(c, clean.get(`${c.file}\0${c.test}`), result);
}
for (const c of nativeCases) {
  let result;
  let restore = () => {};
  try {
    restore = breakSource(c);
    c.breakage = `${c.file}: ${c.to}`;
    result = runCargo(c);
  } catch (error) {
    result = { passed: 0, failed: 0, reason: `the breakage could not be applied: ${error.message}`, seconds: 0 };
  } finally {
    restore();
  }
  record(c, clean.get(`cargo ${c.cargo.join(' ')}`), result);
}

const widths = [48, 58, 8, 12];
const line = (cells) => cells.map((cell, i) => String(cell).slice(0, widths[i]).padEnd(widths[i])).join(' | ');
console.log(`\n${line(['check', 'breakage', 'unbroken', 'failure seen'])}`);
console.log(widths.map((w) => '-'.repeat(w)).join('-+-'));
for (const r of rows) console.log(line([r.check, r.breakage, r.unbroken === 'yes' ? 'passes' : 'FAILS', r.seen]));
console.log('\nwhat each broken test said:');
for (const r of rows) console.log(`  ${r.check}: ${r.result.reason.slice(0, 220)}`);
const bad = rows.filter((r) => r.seen !== 'yes' || r.unbroken !== 'yes');
console.log(`\n${rows.length - bad.length} of ${rows.length} checks pass unbroken and fail when broken, in ${((Date.now() - started) / 1000).toFixed(0)} s (build: ${cases.length ? source : 'none'})`);
if (bad.length) {
  console.log(`not proven: ${bad.map((r) => r.check).join('; ')}`);
  process.exit(1);
}
