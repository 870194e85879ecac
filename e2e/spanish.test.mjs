// A Spanish reader gets Spanish: the Spanish page with no script, its title
// and manifest, the notices when the Spanish pack cannot be had, and the
// page title following the language shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, waitForWidget, axeViolations, ROOT, DIST } from './harness.mjs';
import { startServer } from '../scripts/static-server.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
// The same list as tests/spanish.rs: English interface words no Spanish
// sentence holds, matched as whole words in any case (words in capitals
// are names, and skipped).
const ENGLISH_WORDS = new Set(('the and your you my questions question add remove save step steps next back print ' +
  'list share copy download language loading could not what how treatment care team answers device clear cancel ' +
  'close edit undo move up down show hide important most sources reviewed date name sure yes ready update now ' +
  'link words meaning of to for with this is are be it on in about more all search marked large').split(' '));
const FAILED_ES = 'No se pudo cargar la guía en español';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

/**
 * The text of the page a reader sees, without what is rightly not Spanish:
 * parts marked with another language (the link to the English page) and
 * citations (source titles, publishers and addresses stay in their own language).
 */
async function spanishText(page) {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    for (const el of body.querySelectorAll('[lang]:not([lang^="es"])')) el.remove();
    // With scripting off, <noscript> holds parsed elements; read them too.
    return body.innerText ?? body.textContent;
  });
  let rest = text;
  const cited = es.meta.sources.flatMap((s) => [s.title, s.org, s.url]).filter(Boolean).sort((a, b) => b.length - a.length);
  for (const c of cited) rest = rest.split(c).join(' ');
  // A word in capitals is a name (the SURE test), not prose.
  const words = rest.split(/[^\p{L}\p{N}']+/u).filter((w) => /\p{Ll}/u.test(w));
  return { text, english: words.filter((w) => ENGLISH_WORDS.has(w.toLowerCase())) };
}

test('the Spanish page with no script is Spanish: lang, title, description, note and guide', async () => {
  const { page, context, requests } = await openPage(env, 'es/', { javaScriptEnabled: false });
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.equal(await page.title(), es.ui.page_title);
  assert.equal(await page.locator('meta[name="description"]').getAttribute('content'), es.ui.page_description);
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  // The goals are explained where step 1 rates them.
  for (const goal of es.guide.goals.items) {
    await page.getByRole('group', { name: goal.title, exact: true }).waitFor();
  }
  const { text, english } = await spanishText(page);
  assert.ok(text.includes(es.ui.noscript), 'the Spanish no-script note shows');
  assert.ok(text.includes(es.ui.start_lead), 'the start says what you get, in Spanish');
  // The background reading is folded under "Más información", one tap away.
  assert.ok(text.includes(es.guide.intro.heading), 'the Spanish guide is there');
  assert.ok((await page.locator('body').textContent()).includes(es.guide.intro.paragraphs[0].split(' ').slice(0, 4).join(' ')), 'with its text');
  assert.deepEqual(english, [], 'no English interface word on the Spanish page');
  // Its files come from one folder up: the stylesheet applied.
  assert.ok(requests.some((u) => /\/mbc-guide-[0-9a-f]+\.css$/.test(u) && !u.includes('/es/')), `${requests}`);
  // (axe needs script in the page: it scans the Spanish page with script below.)
  await context.close();
});

test('the Spanish page has its own manifest, in Spanish', async () => {
  const { page, context } = await openPage(env, 'es/', { javaScriptEnabled: false });
  const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  assert.ok(href.endsWith('/es/manifest.webmanifest'), href);
  const manifest = await (await fetch(href)).json();
  assert.equal(manifest.lang, 'es');
  assert.equal(manifest.name, es.ui.page_title);
  assert.equal(manifest.short_name, es.ui.app_short_name);
  for (const icon of manifest.icons) {
    const response = await fetch(new URL(icon.src, href));
    assert.equal(response.status, 200, `icon ${icon.src}`);
  }
  const english = await (await fetch(new URL('manifest.webmanifest', env.server.url))).json();
  assert.equal(english.lang, 'en', 'the English manifest stays English');
  await context.close();
});

test('the English page with no script links to the Spanish page, and back', async () => {
  const { page, context } = await openPage(env, '', { javaScriptEnabled: false });
  assert.equal(await page.locator('link[rel="alternate"][hreflang="es"]').count(), 1);
  await page.getByRole('link', { name: es.ui.lang_page_link }).click();
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  assert.ok(page.url().endsWith('/es/'), page.url());
  await page.getByRole('link', { name: en.ui.lang_page_link }).click();
  await page.getByRole('heading', { name: en.meta.title, level: 1 }).waitFor();
  await context.close();
});

test('with script, the Spanish page starts in Spanish and the title follows the language', async () => {
  const { page, context, errors } = await openPage(env, 'es/');
  await waitForWidget(page);
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  assert.equal(await page.title(), es.ui.page_title);
  assert.deepEqual(await axeViolations(page), []);
  // The title and the page's language follow in an effect, which may run a
  // task after a long render: they are waited for, then checked.
  const settled = (title, lang) => page.waitForFunction(
    ([t, l]) => document.title === t && document.documentElement.lang === l, [title, lang], { timeout: 5_000 },
  ).catch(() => {});
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: en.meta.title, level: 1 }).waitFor();
  await settled(en.ui.page_title, 'en');
  assert.equal(await page.title(), en.ui.page_title);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  await settled(es.ui.page_title, 'es');
  assert.equal(await page.title(), es.ui.page_title);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the Spanish pack blocked, the Spanish page says so in Spanish', async () => {
  // No service worker, which would answer from its cache: the network fails.
  const { page, context, errors } = await openPage(env, '', { serviceWorkers: 'block' });
  await context.route('**/*.pack', (route) => route.abort());
  await page.goto(`${env.server.url}es/`);
  await waitForWidget(page);
  const notice = page.getByRole('status').locator('p', { hasText: FAILED_ES });
  await notice.waitFor();
  assert.equal(await notice.getAttribute('lang'), 'es', 'the notice is marked as Spanish for screen readers');
  // The widget could only start in English, and says so in the language asked for.
  await page.getByRole('heading', { name: en.meta.title, level: 1 }).waitFor();
  assert.ok(errors.some((e) => e.includes('.pack')), `the console names the file: ${errors}`);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('choosing Español with the pack blocked says so in Spanish, not English', async () => {
  const { page, context } = await openPage(env, '', { serviceWorkers: 'block' });
  await waitForWidget(page);
  await context.route('**/*.pack', (route) => route.abort());
  await page.getByRole('button', { name: 'Español' }).click();
  const notice = page.getByRole('status').locator('p', { hasText: FAILED_ES });
  await notice.waitFor();
  assert.equal(await notice.getAttribute('lang'), 'es');
  await context.close();
});

test('the service worker keeps the Spanish page and its manifest', async () => {
  const sw = await (await fetch(new URL('sw.js', env.server.url))).text();
  assert.ok(sw.includes('"url":"./es/index.html"'), 'es/index.html is precached');
  assert.ok(sw.includes('"url":"./es/manifest.webmanifest"'), 'es/manifest.webmanifest is precached');
  assert.ok(sw.includes('const PAGES = ["es/"]'), 'the worker answers es/ with the Spanish page offline');
});

test('offline, after one visit, the worker answers es/ with the Spanish page in Spanish', async () => {
  // A server of its own, stopped part way (the worker's own fetches fail too).
  const server = await startServer({ root: DIST });
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}es/`);
    await waitForWidget(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await waitForWidget(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
    assert.equal(await page.title(), es.ui.page_title);
  } finally {
    await context.close();
  }
});
