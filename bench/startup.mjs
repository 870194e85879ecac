// Start-up main-thread work, at a 4x CPU slowdown like Lighthouse mobile:
// the long tasks (over 50 ms) from navigation until the widget is ready and
// settled, and the blocking time they add up to (each task's time past
// 50 ms). Prints figures; never fails. A quick probe for changes that aim at
// Lighthouse's TBT without a whole Lighthouse run.
//
//   node bench/startup.mjs [dist] [--runs 5]
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../e2e/harness.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const dist = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'dist';

const server = await startServer({ root: dist });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const results = [];
for (let run = 0; run < runs; run++) {
  // No service worker: every run is a first visit.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.locator('#mbc-guide[data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  const tasks = await page.evaluate(() => window.__longTasks);
  results.push(tasks);
  await context.close();
}
await browser.close();
await server.close();

const median = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const blocking = results.map((tasks) => tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0));
const longest = results.map((tasks) => Math.max(0, ...tasks));
console.log(`start-up at 4x CPU slowdown, ${runs} runs of ${dist}`);
results.forEach((tasks, i) => console.log(`  run ${i + 1}: long tasks ${tasks.join(', ') || 'none'} ms; blocking ${blocking[i]} ms`));
console.log(`median: longest task ${median(longest)} ms, blocking time ${median(blocking)} ms`);
