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
  // Everything is recorded inside the page and read once at the end:
  // waiting with a Playwright locator would inject Playwright's own script
  // during start-up, a long task of its own that no visitor has.
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__readyAt = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      if (window.__readyAt === null && document.querySelector('#mbc-guide[data-ready="true"]')) {
        window.__readyAt = performance.now();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  await page.goto(server.url);
  await page.waitForTimeout(8000);
  const { readyAt, all } = await page.evaluate(() => ({ readyAt: window.__readyAt, all: window.__longTasks }));
  if (readyAt === null) throw new Error('bench/startup.mjs: the widget was not ready within 8 s');
  // From navigation until the widget has settled (its folded parts and the
  // foot of the page come within a few frames of being ready).
  const tasks = all.filter(([start]) => start <= readyAt + 1500).map(([, duration]) => duration);
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
