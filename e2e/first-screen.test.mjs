// The first screen in a real browser, against the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, waitForWidget, axeViolations, offMachine, ROOT } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test('the goals and the kinds of treatment are found by role and name', async () => {
  const { page, context, errors } = await openPage(env);
  await waitForWidget(page);
  const goals = page.getByRole('list', { name: en.guide.goals.heading });
  assert.equal(await goals.getByRole('listitem').count(), 3);
  for (const goal of en.guide.goals.items) {
    await goals.getByRole('heading', { name: goal.title, level: 3 }).waitFor();
  }
  const treatments = page.getByRole('list', { name: en.guide.treatments.heading });
  assert.equal(await treatments.getByRole('listitem').count(), 6);
  for (const t of en.guide.treatments.items) {
    await treatments.getByRole('heading', { name: t.title, level: 3 }).waitFor();
  }
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});

test('the prerendered page carries the guide before any script runs', async () => {
  const { page, context } = await openPage(env, '', { javaScriptEnabled: false });
  const goals = page.getByRole('list', { name: en.guide.goals.heading });
  assert.equal(await goals.getByRole('listitem').count(), 3);
  // Playwright's text engine skips <noscript>; read the rendered text instead.
  const text = await page.locator('#mbc-guide').innerText();
  assert.ok(text.includes(en.ui.noscript), 'the note that the interactive parts need JavaScript shows');
  assert.ok(text.includes(en.guide.intro.paragraphs[0]), 'the guide text is there');
  await context.close();
});

test('axe finds no WCAG 2.2 AA violations on the first screen', async () => {
  const { page, context } = await openPage(env);
  await waitForWidget(page);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the language switch changes the page to Spanish', async () => {
  const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
  const { page, context } = await openPage(env);
  await waitForWidget(page);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed'), 'true');
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
