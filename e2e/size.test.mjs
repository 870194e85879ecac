// The byte budget of the first load, checked on every run. The figures come
// from the same code as `bench/size.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoadSizes } from '../bench/sizes.mjs';
import { DIST } from './harness.mjs';

// The first load may not grow past this many bytes of gzip -9. Issue 16 sets
// the goal at 225,000 (then 200,000); that is not met (docs/SIZE.md says
// where the bytes are and what is left). This holds the line just above what
// main measured after session 3's merges (289,260 gzip, 235,143 Brotli),
// rounded up to the next 500. From 312,875 at the start of session 3: the
// views branch -18,968 (20 stateless components as plain view functions
// -13,339, hooks' start values and boxed effects with one generic copy per
// type -2,853, two std stable sorts replaced -2,608); the reader branch's
// hand-written pack reader -4,497 and the takeover in boot.js -2,066; the
// safety branch +1,539 (replacing the list in short tasks, a held-back save
// that says so); the glossary's forms without the third std stable sort
// -2,047 (289,260 -> 287,213 gzip, 235,143 -> 233,272 Brotli); the print
// sheet outside the dialogs' part -293 (286,920 gzip, 233,096 Brotli).
// docs/SIZE.md, session 3. Session 4's list branch +1,107 (a long list
// rendered in chunks, issue 17: 286,957 -> 288,064 gzip, 233,187 -> 234,043
// Brotli); the lead's review fixes (entries on screen stay through a
// language switch, a move acted on once, boot.js's guarded trap listener)
// +391 (288,530 -> 288,921 gzip, 234,487 -> 234,793 Brotli). Session 5's
// bytes branch -7,478 (base64url by hand -5,295, QR codes in byte mode
// -1,058, no powf -962, the export without format! -163): 288,684 ->
// 281,206 gzip, 234,575 -> 228,989 Brotli; the gate is that rounded up to
// the next 500. Session 5's speed branch +657 on that base (the bank's rows
// and the suggestions' cards as one component, and one CSS rule: 281,206 ->
// 281,863 gzip, 228,989 -> 229,735 Brotli; +734 / +521 on main 6ec6083);
// the gate is the merged total rounded up to the next 500.
const BUDGET_GZIP = 282_000;

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
