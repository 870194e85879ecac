// Offline and updates, with the service worker of the standalone page. Each
// test serves its own copy of the build from its own server, so it can stop
// the server (context.setOffline alone does not cover the worker's own
// fetches) or swap in a newer build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, renameSync, cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/static-server.mjs';
import { DIST, ROOT, CHROMIUM_ARGS, compileLocalPack, waitForSave, LOCAL_QUESTION } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
const ui = en.ui;
const SAVED = 400;
const NOTE = 'Ask about the trial at the university hospital';

let browser;
const temp = mkdtempSync(join(tmpdir(), 'mbc-offline-'));
before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  rmSync(temp, { recursive: true, force: true });
});

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function filesOf(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

/** The precache list as sw.js must hold it: every file but sw.js, with its sha256. */
function expectedList(dir) {
  const lines = filesOf(dir)
    .filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f))
    .map((f) => `  {"url":${JSON.stringify(`./${f}`)},"sha256":"${sha256(readFileSync(join(dir, f)))}"}`);
  return `[\n${lines.join(',\n')}\n]`;
}

function workerParts(dir) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const list = sw.match(/^const PRECACHE = (\[[\s\S]*?\n\]);$/m)?.[1];
  const version = sw.match(/^const VERSION = '([0-9a-f]{16})';$/m)?.[1];
  return { sw, list, version };
}

/**
 * A second build made from a copy of the first: one byte more in the
 * stylesheet, which gets a new hashed name and integrity, as trunk would do;
 * then the loader and the worker list follow, as mbc-postbuild would do.
 */
function buildB(from) {
  const dir = join(temp, 'build-b');
  cpSync(from, dir, { recursive: true });
  const oldCss = filesOf(dir).find((f) => /^mbc-guide-[0-9a-f]+\.css$/.test(f));
  const css = Buffer.concat([readFileSync(join(dir, oldCss)), Buffer.from('\n')]);
  const newCss = `mbc-guide-${sha256(css).slice(0, 16)}.css`;
  writeFileSync(join(dir, oldCss), css);
  renameSync(join(dir, oldCss), join(dir, newCss));
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  const index = readFileSync(join(dir, 'index.html'), 'utf8').replace(
    /<link rel="stylesheet" href="\.\/[^"]+" integrity="[^"]+"/,
    `<link rel="stylesheet" href="./${newCss}" integrity="${integrity}"`,
  );
  writeFileSync(join(dir, 'index.html'), index);
  const loader = readFileSync(join(dir, 'mbc-guide.js'), 'utf8').replace(oldCss, newCss);
  writeFileSync(join(dir, 'mbc-guide.js'), loader);
  const { sw, list, version } = workerParts(dir);
  const newList = expectedList(dir);
  const newVersion = sha256(newList).slice(0, 16);
  writeFileSync(join(dir, 'sw.js'), sw.replace(list, newList).replace(`'${version}'`, `'${newVersion}'`));
  return { dir, css: newCss, version: newVersion };
}

async function openControlled(server, path = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + path);
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await ready(page);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is controlled');
  return { context, page, errors };
}

const ready = (page) => page.locator('#mbc-guide[data-ready="true"]').waitFor({ timeout: 30_000 });
const goalGroup = (page, id) => page.getByRole('group', { name: en.guide.goals.items.find((g) => g.id === id).title, exact: true });
const note = (page) => page.getByRole('textbox', { name: ui.goals_other_label });

test('sw.js lists every file of the build with its sha256, and its cache follows the list', () => {
  const { list, version } = workerParts(DIST);
  assert.ok(list, 'sw.js has a PRECACHE list');
  assert.equal(list, expectedList(DIST));
  assert.equal(version, sha256(list).slice(0, 16));
  for (const must of ['./index.html', './boot.js', './mbc-guide.js', './manifest.webmanifest']) {
    assert.ok(list.includes(`"${must}"`), must);
  }
  assert.match(list, /"\.\/mbc-guide-[0-9a-f]+_bg\.wasm"/);
});

test('the loader of the script embed registers no service worker', () => {
  const loader = readFileSync(join(DIST, 'mbc-guide.js'), 'utf8');
  assert.doesNotMatch(loader, /serviceWorker/);
  assert.doesNotMatch(loader, /\beval\(|new Function/);
});

test('after one visit the page works with the server stopped, and the answers are intact', async () => {
  const dir = join(temp, 'offline');
  cpSync(DIST, dir, { recursive: true });
  const server = await startServer({ root: dir });
  const { context, page, errors } = await openControlled(server);
  await goalGroup(page, 'shrink').getByRole('radio', { name: ui.rating_very, exact: true }).check();
  await note(page).fill(NOTE);
  await waitForSave(page, `s.state.answers.goals_other === ${JSON.stringify(NOTE)}`, 'the note');

  await server.close();
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.ok(await goalGroup(page, 'shrink').getByRole('radio', { name: ui.rating_very, exact: true }).isChecked());
  assert.equal(await note(page).inputValue(), NOTE);
  // Still usable: answer more, move between steps.
  await goalGroup(page, 'quality').getByRole('radio', { name: ui.rating_somewhat, exact: true }).check();
  const steps = page.getByRole('navigation', { name: ui.steps_label });
  await steps.getByRole('button', { name: ui.step_profile }).click();
  await page.getByRole('heading', { level: 2, name: ui.step_profile, exact: true }).waitFor();
  await waitForSave(page, 's.state.answers.goals.quality === "somewhat" && s.state.step === "profile"', 'the new answer');
  // And a second offline reload keeps the new answer too.
  await page.reload();
  await ready(page);
  await steps.getByRole('button', { name: ui.step_goals }).click();
  assert.ok(await goalGroup(page, 'quality').getByRole('radio', { name: ui.rating_somewhat, exact: true }).isChecked());
  // Spanish is a file of its own, never fetched on this visit: the worker
  // kept it with the rest, so it opens offline too.
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: es.meta.title }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a hospital pack on the same site is kept for offline use', async () => {
  const dir = join(temp, 'offline-pack');
  cpSync(DIST, dir, { recursive: true });
  mkdirSync(join(dir, 'packs'));
  compileLocalPack(temp, join(dir, 'packs', 'local.pack'));
  // The deployment names the pack in its settings file (EMBEDDING.md).
  writeFileSync(join(dir, 'mbc-settings.json'), JSON.stringify({ 'content-pack': './packs/local.pack' }));
  const server = await startServer({ root: dir });
  const { context, page, errors } = await openControlled(server, '');
  const findLocal = async () => {
    await page.getByRole('navigation', { name: ui.steps_label }).getByRole('button', { name: ui.step_questions }).click();
    // The whole bank is folded behind its heading.
    await page.getByText(ui.browse_heading, { exact: true }).click();
    await page.getByRole('searchbox', { name: ui.search_label }).fill('parking');
    await page.getByText(LOCAL_QUESTION).waitFor({ timeout: 5_000 });
  };
  await findLocal();

  await server.close();
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await findLocal();
  assert.equal(await page.getByText(ui.pack_error).count(), 0, 'no notice: the kept pack was used');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new build waits until the person presses "Update now", then replaces the old cache', async () => {
  const a = join(temp, 'build-a');
  cpSync(DIST, a, { recursive: true });
  const b = buildB(a);
  const server = await startServer({ root: a });
  const { context, page, errors } = await openControlled(server);
  const cssA = await page.evaluate(() => document.querySelector('link[rel="stylesheet"]').getAttribute('href'));
  await goalGroup(page, 'longer').getByRole('radio', { name: ui.rating_very, exact: true }).check();
  await note(page).fill(NOTE);
  await waitForSave(page, `s.state.answers.goals_other === ${JSON.stringify(NOTE)}`, 'the note');
  // The person is still typing when the new build arrives.
  await note(page).focus();
  await page.keyboard.type(' soon');
  await page.evaluate(() => { window.__sameDocument = true; });

  server.setRoot(b.dir);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const notice = page.getByRole('status').filter({ hasText: ui.update_ready });
  await notice.waitFor({ timeout: 15_000 });
  // Nothing reloaded by itself: same document, same text, same focus, old build.
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await note(page).inputValue(), `${NOTE} soon`);
  assert.ok(await note(page).evaluate((el) => el === document.activeElement), 'focus stays in the text');
  assert.equal(await page.evaluate(() => document.querySelector('link[rel="stylesheet"]').getAttribute('href')), cssA);
  await waitForSave(page, `s.state.answers.goals_other === ${JSON.stringify(NOTE + ' soon')}`, 'the typing');

  await page.getByRole('button', { name: ui.update_reload }).click();
  await page.waitForFunction(() => !window.__sameDocument, null, { timeout: 15_000 });
  await ready(page);
  assert.equal(await page.evaluate(() => document.querySelector('link[rel="stylesheet"]').getAttribute('href')), `./${b.css}`);
  assert.equal(await note(page).inputValue(), `${NOTE} soon`, 'the answers came through the update');
  assert.ok(await goalGroup(page, 'longer').getByRole('radio', { name: ui.rating_very, exact: true }).isChecked());
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, `one cache left: ${caches}`);
  assert.ok(caches[0].startsWith(`mbc-guide-${b.version}@`), caches[0]);
  assert.equal(await notice.count(), 0, 'no notice after the update');
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
