// The review sheet a hospital's committee signs off: written by the pack
// validator for the English pack, printed to PDF by Chromium on A4 and on
// Letter, and read back with pdftotext. Needs no build of the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, ARTIFACTS, CHROMIUM_ARGS } from './harness.mjs';

const EN = join(ROOT, 'content', 'en.json');
const en = JSON.parse(readFileSync(EN, 'utf8'));

const flat = (s) => s.replace(/\s+/g, ' ').trim();
const bare = (s) => s.replace(/\s+/g, '');

/** Writes the sheet as an editor would; the validator's verdict on the content is not this test's business. */
function writeSheet(out) {
  rmSync(out, { force: true });
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'mbc-validate-pack', '--', EN, '--review-sheet', out],
    { cwd: ROOT, encoding: 'utf8' });
  assert.ok(existsSync(out), `no sheet written:\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /wrote the review sheet/);
  return readFileSync(out, 'utf8');
}

function pdfText(buffer, name) {
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(pdf, buffer);
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

test('the review sheet prints on A4 and Letter with a question, its source address and the dates', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const html = writeSheet(join(ARTIFACTS, 'review-en.html'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    assert.deepEqual(requests, [], 'the sheet loads nothing');

    // A question that cites a source with an address; the first of the bank.
    const question = en.questions.find((q) => q.sources.some((id) => en.meta.sources.find((s) => s.id === id)?.url));
    assert.ok(question, 'some question cites a source with an address');
    const source = en.meta.sources.find((s) => question.sources.includes(s.id) && s.url);

    for (const format of ['A4', 'Letter']) {
      const { text, pages } = pdfText(await page.pdf({ format, printBackground: true }), `review-en-${format}`);
      assert.ok(pages >= 2, `${format}: ${pages} pages`);
      assert.ok(flat(text).includes(flat(question.text)), `${format}: the question ${question.id} is printed`);
      assert.ok(bare(text).includes(bare(source.url)), `${format}: its source's address ${source.url} is printed`);
      assert.ok(text.includes(en.meta.last_reviewed), `${format}: the last review date`);
      if (en.meta.review_by) {
        assert.ok(text.includes(en.meta.review_by), `${format}: the review-by date`);
      } else {
        assert.match(flat(text), /Review by not given/, `${format}: a missing review-by date is said`);
      }
      assert.match(text, /Sign-off/, `${format}: the sign-off column`);
      assert.ok(flat(text).includes(flat(en.meta.title)), `${format}: the pack's title`);
    }
  } finally {
    await browser.close();
  }
});
