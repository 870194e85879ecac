// The widget on other people's pages: the one-script-tag embed in an open
// shadow root, and the iframe. Each host page in examples/ is served with
// the build under /widget/, as a hospital would serve it. For every page:
// the widget works, the host's layout is the same as without it, the CSP
// is never violated, and no request goes anywhere but the page's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, STRICT_CSP } from '../scripts/static-server.mjs';
import { DIST, ROOT, CHROMIUM_ARGS, axeViolations, waitForSave } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
const EXAMPLES = join(ROOT, 'examples');
/** Longer than the 250 ms save delay. */
const SAVED = 400;
/** Our own page (standalone and iframe target) always carries the strict policy. */
const OUR_CSP = `${STRICT_CSP}; frame-ancestors 'self'`;

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m);
const goal = (pack, id) => pack.guide.goals.items.find((g) => g.id === id).title;

let server;
let browser;
before(async () => {
  server = await startServer({
    root: EXAMPLES,
    extraRoots: { '/widget/': DIST },
    csp: (path) => (path === '/csp.html' ? STRICT_CSP : path.startsWith('/widget/') ? OUR_CSP : null),
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens a host page in a fresh context, recording CSP violations (in every
 * frame), console errors and warnings, and every request. `withoutWidget`
 * blocks the loader, to see the host page as it is on its own.
 */
async function open(path, { withoutWidget = false, viewport = { width: 1280, height: 900 }, at = server.url, settings, route } = {}) {
  const context = await browser.newContext({ viewport });
  // The deployment's settings file next to the widget's page (EMBEDDING.md).
  if (settings) {
    await context.route('**/widget/mbc-settings.json', (route) => route.fulfill({
      contentType: 'application/json', body: JSON.stringify(settings),
    }));
  }
  await context.addInitScript(() => {
    window.__violations = [];
    addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  if (withoutWidget) await context.route('**/mbc-guide.js', (route) => route.abort());
  if (route) await context.route(...route);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const warnings = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL(path, at).href);
  return { context, page, requests, errors, warnings };
}

/**
 * Waits until `count` <mbc-guide> elements have mounted in their shadow
 * roots and, unless `styled` is false, their stylesheets are applied: the
 * shadow root's stylesheet loads beside the wasm, and `data-ready` does not
 * wait for it.
 */
async function widgetsReady(page, count = 1, { styled = true } = {}) {
  await page.waitForFunction(
    ([n, styled]) => [...document.querySelectorAll('mbc-guide')]
      .filter((el) => el.shadowRoot?.querySelector('[data-ready="true"]')
        && (!styled || [...el.shadowRoot.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet !== null)))
      .length === n,
    [count, styled],
    { timeout: 30_000 },
  );
}

async function violations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__violations ?? [])));
  return all;
}

/** Requests to anything but `origin` (data: is part of the page). */
function elsewhere(requests, origin) {
  return requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
}

/** Every check a host page must pass, after the test has used the widget. */
async function assertClean(env, { origin = new URL(server.url).origin } = {}) {
  assert.deepEqual(await violations(env.page), [], 'no CSP violations');
  assert.deepEqual(env.errors, [], 'no console errors');
  assert.deepEqual(elsewhere(env.requests, origin), [], 'no request leaves the page\'s origin');
}

/** Rates a goal and moves between steps, inside `scope` (a widget or a frame). */
async function useWidget(scope, pack) {
  const ui = pack.ui;
  const group = scope.getByRole('group', { name: goal(pack, 'longer'), exact: true });
  await group.getByRole('radio', { name: ui.rating_very, exact: true }).check();
  const steps = scope.getByRole('navigation', { name: ui.steps_label });
  await steps.getByRole('button', { name: ui.step_profile }).click();
  await scope.getByRole('heading', { level: 2, name: ui.step_profile, exact: true }).waitFor();
  assert.equal(await steps.getByRole('button', { name: ui.step_profile }).getAttribute('aria-current'), 'step');
  await steps.getByRole('button', { name: ui.step_goals }).click();
  assert.ok(await group.getByRole('radio', { name: ui.rating_very, exact: true }).isChecked(), 'the answer is kept');
}

/**
 * Every host element outside the widgets: its box and the computed styles
 * that would show a leak, and where it sits relative to the first widget.
 */
async function hostLayout(page) {
  return page.evaluate(() => {
    const widget = document.querySelector('mbc-guide');
    const path = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}:${[...e.parentElement.children].indexOf(e)}`);
      }
      return parts.join('>');
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('mbc-guide')) continue;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      let where = 'after';
      if (el.contains(widget)) where = 'around';
      else if (widget.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) where = 'before';
      out.push({
        path: path(el),
        where,
        x: r.x,
        y: r.y + scrollY,
        width: r.width,
        height: r.height,
        style: ['display', 'fontSize', 'fontFamily', 'fontWeight', 'color', 'backgroundColor', 'margin', 'padding', 'lineHeight', 'textDecorationLine']
          .map((p) => s[p]).join(' | '),
      });
    }
    return out;
  });
}

/**
 * The host's layout with the widget equals its layout without: the same
 * styles everywhere, the same boxes before the widget, the same sizes after
 * it, all moved down by one and the same distance.
 */
async function assertHostUnchanged(path, widgets = 1) {
  const bare = await open(path, { withoutWidget: true });
  const alone = await hostLayout(bare.page);
  await bare.context.close();
  const env = await open(path);
  await widgetsReady(env.page, widgets);
  const withWidget = await hostLayout(env.page);
  assert.deepEqual(withWidget.map((e) => e.path), alone.map((e) => e.path), 'the same host elements');
  let shift = null;
  for (const [i, now] of withWidget.entries()) {
    const was = alone[i];
    assert.equal(now.style, was.style, `${now.path}: computed style unchanged`);
    if (now.where === 'around') continue;
    assert.deepEqual([now.x, now.width, now.height], [was.x, was.width, was.height], `${now.path}: same box`);
    if (now.where === 'before') assert.equal(now.y, was.y, `${now.path}: same place`);
    else {
      shift ??= now.y - was.y;
      assert.ok(Math.abs(now.y - was.y - shift) < 0.01, `${now.path}: moved by the widget's height like the rest`);
    }
  }
  return env;
}

// ------------------------------------------------------------ the host pages

test('plain page: the widget works in Spanish with the hospital\'s settings', async () => {
  const env = await open('plain.html');
  const { page } = env;
  await widgetsReady(page);
  const widget = page.locator('mbc-guide');
  await widget.getByRole('heading', { level: 1, name: es.meta.title }).waitFor();
  await useWidget(widget, es);
  // The hospital's name and phone, as a call link.
  const call = widget.getByRole('link', { name: fill(es.ui.contact_phone, { org: 'Centro Oncológico St Mary', phone: '+1 (555) 010-0199' }) });
  assert.equal(await call.getAttribute('href'), 'tel:+15550100199');
  // The accent colour reaches the widget's own styles.
  const accent = await widget.locator('.mbc-header').evaluate((el) => getComputedStyle(el).borderBottomColor);
  assert.equal(accent, 'rgb(138, 21, 56)');
  // Answers are kept under the hospital's namespace, in the host's origin.
  await waitForSave(page, 'true', 'the answers', { key: 'mbc-guide:st-mary:state' });
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys.filter((k) => k.startsWith('mbc-guide:')), ['mbc-guide:st-mary:state']);
  // The fallback link inside the element is hidden once the widget is up.
  assert.equal(await page.getByRole('link', { name: 'Abrir la guía de preguntas' }).isVisible(), false);
  await assertClean(env);
  await env.context.close();
});

test('plain page: the host\'s layout is the same with and without the widget', async () => {
  const env = await assertHostUnchanged('plain.html');
  await assertClean(env);
  await env.context.close();
});

test('hostile CSS: the widget keeps its own look, and the host keeps its layout', async () => {
  const env = await assertHostUnchanged('hostile-css.html');
  const widget = env.page.locator('mbc-guide');
  await useWidget(widget, en);
  const look = (page) => page.locator('mbc-guide').evaluate((host) => {
    const root = host.shadowRoot;
    const pick = (sel) => {
      const s = getComputedStyle(root.querySelector(sel));
      return [sel, s.display, s.fontSize, s.fontFamily, s.fontWeight, s.color, s.minHeight, s.marginTop].join(' | ');
    };
    return ['.mbc', '.mbc h1', '.mbc h2', '.mbc-steps__button', '.mbc-step', 'fieldset', 'legend', '.mbc-option', 'textarea'].map(pick);
  });
  const reference = await open('plain.html');
  await widgetsReady(reference.page);
  assert.deepEqual(await look(env.page), await look(reference.page), 'the same computed styles as on a plain page');
  assert.equal(await widget.evaluate((el) => getComputedStyle(el).display), 'block', 'the host element stays a block');
  await reference.context.close();
  await assertClean(env);
  await env.context.close();
});

test('two widgets: each keeps its own answers, under its own storage key', async () => {
  const env = await open('two-widgets.html');
  const { page } = env;
  await widgetsReady(page, 4);
  const a = page.locator('#widget-a');
  const b = page.locator('#widget-b');
  await useWidget(a, en);
  await waitForSave(page, 's.state.answers.goals.longer === "very"', 'A\'s answer', { key: 'mbc-guide:clinic-a:state' });
  const bGroup = b.getByRole('group', { name: goal(es, 'longer'), exact: true });
  assert.equal(await bGroup.getByRole('radio', { checked: true }).count(), 0, 'the answer in A is not in B');
  await bGroup.getByRole('radio', { name: es.ui.rating_somewhat, exact: true }).check();
  await waitForSave(page, 's.state.answers.goals.longer === "somewhat"', 'B\'s answer', { key: 'mbc-guide:clinic-b:state' });
  const aGroup = a.getByRole('group', { name: goal(en, 'longer'), exact: true });
  assert.ok(await aGroup.getByRole('radio', { name: en.ui.rating_very, exact: true }).isChecked(), 'B did not change A');
  const stored = await page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('mbc-guide:')).map((k) => [k, localStorage.getItem(k)]),
  ));
  assert.deepEqual(Object.keys(stored).sort(), ['mbc-guide:clinic-a:state', 'mbc-guide:clinic-b:state']);
  assert.notEqual(stored['mbc-guide:clinic-a:state'], stored['mbc-guide:clinic-b:state']);
  // The pair that share a namespace: a warning naming it, and separate lists anyway.
  assert.equal(env.warnings.filter((w) => w.includes('storage-namespace "shared" is already used')).length, 1, env.warnings.join('\n'));
  await useWidget(page.locator('#widget-c'), en);
  const dGroup = page.locator('#widget-d').getByRole('group', { name: goal(en, 'longer'), exact: true });
  assert.equal(await dGroup.getByRole('radio', { checked: true }).count(), 0, 'the answer in C is not in D');
  await assertClean(env);
  await env.context.close();
});

test('a widget moved on the page keeps its answers and its namespace', async () => {
  const env = await open('plain.html');
  const { page } = env;
  await widgetsReady(page);
  const group = page.locator('mbc-guide').getByRole('group', { name: goal(es, 'shrink'), exact: true });
  await group.getByRole('radio', { name: es.ui.rating_very, exact: true }).check();
  await page.waitForTimeout(SAVED);
  // Moving an element disconnects and reconnects it: unmount, mount again.
  await page.evaluate(() => document.querySelector('main').prepend(document.querySelector('mbc-guide')));
  await widgetsReady(page);
  assert.ok(await group.getByRole('radio', { name: es.ui.rating_very, exact: true }).isChecked(), 'the answer is back');
  assert.deepEqual(env.warnings.filter((w) => w.includes('mbc-guide')), [], 'no namespace warning');
  await assertClean(env);
  await env.context.close();
});

test('bad settings: a console warning names each one, and the widget works with the defaults', async () => {
  const env = await open('bad-values.html');
  const { page } = env;
  await widgetsReady(page);
  const widget = page.locator('mbc-guide');
  for (const attr of ['accent="#ffff00"', 'phone="call-me-ABC"', 'second-opinion-url="javascript:alert(1)"', 'lang="fr"']) {
    assert.ok(env.warnings.some((w) => w.includes(`attribute ${attr}`)), `a warning names ${attr}:\n${env.warnings.join('\n')}`);
  }
  await widget.getByRole('heading', { level: 1, name: en.meta.title }).waitFor();
  await useWidget(widget, en);
  const accent = await widget.locator('.mbc-header').evaluate((el) => getComputedStyle(el).borderBottomColor);
  assert.equal(accent, 'rgb(11, 83, 148)', 'the default accent');
  assert.equal(await widget.locator('a[href^="javascript:"]').count(), 0, 'no javascript: link');
  assert.equal(await widget.locator('a[href^="tel:"]').count(), 0, 'no phone link');
  await assertClean(env);
  await env.context.close();
});

test('strict CSP host page: the widget works with no violation', async () => {
  const env = await assertHostUnchanged('csp.html');
  const { page } = env;
  const response = await page.request.get(new URL('csp.html', server.url).href);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the strict policy');
  await useWidget(page.locator('mbc-guide'), en);
  await assertClean(env);
  await env.context.close();
});

test('from another origin and any path: the loader finds its files next to itself', async () => {
  // The widget on its own server (with CORS, as EMBEDDING.md asks), under a
  // deep path; the host page, on another origin, names it in its CSP.
  const widgets = await startServer({ root: EXAMPLES, extraRoots: { '/assets/mbc/v1/': DIST }, cors: true });
  const them = new URL(widgets.url).origin;
  const hostCsp = `default-src 'self'; script-src 'self' ${them} 'wasm-unsafe-eval'; style-src 'self' ${them}; ` +
    `connect-src 'self' ${them}; img-src 'self' data:; object-src 'none'; base-uri 'self'`;
  const site = mkdtempSync(join(tmpdir(), 'mbc-host-'));
  writeFileSync(join(site, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host on another origin</title>
<link rel="icon" href="data:,">
<script type="module" src="${them}/assets/mbc/v1/mbc-guide.js"></script></head>
<body><main><h1>Host</h1><mbc-guide storage-namespace="elsewhere"></mbc-guide></main></body></html>`);
  const host = await startServer({ root: site, csp: hostCsp });
  const env = await open('', { at: host.url });
  await widgetsReady(env.page);
  await useWidget(env.page.locator('mbc-guide'), en);
  assert.deepEqual(await violations(env.page), [], 'no CSP violations');
  assert.deepEqual(env.errors, [], 'no console errors');
  const fromThem = env.requests.filter((u) => u.startsWith(them)).map((u) => new URL(u).pathname);
  assert.ok(fromThem.some((p) => /^\/assets\/mbc\/v1\/mbc-guide-[0-9a-f]+_bg\.wasm$/.test(p)), fromThem.join(' '));
  assert.ok(fromThem.some((p) => /^\/assets\/mbc\/v1\/mbc-guide-[0-9a-f]+\.css$/.test(p)), fromThem.join(' '));
  assert.deepEqual(env.requests.filter((u) => !u.startsWith(them) && !u.startsWith(host.url) && !u.startsWith('data:')), []);
  await env.context.close();
  await host.close();
  await widgets.close();
  rmSync(site, { recursive: true, force: true });
});

test('the embed refuses a glue script, a stylesheet or a wasm whose bytes are not this build\'s (Subresource Integrity)', async () => {
  const sheetOf = (page) => page.evaluate(() => {
    const link = document.querySelector('mbc-guide').shadowRoot.querySelector('link[rel="stylesheet"]');
    return { integrity: link.integrity, crossOrigin: link.crossOrigin, applied: link.sheet !== null };
  });
  const good = await open('plain.html');
  await widgetsReady(good.page);
  const sheet = await sheetOf(good.page);
  assert.match(sheet.integrity, /^sha384-[A-Za-z0-9+/]{64}$/, 'the loader names the stylesheet\'s hash');
  assert.equal(sheet.crossOrigin, 'anonymous');
  assert.ok(sheet.applied, 'the stylesheet as built is applied');
  // The glue is fetched once, by the checked preload, and the import takes
  // it from the module map; the preload link is gone again.
  const glueRequests = good.requests.filter((u) => /\/mbc-guide-[0-9a-f]+\.js$/.test(u));
  assert.equal(glueRequests.length, 1, glueRequests.join(' '));
  assert.equal(await good.page.locator('link[rel="modulepreload"]').count(), 0);
  await good.context.close();

  // Bytes added on the way, still a valid file: the browser refuses it.
  const changed = (pattern, more) => [pattern, async (route) => {
    const response = await route.fetch();
    const body = Buffer.concat([await response.body(), Buffer.from(more)]);
    await route.fulfill({ response, body });
  }];
  const css = await open('plain.html', { route: changed('**/widget/mbc-guide-*.css', ' ') });
  await widgetsReady(css.page, 1, { styled: false });
  assert.equal((await sheetOf(css.page)).applied, false, 'a changed stylesheet is not applied');
  await css.context.close();

  // And a changed wasm (an empty custom section more: id 0, 2 bytes, name "x") never runs.
  const wasm = await open('plain.html', { route: changed('**/widget/mbc-guide-*_bg.wasm', [0, 2, 1, 0x78]) });
  await wasm.page.waitForFunction(() => false, null, { timeout: 3000 }).catch(() => {});
  assert.equal(await wasm.page.evaluate(() => document.querySelector('mbc-guide').shadowRoot), null, 'nothing mounts');
  assert.ok(wasm.errors.some((e) => /could not start/.test(e)), wasm.errors.join('\n'));
  await wasm.context.close();

  // A changed glue script (a statement more, still valid JavaScript) never runs.
  const glue = await open('plain.html', {
    route: changed(/\/widget\/mbc-guide-[0-9a-f]+\.js$/, ';globalThis.__changedGlueRan = true;'),
  });
  await glue.page.waitForFunction(() => false, null, { timeout: 3000 }).catch(() => {});
  assert.equal(await glue.page.evaluate(() => document.querySelector('mbc-guide').shadowRoot), null, 'nothing mounts');
  assert.equal(await glue.page.evaluate(() => globalThis.__changedGlueRan), undefined, 'the changed glue did not run');
  assert.ok(glue.errors.some((e) => /could not start/.test(e)), glue.errors.join('\n'));
  await glue.context.close();
});

// ------------------------------------------------------------ accessibility

test('axe finds no WCAG 2.2 AA violations inside the shadow-DOM embeds', async () => {
  for (const path of ['plain.html', 'two-widgets.html', 'csp.html', 'hostile-css.html']) {
    const { page, context } = await open(path);
    await widgetsReady(page, path === 'two-widgets.html' ? 4 : 1);
    assert.deepEqual(await axeViolations(page), [], path);
    await context.close();
  }
});

test('axe does look inside the shadow root: a planted image without alt is reported', async () => {
  const { page, context } = await open('plain.html');
  await widgetsReady(page);
  await page.locator('mbc-guide').evaluate((host) => {
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    img.id = 'planted';
    host.shadowRoot.querySelector('.mbc').append(img);
  });
  const found = await axeViolations(page);
  const alt = found.find((v) => v.id === 'image-alt');
  assert.ok(alt, `axe reports the image: ${JSON.stringify(found)}`);
  assert.ok(alt.nodes.some((n) => n.includes('#planted')), JSON.stringify(alt.nodes));
  await context.close();
});

// ------------------------------------------------------------ iframe and standalone

test('iframe host: the frame works in Spanish and grows and shrinks with its content', async () => {
  const env = await open('iframe-host.html');
  const { page } = env;
  const frameEl = page.locator('#mbc-guide-frame');
  const frame = page.frameLocator('#mbc-guide-frame');
  await frame.locator('#mbc-guide[data-ready="true"]').waitFor({ timeout: 30_000 });
  await frame.getByRole('heading', { level: 1, name: es.meta.title }).waitFor();
  const inner = page.frame({ url: /\/widget\/index\.html/ });
  // Content may grow over more than one task (step 4 comes in parts), so
  // the frame must match it, and keep the same height 300 ms later.
  const fits = async () => {
    const end = Date.now() + 10_000;
    let held = -1;
    for (;;) {
      await page.waitForFunction(() => {
        const f = document.getElementById('mbc-guide-frame');
        const content = f.contentDocument.documentElement.getBoundingClientRect().height;
        return Math.abs(f.getBoundingClientRect().height - 2 - content) <= 1; // 2: the host's 1px border
      }, null, { timeout: 5_000 }).catch(() => {});
      const box = await frameEl.boundingBox();
      const content = await inner.evaluate(() => document.documentElement.getBoundingClientRect().height);
      const matches = Math.abs(box.height - 2 - content) <= 1;
      if ((matches && box.height === held) || Date.now() > end) {
        assert.ok(matches, `frame ${box.height}px, content ${content}px`);
        return box.height;
      }
      held = matches ? box.height : -1;
      await page.waitForTimeout(300);
    }
  };
  const first = await fits();
  assert.ok(first > 640, 'the frame grew past its initial 640px');
  await useWidget(frame, es);
  // The questions step is longer than the first step: grow, then shrink back.
  await frame.getByRole('navigation', { name: es.ui.steps_label }).getByRole('button', { name: es.ui.step_questions }).click();
  const longer = await fits();
  await frame.getByRole('navigation', { name: es.ui.steps_label }).getByRole('button', { name: es.ui.step_goals }).click();
  const back = await fits();
  assert.notEqual(longer, back, 'the height follows the step');
  assert.ok(Math.abs(back - first) <= 1, `back to the first height (${first}px), not stuck at ${longer}px`);
  // The host's text after the frame moved with it, and nothing else changed.
  const after = await page.locator('#host-after').boundingBox();
  const box = await frameEl.boundingBox();
  assert.ok(after.y >= box.y + box.height, 'the host text follows the frame');
  await assertClean(env);
  await env.context.close();
});

test('iframe host: a height message from anywhere else is ignored', async () => {
  const env = await open('iframe-host.html');
  const { page } = env;
  await page.frameLocator('#mbc-guide-frame').locator('#mbc-guide[data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  const before = (await page.locator('#mbc-guide-frame').boundingBox()).height;
  // The host page itself (not the frame) posts a height.
  await page.evaluate(() => postMessage({ type: 'mbc-guide:height', height: 12 }, '*'));
  await page.waitForTimeout(200);
  assert.equal((await page.locator('#mbc-guide-frame').boundingBox()).height, before);
  await env.context.close();
});

test('standalone page under the strict CSP header: works, with no violation', async () => {
  // Opened on its own, the page takes its settings from the deployment's
  // mbc-settings.json, not from the address.
  const env = await open('widget/index.html', { settings: { 'org-name': 'Clinic Z', phone: '555 0100', accent: '#ffff00' } });
  const { page } = env;
  const response = await page.request.get(new URL('widget/index.html', server.url).href);
  assert.equal(response.headers()['content-security-policy'], OUR_CSP);
  await page.locator('#mbc-guide[data-ready="true"]').waitFor({ timeout: 30_000 });
  await useWidget(page, en);
  await page.getByRole('link', { name: fill(en.ui.contact_phone, { org: 'Clinic Z', phone: '555 0100' }) }).waitFor();
  assert.ok(env.warnings.some((w) => w.includes('attribute accent="#ffff00"')), 'a setting from the file is checked like an attribute');
  // The built page has no inline script and no inline style at all.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every script has a src');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'no style element or attribute');
  assert.match(html, /<link rel="manifest" href="manifest.webmanifest">/);
  await assertClean(env);
  await env.context.close();
});

test('the web app manifest names the page, its colours and its icons', async () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.short_name && manifest.theme_color);
  for (const icon of manifest.icons) {
    const response = await fetch(new URL(`widget/${icon.src}`, server.url));
    assert.equal(response.status, 200, icon.src);
    assert.equal(response.headers.get('content-type').split(';')[0], icon.type, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512') && manifest.icons.some((i) => i.sizes === '192x192'));
});
