// The byte budget of the first load, checked on every run. The figures come
// from the same code as `bench/size.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoadSizes } from '../bench/sizes.mjs';
import { DIST } from './harness.mjs';

// The first load may not grow past this many bytes of gzip -9. Issue 16 sets
// the goal at 225,000 (then 200,000); that is not met (docs/SIZE.md says
// where the bytes are and what is left). This holds the line just above what
// the reader branch measured in session 3 with main merged (306,089 gzip,
// 245,898 Brotli), rounded up to the next 500: the hand-written pack reader
// took 4,497 off, the takeover's carry-over in boot.js 1,214 and its twin
// and swap in boot.js 852, from main's 312,875 at the end of session 2.
// The safety branch then measured 307,628 gzip (246,933 Brotli) on that
// main: +1,539 gzip (+1,035 Brotli) for replacing the list in short tasks
// and a held-back save that says so; the gate rises by exactly that.
const BUDGET_GZIP = 308_039;

test(`the first load is at most ${BUDGET_GZIP} bytes gzip`, (t) => {
  const { files, total } = firstLoadSizes(DIST);
  // Brotli beside gzip: hosts that serve the .br files send the smaller figure.
  for (const f of [...files, { name: 'total', ...total }]) {
    t.diagnostic(`${f.name}: ${f.raw} raw, ${f.gzip} gzip -9, ${f.brotli} Brotli`);
  }
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'the wasm is counted');
  assert.ok(files.some((f) => f.name.endsWith('.js')), 'the js is counted');
  assert.ok(files.some((f) => f.name.endsWith('.css')), 'the css is counted');
  assert.ok(files.some((f) => f.name === 'index.html'), 'the html is counted');
  assert.ok(total.brotli < total.gzip, 'Brotli is measured and smaller than gzip');
  assert.ok(total.gzip <= BUDGET_GZIP, `first load is ${total.gzip} bytes gzip (${total.brotli} Brotli), over the budget of ${BUDGET_GZIP}`);
});
