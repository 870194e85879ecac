// bench/profile-build.sh makes a copy of the release build whose wasm keeps
// its function names, for reading CPU profiles. Its wasm and glue are not
// the release build's, so the loader's hashes (Subresource Integrity) must
// be the named build's too, or the script embed refuses to start there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/static-server.mjs';
import { DIST, ROOT, CHROMIUM_ARGS } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const temp = mkdtempSync(join(tmpdir(), 'mbc-profile-build-'));
const named = join(temp, 'named');

let server;
let browser;
before(async () => {
  execFileSync('bench/profile-build.sh', [DIST, named], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  server = await startServer({ root: join(ROOT, 'examples'), extraRoots: { '/widget/': named } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(temp, { recursive: true, force: true });
});

test('the named build starts as the script embed and as the standalone page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // The script embed: one <mbc-guide> on a host page.
  await page.goto(`${server.url}plain.html`);
  await page.waitForFunction(() => document.querySelector('mbc-guide')?.shadowRoot?.querySelector('[data-ready="true"]'), null, { timeout: 30_000 })
    .catch(() => assert.fail(`the script embed did not start: ${errors.join(' | ')}`));
  // The standalone page.
  await page.goto(`${server.url}widget/`);
  await page.waitForSelector('#mbc-guide[data-ready="true"]', { timeout: 30_000 });
  await page.getByRole('heading', { level: 1, name: en.meta.title }).waitFor();
  // The named build's service worker keeps nothing (the release one's list
  // would name the old files' sha256), and registering it is no error.
  await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.active)), null, { timeout: 10_000 });
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});
