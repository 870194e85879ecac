// The byte budget of the first load, checked on every run. The figures come
// from the same code as `bench/size.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoadSizes } from '../bench/sizes.mjs';
import { DIST } from './harness.mjs';

// The first load may not grow past this many bytes of gzip -9. Issue 16 sets
// the goal at 225,000 (then 200,000); that is not met (docs/SIZE.md says
// where the bytes are and what is left). This holds the line just above what
// main measured at the end of session 2 (312,892 gzip, 250,756 Brotli),
// rounded up to the next 500. Against session 1's 296,180 that is +16,712:
// the safety work +10,172 (Replace undo and its dialog, the last save and
// the keep-a-copy offer, the lossless takeover, text cleaning, the pack
// format), the journey's page for the doctor +5,840, the faster list +1,185;
// the thin App -279 and share links through CompressionStream -1,249.
// Session 3 raised it by what the safety branch measured on main's 312,875
// (Brotli 250,795): +739 gzip (+501 Brotli) for replacing the list in short
// tasks, +849 (+429) for a held-back save that says so; 314,463 in all.
const BUDGET_GZIP = 314_588;

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
