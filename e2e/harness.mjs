// Shared set-up for the end-to-end tests: serve the release build on
// 127.0.0.1, drive Debian's Chromium with playwright-core, scan with axe,
// and record every request so a test can prove nothing left the machine.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startServer } from '../scripts/static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// MBC_DIST lets a second build (another checkout's tests, a benchmark) use
// its own folder.
export const DIST = process.env.MBC_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serves dist/ and starts a browser. Call `close()` in `after`. */
export async function setUp({ csp = false, extraRoots = {} } = {}) {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run scripts/build.sh first');
  }
  const server = await startServer({ root: DIST, csp, extraRoots });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh context and page that records every request URL and every console
 * error. axe needs a page from a context (not browser.newPage()).
 */
export async function openPage(env, path = '', options = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url + path);
  return { context, page, requests, errors };
}

/** Waits until the wasm has replaced the prerendered page. */
export async function waitForWidget(page) {
  await page.waitForSelector('#mbc-guide[data-ready="true"]', { timeout: 30_000 });
}

/**
 * Waits until `check` returns something truthy, and returns it. Yew may
 * render a change over more than one task, and saves and share links come
 * later still, so what an action changes is polled for, not read at once.
 * `message` may be a function, asked only on failure (to show the state then).
 */
export async function eventually(check, message, timeout = 3_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) assert.fail(typeof message === 'function' ? await message() : message);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The share link in the share dialog's box, once it is there. The box is
 * empty while the browser compresses the list (a few tasks after the
 * dialog opens; longer on a loaded machine), so reading it straight after
 * the click races the compression.
 */
export function shareLink(box, timeout = 10_000) {
  return eventually(() => box.inputValue(), 'the share link never came', timeout);
}

/**
 * Waits until the record saved under `key` passes `check`, a JavaScript
 * expression over `s` (the parsed record), and returns the record. A save
 * waits 250 ms after the last change, and longer on a loaded machine, so a
 * fixed sleep races it; the check names the change that must be in it.
 */
export function waitForSave(page, check, what, { key = 'mbc-guide:default:state', timeout = 10_000 } = {}) {
  // Checked here, not in the page: a page under a strict CSP cannot make
  // functions from text.
  const passes = new Function('s', `return (${check});`);
  const stored = () => page.evaluate((k) => localStorage.getItem(k), key);
  const saved = async () => {
    try {
      const record = JSON.parse(await stored());
      return record !== null && passes(record) && record;
    } catch {
      return null; // not all there yet
    }
  };
  return eventually(saved, async () => `the save never showed ${what}: ${await stored()}`, timeout);
}

/** Runs axe over the page with our WCAG tags; returns the violations. */
export async function axeViolations(page, { include } = {}) {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** Every URL whose host is not 127.0.0.1 (data: and blob: are local). */
export function offMachine(urls) {
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    try { return new URL(u).hostname !== '127.0.0.1'; } catch { return true; }
  });
}

/** Runs the pack validator (`mbc-validate-pack`) as a content editor would. */
export function validator(...args) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'mbc-validate-pack', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The question a hospital's own pack adds in the tests. */
export const LOCAL_QUESTION = 'Is there free parking at St Elsewhere for my visits?';

/**
 * A hospital's pack: the English pack plus one question of its own, written
 * as `local.json` in `dir` and compiled by the validator, as EMBEDDING.md
 * says, into `out` (default `dir/local.pack`). Returns the compiled path.
 */
export function compileLocalPack(dir, out = join(dir, 'local.pack')) {
  const local = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
  local.questions.push({ id: 'local-parking', topic: 'cost', text: LOCAL_QUESTION, sources: [local.meta.sources[0].id], sensitive: false });
  writeFileSync(join(dir, 'local.json'), JSON.stringify(local));
  validator(join(dir, 'local.json'), '--compile', out);
  return out;
}
