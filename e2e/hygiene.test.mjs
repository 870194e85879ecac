// The tests clean up after themselves: every Chromium they start leaves
// nothing in the temporary folder. Chromium folders left in /tmp by test
// runs (about 45 MB each) once filled the shared disk, and CI failed with
// "No space left on device". Each check runs with a temporary folder of its
// own and reads it afterwards. (The Lighthouse run is checked in
// lighthouse.test.mjs, where it runs anyway.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUp, openPage, waitForWidget, ROOT } from './harness.mjs';

/** Runs `work` with TMPDIR set to a new folder; returns what it left there. */
async function leftBehind(work) {
  const temp = mkdtempSync(join(tmpdir(), 'mbc-hy-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = temp;
  try {
    await work(temp);
    return readdirSync(temp);
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(temp, { recursive: true, force: true });
  }
}

test('the browser tests (wasm-bindgen-test-runner, chromedriver) leave no Chromium profile behind', async () => {
  // One test binary, through cargo's runner for the wasm target
  // (.cargo/config.toml), exactly as scripts/test.sh runs the layer.
  const left = await leftBehind((temp) => {
    execFileSync('cargo', ['test', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--test', 'browser_share'], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: temp, CHROMEDRIVER: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', WASM_BINDGEN_TEST_TIMEOUT: '60' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  });
  assert.deepEqual(left, [], 'nothing left in the temporary folder');
});

test('a Playwright Chromium closed in `after` leaves nothing behind', async () => {
  const left = await leftBehind(async () => {
    const env = await setUp();
    try {
      const { page } = await openPage(env);
      await waitForWidget(page);
    } finally {
      await env.close();
    }
  });
  assert.deepEqual(left, [], 'nothing left in the temporary folder');
});
