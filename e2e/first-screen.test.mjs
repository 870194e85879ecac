// The first screen in a real browser, against the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, waitForWidget, waitForSave, axeViolations, offMachine, ROOT } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test('the goals and the kinds of treatment are found by role and name, in the steps that ask about them', async () => {
  const { page, context, errors } = await openPage(env);
  await waitForWidget(page);
  for (const goal of en.guide.goals.items) {
    const group = page.getByRole('group', { name: goal.title, exact: true });
    assert.equal(await group.getByRole('radio').count(), 3, `${goal.title} is rated in step 1`);
  }
  await page.getByRole('navigation', { name: en.ui.steps_label }).getByRole('button', { name: en.ui.step_treatments }).click();
  for (const t of en.guide.treatments.items) {
    const group = page.getByRole('group', { name: t.title, exact: true });
    assert.equal(await group.getByRole('radio').count(), 3, `${t.title} is marked in step 3`);
  }
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});

test('the prerendered page carries the guide before any script runs', async () => {
  const { page, context } = await openPage(env, '', { javaScriptEnabled: false });
  // Playwright's text engine skips <noscript>; read the rendered text instead.
  const text = await page.locator('#mbc-guide').innerText();
  assert.ok(text.includes(en.ui.noscript), 'the note that the interactive parts need JavaScript shows');
  for (const item of [...en.guide.goals.items, ...en.guide.treatments.items]) {
    assert.ok(text.includes(item.title), `${item.title} is there`);
  }
  // The background reading is folded, one tap away.
  await page.getByText(en.guide.intro.heading).click();
  assert.ok((await page.locator('#mbc-guide').innerText()).includes(en.guide.intro.paragraphs[0].split(' ').slice(0, 4).join(' ')), 'the guide text opens');
  await context.close();
});

test('the takeover never shows a half-built page, even on a slow phone', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const titles = [en.meta.title, en.ui.start_button, ...en.guide.goals.items.map((g) => g.title)];
  // Before every frame the browser paints, from the moment the prerendered
  // page is parsed until the widget is ready: exactly one widget element is
  // in view, and it holds the whole first screen.
  await context.addInitScript((titles) => {
    window.__frames = { checked: 0, twins: 0, bad: [] };
    const check = () => {
      // The widget element, and the twin the app is built in (right after
      // it, with no id until it takes the prerendered page's place).
      const first = document.getElementById('mbc-guide');
      const twin = first?.hasAttribute('data-mbc-prerendered') ? first.nextElementSibling : null;
      const all = [first, twin].filter(Boolean);
      const shown = all.filter((el) => getComputedStyle(el).display !== 'none');
      if (all.length) {
        window.__frames.checked++;
        if (all.length > 1) window.__frames.twins++;
        const text = shown[0]?.textContent ?? '';
        const missing = titles.filter((t) => !text.includes(t));
        if (shown.length !== 1 || missing.length) {
          window.__frames.bad.push(`${shown.length} in view, missing: ${missing.join(', ')}`);
        }
      }
      if (!document.querySelector('#mbc-guide[data-ready="true"]')) requestAnimationFrame(check);
    };
    document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(check));
  }, titles);
  await page.goto(env.server.url);
  await waitForWidget(page);
  const frames = await page.evaluate(() => window.__frames);
  assert.deepEqual(frames.bad.slice(0, 5), [], `frames with a half-built page (of ${frames.checked})`);
  assert.ok(frames.twins > 0, `the app was built out of sight while the prerendered page showed (${frames.checked} frames checked)`);
  await context.close();
});

test('what is ticked or typed on the prerendered page before the takeover is kept, and no two elements ever share an id', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // The wasm waits until the person has ticked and typed.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  // From the first byte of the page: after every change to the document
  // (before any frame can show it), every id is on one element only.
  await context.addInitScript(() => {
    window.__ids = { checks: 0, duplicates: [] };
    const check = () => {
      window.__ids.checks++;
      const seen = new Set();
      for (const el of document.querySelectorAll('[id]')) {
        if (seen.has(el.id)) window.__ids.duplicates.push(el.id);
        seen.add(el.id);
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['id'] });
  });
  await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  const goal = en.guide.goals.items.find((g) => g.id === 'longer').title;
  const very = () => page.getByRole('group', { name: goal, exact: true }).getByRole('radio', { name: en.ui.rating_very, exact: true });
  const other = () => page.getByRole('textbox', { name: en.ui.goals_other_label });
  await very().check();
  await other().fill('My son’s wedding in May');
  assert.equal(await page.locator('#mbc-guide[data-ready]').count(), 0, 'still the prerendered page');
  release();
  await waitForWidget(page);
  assert.ok(await very().isChecked(), 'the rating is kept');
  assert.equal(await other().inputValue(), 'My son’s wedding in May', 'and the text');
  assert.ok(await other().evaluate((el) => el === document.activeElement && !el.id.endsWith('--prerendered')),
    'focus stays on the same box, now the app’s');
  const { state: saved } = await waitForSave(page, 's.state.answers.goals_other !== ""', 'the typed text');
  assert.equal(saved.answers.goals.longer, 'very', 'in the saved answers');
  assert.equal(saved.answers.goals_other, 'My son’s wedding in May');
  const ids = await page.evaluate(() => window.__ids);
  assert.ok(ids.checks > 10, `${ids.checks} changes checked`);
  assert.deepEqual([...new Set(ids.duplicates)].slice(0, 5), [], 'no id on two elements at once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe finds no WCAG 2.2 AA violations on the first screen', async () => {
  const { page, context } = await openPage(env);
  await waitForWidget(page);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
const packFiles = (requests) => requests.filter((u) => /\/mbc-guide-[a-z]+-[0-9a-f]{16}\.pack$/.test(u));

test('the language switch fetches the Spanish pack once, then changes the page to Spanish', async () => {
  const { page, context } = await openPage(env);
  // The page's own requests: the service worker fetches every file of the
  // build in the background for offline use, the pack too.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.reload();
  await waitForWidget(page);
  assert.deepEqual(packFiles(requests), [], 'English needs no pack file');
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#mbc-guide > .mbc').getAttribute('lang'), 'es');
  assert.deepEqual(await axeViolations(page), []);
  // Back and forth: the pack is kept, not fetched again.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: en.meta.title, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  assert.equal(packFiles(requests).length, 1, `one pack fetched: ${packFiles(requests)}`);
  await context.close();
});

test('a host page in Spanish starts in Spanish', async () => {
  const { page, context, errors } = await openPage(env, '?lang=es');
  await waitForWidget(page);
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  assert.equal(await page.locator('#mbc-guide > .mbc').getAttribute('lang'), 'es');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the Spanish pack cannot be fetched, the page says so and stays in English', async () => {
  // No service worker, which would answer from its cache: the network fails.
  const { page, context, errors } = await openPage(env, '', { serviceWorkers: 'block' });
  await waitForWidget(page);
  await context.route('**/*.pack', (route) => route.abort());
  await page.getByRole('button', { name: 'Español' }).click();
  // Said in Spanish, the language asked for (built in: its pack is missing).
  const failed = 'No se pudo cargar la guía en español';
  await page.getByRole('status').filter({ hasText: failed }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#mbc-guide > .mbc').getAttribute('lang'), 'en');
  assert.ok(errors.some((e) => e.includes('.pack')), `the console names the file: ${errors}`);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('no request leaves 127.0.0.1', async () => {
  const { page, context, requests } = await openPage(env);
  await waitForWidget(page);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.waitForTimeout(300);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded from the local server');
  assert.deepEqual(offMachine(requests), []);
  await context.close();
});

/**
 * The standalone page opened with `failure` set on its context (a route
 * that makes the start fail), once boot.js has said it could not start:
 * the body's HTML, the ids in it and the page.
 */
async function failedStart(failure) {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  await failure(context);
  const page = await context.newPage();
  const said = page.waitForEvent('console', (m) => m.type() === 'error' && m.text().includes('could not start'));
  await page.goto(env.server.url);
  await said;
  const body = await page.evaluate(() => document.body.innerHTML);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
  return { context, page, body, ids };
}

test('if the widget cannot start, the prerendered page stays exactly as it was sent, readable by role and name', async () => {
  // The page as sent: scripts on (the same HTML parser mode), boot.js never run.
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/boot.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.server.url, { waitUntil: 'load' });
  const sent = await page.evaluate(() => document.body.innerHTML);
  await context.close();
  // The glue, with its start replaced by `start` (the wasm itself loads).
  const glue = (start) => (context) => context.route(/\/mbc-guide-[0-9a-f]+\.js$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    return route.fulfill({
      contentType: 'text/javascript',
      body: `export * from './${name}?real'; export { default } from './${name}?real';\n`
        + `export function mount_standalone_with() { ${start} }\n`,
    });
  });
  const failures = {
    // Before the takeover started: no twin was built.
    'the wasm cannot be fetched': (context) => context.route('**/*_bg.wasm', (route) => route.abort()),
    // Once boot.js built the twin and renamed the prerendered page's ids:
    'the start throws': glue('throw new Error("test: the start failed");'),
    // as src/web/mod.rs does when it cannot start, or panics, before the swap;
    'the app says it could not start': glue('setTimeout(() => { console.error("mbc-guide: could not start: test"); dispatchEvent(new Event("mbc-guide:failed")); });'),
    // and a trap of the wasm (a panic with no hook yet) in a later task.
    'the wasm traps': glue('setTimeout(() => { console.error("mbc-guide: could not start: test"); throw new WebAssembly.RuntimeError("unreachable"); });'),
  };
  for (const [how, failure] of Object.entries(failures)) {
    const { context, page, body, ids } = await failedStart(failure);
    assert.deepEqual(ids.filter((id) => id.includes('--prerendered')), [], `${how}: no id keeps its suffix`);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], `${how}: no two elements share an id`);
    assert.equal(body, sent, `${how}: the page is as it was sent (no twin, nothing renamed)`);
    // Read by role and name: the names come through the restored ids.
    await page.getByRole('heading', { level: 1, name: en.meta.title }).waitFor();
    await page.getByRole('region', { name: en.ui.step_goals }).waitFor();
    await page.getByRole('textbox', { name: en.ui.goals_other_label }).waitFor();
    await page.getByRole('group', { name: en.guide.goals.items[0].title, exact: true }).waitFor();
    await context.close();
  }
});
