// Safe on any hospital page (issue 17): the widget cleans up after itself,
// the list never passes through the host page, a link cannot change the
// hospital's settings, hostile input stays cheap, nothing is lost, and
// strict hosts work. Each host page is written here and served with the
// build under /widget/, as a hospital would serve it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer, STRICT_CSP, WIDGET_CSP } from '../scripts/static-server.mjs';
import { DIST, ROOT, CHROMIUM_ARGS, shareLink, waitForSave } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
const ui = en.ui;
/** Longer than the 250 ms save delay. */
const SAVED = 400;
const goal = (id) => en.guide.goals.items.find((g) => g.id === id).title;

// Every folder this file writes is in `temp`, removed in `after`.
const temp = mkdtempSync(join(tmpdir(), 'mbc-safety-'));
const hosts = join(temp, 'hosts');
mkdirSync(hosts);
const page = (body, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,">${head}</head>
<body><main id="slot">${body}</main></body></html>`;
const LOADER = '<script type="module" src="/widget/mbc-guide.js"></script>';
writeFileSync(join(hosts, 'empty.html'), page('', LOADER));
writeFileSync(join(hosts, 'one.html'), page('<mbc-guide></mbc-guide>', LOADER));
writeFileSync(join(hosts, 'tt.html'), page('<mbc-guide></mbc-guide>', LOADER));
writeFileSync(join(hosts, 'framed.html'), page(
  '<iframe title="Guide" src="/widget/?org-name=Framed%20Clinic&amp;phone=555-0100" style="width:100%;height:600px"></iframe>',
));
const TRUSTED_TYPES = `${STRICT_CSP}; require-trusted-types-for 'script'`;

let server;
let browser;
before(async () => {
  server = await startServer({
    root: hosts,
    extraRoots: { '/widget/': DIST },
    csp: (path) => (path === '/tt.html' ? TRUSTED_TYPES : path.startsWith('/widget/') ? WIDGET_CSP : null),
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** A fresh context at `path`, recording console errors, warnings and requests. */
async function open(path, { settings, init } = {}) {
  const context = await browser.newContext();
  if (settings) {
    await context.route('**/widget/mbc-settings.json', (route) => route.fulfill({
      contentType: 'application/json', body: JSON.stringify(settings),
    }));
  }
  if (init) await context.addInitScript(init);
  const p = await context.newPage();
  const errors = [];
  const warnings = [];
  const requests = [];
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  p.on('pageerror', (e) => errors.push(String(e)));
  context.on('request', (r) => requests.push(r.url()));
  await p.goto(new URL(path, server.url).href);
  return { context, page: p, errors, warnings, requests };
}

/** Waits until `count` <mbc-guide> elements are mounted and ready. */
async function widgetsReady(p, count = 1) {
  await p.waitForFunction((n) => [...document.querySelectorAll('mbc-guide')]
    .filter((el) => el.shadowRoot?.querySelector('[data-ready="true"]')).length === n, count, { timeout: 30_000 });
}

/** The standalone page (or frame) is interactive. */
async function standaloneReady(frame) {
  await frame.waitForSelector('#mbc-guide[data-ready="true"]', { timeout: 30_000 });
}

/** The window's event listeners, counted by type (Chrome DevTools Protocol). */
async function windowListeners(p) {
  const cdp = await p.context().newCDPSession(p);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.detach();
  const count = {};
  for (const { type } of listeners) count[type] = (count[type] ?? 0) + 1;
  return count;
}

/** A share fragment (`#mbc=1.…`) holding `state`, made as the widget makes one. */
function fragment(state) {
  const packed = deflateSync(Buffer.from(JSON.stringify(state)));
  return `#mbc=1.${packed.toString('base64url')}`;
}

const LIST = {
  answers: { goals: {}, goals_other: '', factors: {}, treatments: {} },
  list: [{ id: 0, text: 'Who reads my scans?', top: true, note: '' }],
  next_id: 1, show_sensitive: false, step: 'questions', readiness: {}, large_print: false,
};

const openDialogs = (p) => p.evaluate(() => [...document.querySelectorAll('mbc-guide')]
  .map((el) => el.shadowRoot.querySelectorAll('dialog[open]').length).reduce((a, b) => a + b, 0));

// ------------------------------------------------------------ 1. lifetime

/** Step 5 of the widget in `scope`, with "Other ways to keep your list" open. */
async function otherWays(scope, words) {
  await scope.getByRole('navigation', { name: words.steps_label }).getByRole('button', { name: words.step_ready, includeHidden: true }).click();
  await scope.getByText(words.other_ways, { exact: true }).click();
}

test('20 widgets mounted and removed leave one live set of listeners, and every event kind is handled without error', async () => {
  const env = await open('empty.html');
  const { page: p } = env;
  const before = await windowListeners(p);
  for (let i = 0; i < 20; i += 1) {
    await p.evaluate(() => document.getElementById('slot').append(document.createElement('mbc-guide')));
    await widgetsReady(p);
    await p.evaluate(() => document.querySelector('mbc-guide').remove());
  }
  await p.evaluate(() => document.getElementById('slot').append(document.createElement('mbc-guide')));
  await widgetsReady(p);
  const now = await windowListeners(p);
  for (const type of ['storage', 'hashchange', 'beforeprint', 'afterprint']) {
    assert.equal((now[type] ?? 0) - (before[type] ?? 0), 1, `one ${type} listener for the one widget (${JSON.stringify(now)})`);
  }

  // Every kind of event, once: another tab's save, a link pasted into the
  // address bar, the browser's own print command.
  await p.evaluate(() => {
    const other = JSON.stringify({ format: 'mbc-guide/state', version: 1, rev: 5, saved_at: 0, state: {
      answers: { goals: {}, goals_other: '', factors: {}, treatments: {} },
      list: [{ id: 0, text: 'From the other tab', top: false, note: '' }],
      next_id: 1, show_sensitive: false, step: 'goals', readiness: {}, large_print: false } });
    dispatchEvent(new StorageEvent('storage', { key: 'mbc-guide:default:state', newValue: other, storageArea: localStorage }));
    dispatchEvent(new Event('beforeprint'));
    dispatchEvent(new Event('afterprint'));
  });
  await p.evaluate((hash) => { location.hash = hash; }, fragment(LIST));
  const dialog = p.locator('mbc-guide').getByRole('dialog', { name: ui.incoming_title });
  await dialog.waitFor();
  assert.equal(await openDialogs(p), 1, 'one dialog asks, not one per widget that ever lived');
  assert.equal(await p.evaluate(() => location.hash), '', 'the link left the address at once');
  assert.deepEqual(env.errors, [], 'no errors (a dropped listener still registered would throw)');
  await env.context.close();
});

test('a widget removed right after a change keeps it, and comes back with it', async () => {
  const env = await open('one.html');
  const { page: p } = env;
  await widgetsReady(p);
  const group = p.locator('mbc-guide').getByRole('group', { name: goal('longer'), exact: true });
  await group.getByRole('radio', { name: ui.rating_very, exact: true }).check();
  // Within the save delay: the change is saved as the widget goes.
  await p.evaluate(() => { const el = document.querySelector('mbc-guide'); el.remove(); window.kept = el; });
  await p.evaluate(() => document.getElementById('slot').append(window.kept));
  await widgetsReady(p);
  assert.ok(await group.getByRole('radio', { name: ui.rating_very, exact: true }).isChecked(), 'the answer is back');
  assert.deepEqual(env.errors, []);
  await env.context.close();
});

// ------------------------------------------------------------ 2. the list never passes through the host page

test('script embed: share links lead to the widget\'s own page, never the host\'s address or query', async () => {
  const env = await open('one.html?patient=12345&utm_source=mail');
  const { page: p } = env;
  await widgetsReady(p);
  const widget = p.locator('mbc-guide');
  await otherWays(widget, ui);
  await widget.getByRole('button', { name: ui.share_button }).click();
  const link = await shareLink(widget.getByLabel(ui.share_link_label));
  assert.ok(link.startsWith(new URL('/widget/index.html#mbc=', server.url).href), link);
  assert.ok(!link.includes('patient') && !link.includes('utm_'), 'nothing of the host\'s query');
  const said = await widget.getByRole('dialog', { name: ui.share_button }).innerText();
  assert.ok(said.includes(ui.share_text), 'the dialog says who can read the link');
  assert.match(ui.share_text, /Anyone who has the link can read/);
  await env.context.close();

  // The link opens the widget's own page; the fragment is gone from the
  // address, and the list waits for the person's choice.
  const there = await open(link);
  await standaloneReady(there.page);
  await there.page.getByRole('dialog', { name: ui.incoming_title }).waitFor();
  assert.equal(await there.page.evaluate(() => location.href), new URL('/widget/index.html', server.url).href);
  assert.deepEqual(there.errors, []);
  await there.context.close();
});

test('a link opened on a host page leaves its address at once and keeps the host\'s history state', async () => {
  // A link made before links led to the widget's own page; the host's router
  // has set its history state by the time our loader runs.
  const env = await open(`one.html?page=2${fragment(LIST)}`, { init: () => { history.replaceState({ route: 'guide' }, ''); } });
  const { page: p } = env;
  await widgetsReady(p);
  await p.locator('mbc-guide').getByRole('dialog', { name: ui.incoming_title }).waitFor();
  assert.equal(await p.evaluate(() => location.href), new URL('one.html?page=2', server.url).href);
  assert.deepEqual(await p.evaluate(() => history.state), { route: 'guide' });
  await env.context.close();
});

// ------------------------------------------------------------ 3. settings from a link

test('a crafted link to the standalone page cannot set the phone, names, links, pack or saving', async () => {
  const crafted = '/widget/?lang=es&org-name=Fake%20Clinic&phone=%2B1%20900%20555%200100&hours=24h'
    + '&second-opinion-url=https%3A%2F%2Fevil.example%2F&content-pack=%2Fwidget%2Fevil.pack&save=false';
  const env = await open(crafted);
  const { page: p } = env;
  await standaloneReady(p);
  const text = await p.locator('#mbc-guide').innerText();
  assert.ok(!text.includes('Fake Clinic') && !text.includes('900 555'), 'no fake name or phone');
  assert.equal(await p.locator('a[href^="tel:"], a[href^="https://evil.example"]').count(), 0);
  assert.ok(!env.requests.some((u) => new URL(u).pathname.endsWith('evil.pack')), 'the pack was not fetched');
  assert.equal(await p.locator('#mbc-guide .mbc').getAttribute('lang'), 'es', 'the language does come from the link');
  for (const name of ['org-name', 'phone', 'hours', 'second-opinion-url', 'content-pack', 'save']) {
    assert.ok(env.warnings.some((w) => w.includes(`${name} in the page's address was not used`)), `${name} is named`);
  }
  await env.context.close();
});

test('the deployment sets them: mbc-settings.json next to the page, or the iframe\'s src', async () => {
  const env = await open('/widget/', { settings: { 'org-name': 'St Elsewhere', phone: '555-0199' } });
  await standaloneReady(env.page);
  await env.page.locator('#mbc-guide').getByText('St Elsewhere').first().waitFor();
  assert.equal(await env.page.locator('a[href^="tel:"]').count() > 0, true);
  await env.context.close();

  const framed = await open('framed.html');
  const frame = framed.page.frameLocator('iframe');
  await frame.locator('#mbc-guide[data-ready="true"]').waitFor({ timeout: 30_000 });
  await frame.getByText('Framed Clinic').first().waitFor();
  await framed.context.close();
});

// ------------------------------------------------------------ 4. hostile input stays cheap

/** Records long tasks in the page; read with `longest(page)`. */
const recordLongTasks = () => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
};
const longest = (p) => p.evaluate(() => Math.round(Math.max(0, ...window.__long)));

async function slowCpu(p) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** A share fragment whose answer to one factor lists `n` different option ids. */
function optionsLink(n) {
  const options = Array.from({ length: n }, (_, i) => `o${(i * 2654435761 % 4294967296).toString(36)}`);
  const state = structuredClone(LIST);
  state.answers.factors = { spread: options };
  return fragment(state);
}

/**
 * Presses "Replace my list" in the open `dialog` with the mouse; the longest
 * task in the next 1.6 s. The button is found first, and nothing of the
 * test's polls the page until the tasks are read, so they are the widget's
 * own: closing the dialog, then the list and its step.
 */
async function pressReplace(p, dialog) {
  const box = await dialog.getByRole('button', { name: ui.incoming_replace }).boundingBox();
  await p.evaluate(() => { window.__long.length = 0; });
  await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await p.waitForTimeout(SAVED * 4);
  const ms = await longest(p);
  assert.equal(await dialog.isVisible(), false, 'the dialog closed');
  return ms;
}

test('a 300 KB link of answer options is refused at once, one just under the cap keeps a sane number and can replace the list', async (t) => {
  const huge = optionsLink(60_000);
  assert.ok(huge.length > 300_000, `${huge.length} characters`);
  const near = optionsLink(9_000);
  assert.ok(near.length < 64 << 10, `${near.length} characters, under the 64 KiB cap`);
  const env = await open('/widget/', { init: recordLongTasks });
  const { page: p } = env;
  await standaloneReady(p);
  await slowCpu(p);
  const dialog = p.getByRole('dialog', { name: ui.incoming_title });
  /** Opens `hash` as a pasted link; the longest task until its dialog shows. */
  const opening = async (hash) => {
    await p.evaluate(() => { window.__long.length = 0; });
    await p.evaluate((h) => { location.hash = h; }, hash);
    await dialog.waitFor();
    await p.waitForTimeout(500);
    return longest(p);
  };
  const close = async (name) => {
    await dialog.getByRole('button', { name }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  // For comparison: an ordinary one-question link.
  t.diagnostic(`longest task at 4x CPU slowdown, ordinary link, until its dialog shows: ${await opening(fragment(LIST))} ms`);
  await close(ui.incoming_cancel);
  t.diagnostic(`longest task at 4x CPU slowdown, 300 KB link (60,000 options): ${await opening(huge)} ms`);
  assert.ok((await dialog.innerText()).includes(ui.share_error_too_large), 'too large, nothing changed');
  await close(ui.close);
  // "Replace my list" with it: the first time in a page, the one that
  // compiles and builds step 4 (which the link holds). The time is printed,
  // not asserted: the brief keeps timing goals in benchmark scripts, and a
  // shared machine's load decides a single press. bench/replace.mjs measures
  // it against issue 17's 200 ms, run by run beside another build.
  t.diagnostic(`longest task at 4x CPU slowdown, ${near.length} B link (9,000 options): ${await opening(near)} ms`);
  t.diagnostic(`longest task at 4x CPU slowdown, replacing the list with it: ${await pressReplace(p, dialog)} ms (target 200, bench/replace.mjs)`);
  const saved = await waitForSave(p, 'Array.isArray(s.state.answers.factors.spread)', 'the replaced list');
  assert.equal(saved.state.answers.factors.spread.length, 64, 'the first 64 options are kept');
  assert.deepEqual(env.errors, []);
  await env.context.close();
});

test('a pack with 20,000 interface keys in reverse order starts the widget', async (t) => {
  const dir = mkdtempSync(join(temp, 'bigpack-'));
  const pack = structuredClone(en);
  const keys = Array.from({ length: 20_000 }, (_, i) => `zz${String(i).padStart(5, '0')}`);
  for (const key of keys) pack.ui[key] = 'x';
  writeFileSync(join(dir, 'big.json'), JSON.stringify(pack));
  // 20,000 warnings ("not an interface word the code uses"), no error.
  execFileSync('cargo', ['run', '--quiet', '--bin', 'mbc-validate-pack', '--', join(dir, 'big.json'), '--compile', join(dir, 'big.pack')],
    { cwd: ROOT, stdio: 'ignore' });
  // The compiled pack holds its keys sorted; a hostile one need not. Write
  // the same keys in reverse order, byte for byte in place.
  const bytes = readFileSync(join(dir, 'big.pack'));
  const entry = (key) => Buffer.concat([Buffer.from([key.length]), Buffer.from(key), Buffer.from([1]), Buffer.from('x')]);
  const at = bytes.indexOf(entry(keys[0]));
  assert.ok(at > 0, 'the keys are in the compiled pack');
  keys.slice().reverse().forEach((key, i) => entry(key).copy(bytes, at + i * entry(key).length));
  const served = await startServer({ root: DIST, extraRoots: { '/packs/': dir } });
  writeFileSync(join(dir, 'big.pack'), bytes);
  const context = await browser.newContext();
  await context.route('**/mbc-settings.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"content-pack": "/packs/big.pack"}' }));
  await context.addInitScript(recordLongTasks);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await p.goto(served.url);
  await standaloneReady(p);
  assert.equal(await p.getByText(ui.pack_error).count(), 0, 'the pack was used');
  assert.deepEqual(errors, []);
  t.diagnostic(`longest task at 4x CPU slowdown, 20,000-key pack: ${await longest(p)} ms`);
  await context.close();
  await served.close();
});

test('a file is looked at before it is read: a huge one is refused without reading it', async () => {
  const env = await open('/widget/', { init: () => {
    window.__reads = 0;
    const text = Blob.prototype.text;
    Blob.prototype.text = function () { window.__reads += 1; return text.call(this); };
  } });
  await standaloneReady(env.page);
  const huge = Buffer.alloc(6 << 20, 'a');
  await otherWays(env.page, ui);
  await env.page.locator('input[type="file"]').setInputFiles({ name: 'list.txt', mimeType: 'text/plain', buffer: huge });
  const dialog = env.page.getByRole('dialog', { name: ui.incoming_title });
  await dialog.waitFor();
  assert.ok((await dialog.innerText()).includes(ui.share_error_too_large), 'a calm sentence, nothing changed');
  assert.equal(await env.page.evaluate(() => window.__reads), 0, 'the file was never read');
  await env.context.close();
});

// ------------------------------------------------------------ 5. no lost work

test('another script clearing storage does not wipe the screen: what shows is saved again', async () => {
  const env = await open('/widget/');
  const { page: p } = env;
  await standaloneReady(p);
  const group = p.getByRole('group', { name: goal('longer'), exact: true });
  await group.getByRole('radio', { name: ui.rating_very, exact: true }).check();
  await waitForSave(p, 's.state.answers.goals.longer === "very"', 'the answer');
  // Another tab of the same origin (another app, a log-out script) clears everything.
  const other = await env.context.newPage();
  await other.goto(new URL('/empty.html', server.url).href);
  await other.evaluate(() => localStorage.clear());
  await p.waitForTimeout(SAVED);
  assert.ok(await group.getByRole('radio', { name: ui.rating_very, exact: true }).isChecked(), 'the screen is kept');
  await waitForSave(p, 's.state.answers.goals.longer === "very"', 'the answer, written back');
  await env.context.close();
});

/** The standalone page on a device whose storage holds `state` saved with `rev`. */
async function openSaved(state, { rev = 1, settings, savedAt = 0 } = {}) {
  const env = await open('/widget/', { settings });
  const saved = JSON.stringify({ format: 'mbc-guide/state', version: 1, rev, saved_at: savedAt, state });
  await env.page.evaluate((text) => localStorage.setItem('mbc-guide:default:state', text), saved);
  await env.page.reload();
  await standaloneReady(env.page);
  return env;
}

test('a huge rev in storage is read as 0, and the tabs keep following each other', async () => {
  const env = await openSaved({ ...LIST, step: 'goals' }, { rev: 9e15 });
  const second = await env.context.newPage();
  await second.goto(new URL('/widget/', server.url).href);
  await standaloneReady(second);
  const rating = (p) => p.getByRole('group', { name: goal('longer'), exact: true }).getByRole('radio', { name: ui.rating_very, exact: true });
  await rating(env.page).check();
  const saved = await waitForSave(env.page, 's.state.answers.goals.longer === "very"', 'the answer');
  assert.ok(saved.rev >= 1 && saved.rev < 1000, `rev ${saved.rev}`);
  await second.getByRole('group', { name: goal('longer'), exact: true })
    .getByRole('radio', { name: ui.rating_very, exact: true, checked: true }).waitFor({ timeout: 10_000 });
  assert.ok(await rating(second).isChecked(), 'the other tab follows');
  await env.context.close();
});

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m);

test('"Replace my list" names what it changes, and can be undone right after, with focus and an announcement', async () => {
  const mine = {
    ...LIST,
    answers: { ...LIST.answers, goals: { longer: 'very' } },
    list: [{ id: 0, text: 'Mine one?', top: false, note: '' }, { id: 1, text: 'Mine two?', top: false, note: 'kept' }],
    next_id: 2, large_print: true,
  };
  const env = await openSaved(mine);
  const { page: p } = env;
  // A link with one question that turns the sensitive questions on and
  // large print off, and clears the goal ratings.
  const theirs = { ...LIST, show_sensitive: true, list: [{ id: 0, text: 'Theirs?', top: false, note: '' }] };
  await p.evaluate((h) => { location.hash = h; }, fragment(theirs));
  const dialog = p.getByRole('dialog', { name: ui.incoming_title });
  await dialog.waitFor();
  const changes = [
    fill(ui.incoming_replace_list, { mine: '2 questions', theirs: '1 question' }),
    fill(ui.incoming_replace_answers, { parts: ui.step_goals }),
    fill(ui.incoming_replace_on, { settings: ui.sensitive_toggle }),
    fill(ui.incoming_replace_off, { settings: ui.large_print }),
    ui.incoming_replace_undo,
  ];
  const replace = dialog.getByRole('button', { name: ui.incoming_replace });
  const described = await p.locator(`[id="${await replace.getAttribute('aria-describedby')}"]`).innerText();
  for (const line of changes) assert.ok(described.includes(line), `"${line}" describes Replace: ${described}`);
  await replace.click();
  await dialog.waitFor({ state: 'hidden' });
  const live = p.locator('div[aria-live="polite"]');
  const undo = p.getByRole('button', { name: ui.undo, exact: true });
  await undo.waitFor();
  await p.waitForFunction(() => document.activeElement?.textContent === 'Undo');
  assert.ok((await live.innerText()).startsWith(ui.replaced_announce), await live.innerText());
  await p.getByText('Theirs?', { exact: true }).waitFor();
  await undo.click();
  const back = p.getByText(ui.replace_undone, { exact: true });
  await back.waitFor();
  // Focus is given in a later task (replace_undo.rs), so it is waited for.
  await p.waitForFunction((el) => el === document.activeElement, await back.elementHandle(), { timeout: 5_000 })
    .catch(() => assert.fail('focus moves to "back as it was"'));
  assert.ok((await live.innerText()).startsWith(ui.replace_undone), await live.innerText());
  await p.getByText('Mine two?', { exact: true }).waitFor();
  const { state: saved } = await waitForSave(p, 's.state.list.some((e) => e.text === "Mine two?")', 'the list as it was');
  assert.deepEqual(saved.list.map((e) => e.text), ['Mine one?', 'Mine two?']);
  assert.deepEqual([saved.answers.goals, saved.large_print, saved.show_sensitive], [{ longer: 'very' }, true, false]);
  assert.deepEqual(env.errors, []);
  await env.context.close();
});

test('a link of 500 questions (the cap) replaces the list: all 500 come, each by name, and once all are there a late one moves with its focus', async () => {
  const env = await openSaved(LIST);
  const { page: p } = env;
  const theirs = {
    ...LIST,
    list: Array.from({ length: 500 }, (_, id) => ({ id, text: `Question ${id}: what does this scan mean?`, top: false, note: '' })),
    next_id: 500,
  };
  await p.evaluate((h) => { location.hash = h; }, fragment(theirs));
  const dialog = p.getByRole('dialog', { name: ui.incoming_title });
  await dialog.getByRole('button', { name: ui.incoming_replace }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The entries come a chunk a task (MyList); all of them, in the end.
  const list = p.getByRole('list', { name: ui.list_heading });
  const entries = list.getByRole('listitem');
  await p.waitForFunction(() => document.querySelectorAll('li.mbc-entry').length === 500);
  assert.equal(await entries.count(), 500);
  assert.ok(await p.getByText('500 questions').first().isVisible(), 'the count says 500');
  const entry = (n) => entries.filter({ hasText: `Question ${n}: ` });
  for (const n of [0, 250, 499]) {
    assert.equal(await entry(n).getByRole('button', { name: ui.move_up }).count(), 1, `entry ${n} has its Move up`);
  }
  // A late entry moves up: focus stays on its Move up, one place higher.
  await entry(480).getByRole('button', { name: ui.move_up }).click();
  await p.waitForFunction(() => document.querySelectorAll('li.mbc-entry')[479]?.textContent.includes('Question 480: '));
  const focused = await p.evaluate(() => {
    const el = document.activeElement;
    return [el?.getAttribute('aria-label'), el?.closest('li')?.textContent.includes('Question 480: ')];
  });
  assert.deepEqual(focused, [ui.move_up, true]);
  assert.deepEqual(env.errors, []);
  await env.context.close();
});

test('the device section says when the list was last saved and that the browser may delete it; a list not seen for a week is offered a copy, once', async () => {
  const DAY = 24 * 3600 * 1000;
  const longDate = (ms) => new Date(ms).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
  const eightDaysAgo = Date.now() - 8 * DAY;
  const env = await openSaved({ ...LIST, step: 'goals' }, { savedAt: eightDaysAgo });
  const { page: p } = env;
  const device = p.getByRole('region', { name: ui.device_heading });
  const status = async () => device.innerText();
  assert.ok((await status()).includes(fill(ui.saved_when, { date: longDate(eightDaysAgo) })), await status());
  assert.ok((await status()).includes(ui.saved_may_clear));
  const offer = p.getByText(ui.keep_copy_offer);
  await offer.waitFor();
  // The offer's own buttons: print, download, a link; and "Not now".
  for (const name of [ui.print_button, ui.download_txt, ui.share_button, ui.not_now]) {
    assert.ok(await p.getByRole('button', { name, exact: true }).count() >= 1, name);
  }
  await p.getByRole('button', { name: ui.not_now, exact: true }).click();
  await offer.waitFor({ state: 'hidden' });
  // A change is saved: today is the day it was last saved, and the offer stays away.
  await p.getByRole('group', { name: goal('longer'), exact: true }).getByRole('radio', { name: ui.rating_very, exact: true }).check();
  const today = fill(ui.saved_when, { date: longDate(Date.now()) });
  // The line changes when the save reports back, 250 ms or more later.
  await device.getByText(today).first().waitFor({ timeout: 10_000 }).catch(() => {});
  assert.ok((await status()).includes(today), await status());
  assert.equal(await offer.count(), 0);
  await env.context.close();
  // Saved yesterday: no offer.
  const recent = await openSaved({ ...LIST, step: 'goals' }, { savedAt: Date.now() - DAY });
  await recent.page.waitForTimeout(500);
  assert.equal(await recent.page.getByText(ui.keep_copy_offer).count(), 0, 'no offer for a list seen yesterday');
  assert.deepEqual([...env.errors, ...recent.errors], []);
  await recent.context.close();
});

test('"Don\'t save" leaves no copy of the list, the damaged copy included', async () => {
  const env = await openSaved({ ...LIST, list: 'broken' });
  assert.ok(await env.page.evaluate(() => localStorage.getItem('mbc-guide:default:damaged')), 'the damaged copy was set aside');
  await env.page.getByRole('checkbox', { name: ui.dont_save }).check();
  const left = await env.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mbc-guide:')));
  assert.deepEqual(left, ['mbc-guide:default:dont-save']);
  await env.context.close();
});

test('"Clear everything" with saving turned off by the host still removes an earlier list', async () => {
  const env = await openSaved(LIST, { settings: { save: 'false' } });
  await env.page.getByRole('button', { name: ui.clear_button }).click();
  await env.page.getByRole('button', { name: ui.clear_confirm }).click();
  assert.equal(await env.page.evaluate(() => localStorage.getItem('mbc-guide:default:state')), null);
  await env.context.close();
});

// ------------------------------------------------------------ 6. two widgets, strict hosts

test('two widgets sharing a namespace keep their lists apart whatever order they mount in', async () => {
  writeFileSync(join(hosts, 'pair.html'), page('<span id="first"></span><span id="second"></span>', LOADER));
  const env = await open('pair.html');
  const { page: p } = env;
  // Both elements in the same places of the page, connected in `order`.
  const mount = (order) => p.evaluate((ids) => {
    for (const id of ['left', 'right']) document.getElementById(id)?.remove();
    const slot = document.getElementById('slot');
    slot.replaceChildren(...['first', 'second'].map((id) => Object.assign(document.createElement('span'), { id })));
    for (const id of ids) {
      const el = Object.assign(document.createElement('mbc-guide'), { id });
      el.setAttribute('storage-namespace', 'x');
      document.getElementById(id === 'left' ? 'first' : 'second').replaceWith(el);
    }
  }, order);
  const rating = (id) => p.locator(`#${id}`).getByRole('group', { name: goal('longer'), exact: true });
  await mount(['left', 'right']);
  await widgetsReady(p, 2);
  await rating('right').getByRole('radio', { name: ui.rating_very, exact: true }).check();
  await p.waitForTimeout(SAVED);
  await mount(['right', 'left']);
  await widgetsReady(p, 2);
  assert.ok(await rating('right').getByRole('radio', { name: ui.rating_very, exact: true }).isChecked(), 'the answer stays in the right widget');
  assert.equal(await rating('left').getByRole('radio', { checked: true }).count(), 0, 'and never shows in the left one');
  await env.context.close();
});

test('a host that enforces Trusted Types: the widget mounts, with no violation', async () => {
  const env = await open('tt.html');
  await widgetsReady(env.page);
  assert.deepEqual(env.errors, []);
  await env.context.close();
});

test('the widget root carries the masking marks of common session-replay tools', async () => {
  const env = await open('one.html');
  await widgetsReady(env.page);
  const marks = await env.page.locator('mbc-guide').evaluate((el) => ({
    attributes: el.getAttributeNames().sort(), classes: [...el.classList].sort(),
  }));
  for (const name of ['data-private', 'data-hj-suppress', 'data-dd-privacy', 'data-sentry-mask', 'data-clarity-mask']) {
    assert.ok(marks.attributes.includes(name), name);
  }
  assert.deepEqual(marks.classes, ['fs-exclude', 'ph-no-capture', 'rr-block', 'sentry-block']);
  await env.context.close();
});

test('in a frame, the height goes to the parent\'s origin only', async () => {
  const env = await open('framed.html', { init: () => {
    if (window !== top) return;
    // Window's operations live on the window itself ([Global]), not its prototype.
    const post = window.postMessage;
    window.__targets = [];
    window.postMessage = function (message, target, ...rest) {
      if (message?.type === 'mbc-guide:height') window.__targets.push(typeof target === 'string' ? target : target?.targetOrigin);
      return post.call(this, message, target, ...rest);
    };
  } });
  const frame = env.page.frameLocator('iframe');
  await frame.locator('#mbc-guide[data-ready="true"]').waitFor({ timeout: 30_000 });
  await env.page.waitForFunction(() => window.__targets.length > 0);
  assert.deepEqual([...new Set(await env.page.evaluate(() => window.__targets))], [new URL(server.url).origin]);
  await env.context.close();
});

test('scripts/serve.sh sends exactly the headers EMBEDDING.md recommends, frame-ancestors included', async () => {
  const serve = readFileSync(join(ROOT, 'scripts', 'serve.sh'), 'utf8');
  assert.match(serve, /static-server\.mjs dist 8080 --csp/);
  const own = await startServer({ root: DIST, csp: true });
  const response = await fetch(own.url);
  await own.close();
  const policy = response.headers.get('content-security-policy');
  assert.equal(policy, WIDGET_CSP);
  assert.match(policy, /frame-ancestors 'self'/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  const embedding = readFileSync(join(ROOT, 'EMBEDDING.md'), 'utf8');
  assert.ok(embedding.includes(`Content-Security-Policy: ${policy}`), 'EMBEDDING.md shows the policy the server sends, word for word');
});

test('the iframe snippet of EMBEDDING.md, word for word: downloads and printing work in it', async () => {
  const embedding = readFileSync(join(ROOT, 'EMBEDDING.md'), 'utf8');
  const snippet = embedding.match(/```html\n(<iframe id="mbc-guide-frame"[\s\S]*?<\/iframe>)\n```/)[1];
  const grow = embedding.match(/```js\n(\/\/ Grows the mbc-guide iframe[\s\S]*?)```/)[1];
  writeFileSync(join(hosts, 'grow.js'), grow);
  writeFileSync(join(hosts, 'snippet.html'), page(
    snippet.replace('https://widget.example.org/mbc/', new URL('/widget/', server.url).href),
    '<script type="module" src="grow.js"></script>',
  ));
  const env = await open('snippet.html');
  const frame = env.page.frameLocator('#mbc-guide-frame');
  await frame.locator('#mbc-guide[data-ready="true"]').waitFor({ timeout: 30_000 });
  // A question in the list, so Print prints (an empty list only explains).
  await frame.getByRole('navigation', { name: es.ui.steps_label }).getByRole('button', { name: es.ui.step_questions, includeHidden: true }).click();
  await frame.getByLabel(es.ui.own_label, { exact: true }).fill('¿Puedo seguir trabajando?');
  await frame.getByRole('button', { name: es.ui.own_add }).click();
  await otherWays(frame, es.ui);
  const [download] = await Promise.all([
    env.page.waitForEvent('download', { timeout: 10_000 }),
    frame.getByRole('button', { name: es.ui.download_txt }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.txt$/);
  await frame.getByRole('button', { name: es.ui.print_button }).click();
  await env.page.waitForTimeout(500);
  assert.deepEqual(env.errors.filter((e) => /sandbox|print|download/i.test(e)), [], env.errors.join('\n'));
  await env.context.close();
});

// ------------------------------------------------------------ 10. service worker

/** A copy of the build at the root of its own server, visited once, so its worker controls it. */
async function controlled(change = () => {}) {
  const dir = mkdtempSync(join(temp, 'sw-'));
  cpSync(DIST, dir, { recursive: true });
  change(dir);
  const own = await startServer({ root: dir });
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(own.url);
  await standaloneReady(p);
  return { dir, own, context, page: p };
}

test('the service worker answers only for the widget\'s own page, not for other pages of its origin', async () => {
  const { own, context, page: p } = await controlled((dir) => {
    mkdirSync(join(dir, 'portal'));
    writeFileSync(join(dir, 'portal', 'login.html'), page('<h1>Another app</h1>'));
  });
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();
  await standaloneReady(p);
  assert.equal(await p.evaluate(() => navigator.serviceWorker.controller !== null), true);
  await own.close();
  await context.setOffline(true);
  const other = await p.goto(new URL('portal/login.html', own.url).href).catch(() => null);
  assert.ok(other === null || !(await p.locator('#mbc-guide').count()), 'another app\'s page is not answered with the guide');
  // The guide itself still opens offline.
  const guide = await context.newPage();
  await guide.goto(own.url);
  await standaloneReady(guide);
  await context.close();
});

test('a precached file whose bytes differ from the sha256 in sw.js stops the worker from installing', async () => {
  const { own, context, page: p } = await controlled((dir) => appendFileSync(join(dir, 'icon.svg'), ' '));
  await p.waitForTimeout(3000);
  const state = await p.evaluate(async () => {
    let stored = 0;
    for (const name of await caches.keys()) stored += (await (await caches.open(name)).keys()).length;
    return { active: Boolean((await navigator.serviceWorker.getRegistration())?.active), stored };
  });
  assert.deepEqual(state, { active: false, stored: 0 });
  await context.close();
  await own.close();
});

test('a waiting update is started only by the widget\'s own pages, not by another page of its origin', async () => {
  // The widget in /mbc/, another app in /portal/, on one origin.
  const dir = mkdtempSync(join(temp, 'sw-scope-'));
  cpSync(DIST, join(dir, 'mbc'), { recursive: true });
  mkdirSync(join(dir, 'portal'));
  writeFileSync(join(dir, 'portal', 'login.html'), page('<h1>Another app</h1>'));
  const own = await startServer({ root: dir });
  const context = await browser.newContext();
  const widget = await context.newPage();
  await widget.goto(new URL('mbc/', own.url).href);
  await standaloneReady(widget);
  await widget.evaluate(() => navigator.serviceWorker.ready);
  // A new build: the new worker installs and waits while the page is open.
  appendFileSync(join(dir, 'mbc', 'sw.js'), '\n// a new build\n');
  const waiting = () => widget.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(registration.waiting), active: registration.active?.scriptURL };
  });
  const installed = await widget.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    for (let i = 0; i < 100 && !registration.waiting; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    return Boolean(registration.waiting);
  });
  assert.ok(installed, 'the new worker installed and waits');
  // Another app's page asks it to take over: nothing happens.
  const other = await context.newPage();
  await other.goto(new URL('portal/login.html', own.url).href);
  const asked = await other.evaluate(async (scope) => {
    const registration = await navigator.serviceWorker.getRegistration(scope);
    registration?.waiting?.postMessage({ type: 'skip-waiting' });
    return Boolean(registration?.waiting);
  }, new URL('mbc/', own.url).href);
  assert.ok(asked, 'the other page could reach the waiting worker');
  await other.waitForTimeout(1500);
  assert.equal((await waiting()).waiting, true, 'still waiting after a message from outside its scope');
  // The widget's own page asks ("Update now" does this): it takes over.
  await widget.evaluate(async () => {
    const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    (await navigator.serviceWorker.getRegistration()).waiting.postMessage({ type: 'skip-waiting' });
    await changed;
  });
  assert.equal((await waiting()).waiting, false, 'from its own page, the update takes over');
  await context.close();
  await own.close();
});
