// The byte budget of the first load, checked on every run. The figures come
// from the same code as `bench/size.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoadSizes } from '../bench/sizes.mjs';
import { DIST } from './harness.mjs';

// The first load may not grow past this. Issue 2 asks for 150,000 bytes
// gzip and issue 7 for 100,000; with the whole builder and Yew's rendering
// code in the wasm we are not there yet (see ARCHITECTURE.md, "Size"), so
// this holds the line a little above what we measured (266,830) while that
// work goes on.
const BUDGET_GZIP = 267_500;

test(`the first load is at most ${BUDGET_GZIP} bytes gzip`, () => {
  const { files, total } = firstLoadSizes(DIST);
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'the wasm is counted');
  assert.ok(files.some((f) => f.name.endsWith('.js')), 'the js is counted');
  assert.ok(files.some((f) => f.name.endsWith('.css')), 'the css is counted');
  assert.ok(files.some((f) => f.name === 'index.html'), 'the html is counted');
  assert.ok(total.gzip <= BUDGET_GZIP, `first load is ${total.gzip} bytes gzip, over the budget of ${BUDGET_GZIP}`);
});
