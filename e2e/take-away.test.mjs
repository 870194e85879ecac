// Taking the list to the appointment: the printed sheet (as a PDF read back
// with pdftotext), share links between devices, hostile links, and the
// share and import dialogs under axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, waitForWidget, axeViolations, shareLink, ROOT, ARTIFACTS } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const ui = en.ui;
const KEY = 'mbc-guide:default:state';

/** A saved state with `n` bank questions (the first three most important) and notes. */
function savedState(n) {
  const list = en.questions.filter((q) => !q.sensitive).slice(0, n).map((q, i) => ({
    id: i, question: q.id, top: i < 3, note: i % 2 === 0 ? `Note ${i}: ask about timing.` : '',
  }));
  return JSON.stringify({
    format: 'mbc-guide/state', version: 1, rev: 1, saved_at: 0,
    state: {
      answers: { goals: { longer: 'very' }, goals_other: '', factors: { her2: ['not_sure'] }, treatments: {} },
      list, next_id: n, show_sensitive: false, step: 'questions', readiness: {}, large_print: false,
    },
  });
}

/** A fresh device whose storage holds `saved`, opened at `path`. */
async function pageWith(env, saved, path = '') {
  const context = await env.browser.newContext();
  await context.addInitScript(([key, value]) => {
    if (value && !sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, saved]);
  const page = await context.newPage();
  await page.goto(env.server.url + path);
  await waitForWidget(page);
  return { context, page };
}

/**
 * The sheet as the browser prints it: `beforeprint` first, as the print
 * command sends it, and the PDF once the sheet is built. Chromium's
 * printToPDF sends `beforeprint` too, but in about half of the runs on a
 * quiet machine it laid the page out before the sheet was rendered (an
 * empty page, "1/1"); the figures tests do the same.
 */
async function printed(page, options) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('.mbc-print').waitFor({ state: 'attached' });
  const pdf = await page.pdf(options);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return pdf;
}

function pdfText(buffer, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(pdf, buffer);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  return { text, pages, pdf };
}

const flat = (s) => s.replace(/\s+/g, ' ');

/** Opens a step from the step list. */
async function toStep(page, key) {
  await page.getByRole('navigation', { name: ui.steps_label }).getByRole('button', { name: ui[key] }).click();
  await page.getByRole('heading', { level: 2, name: ui[key], exact: true }).waitFor();
}

/** Step 5's "Other ways to keep your list", opened. */
async function otherWays(page) {
  await toStep(page, 'step_ready');
  const more = page.locator('details.mbc-take');
  if (!(await more.evaluate((d) => d.open))) await more.locator('summary').click();
}

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test('the printed sheet puts the top questions first, each question once, and no buttons', async () => {
  const { page, context } = await pageWith(env, savedState(5));
  const { text, pages, pdf } = pdfText(await printed(page, { format: 'A4', printBackground: true, preferCSSPageSize: true }), 'sheet-5');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(ARTIFACTS, 'sheet-5-page')]);
  const body = flat(text);
  const chosen = en.questions.filter((q) => !q.sensitive).slice(0, 5);
  for (const q of chosen) {
    const count = body.split(flat(q.text)).length - 1;
    assert.equal(count, 1, `"${q.text}" appears exactly once (found ${count})`);
  }
  const topAt = body.indexOf(ui.print_top);
  assert.ok(topAt >= 0, 'the "most important" heading prints');
  for (const q of chosen.slice(0, 3)) assert.ok(body.indexOf(flat(q.text)) > topAt, 'top questions are under it');
  assert.ok(body.indexOf(flat(chosen[2].text)) < body.indexOf(flat(chosen[3].text)), 'top questions come before the rest');
  assert.ok(body.includes(ui.print_to_team), 'the line to the care team prints');
  assert.ok(body.includes('Note 0: ask about timing.'), 'notes print');
  for (const label of [ui.print_button, ui.share_button, ui.add_question, ui.move_up, ui.remove, ui.next_step, 'Español']) {
    assert.ok(!body.includes(label), `no button label "${label}" on paper`);
  }
  assert.ok(/1\s*\/\s*1/.test(text) || pages > 1, 'page numbers print');
  assert.ok(pages >= 1 && pages <= 3, `5 questions take 1 to 3 pages, not ${pages}`);
  await context.close();
});

test('60 questions print on a sensible number of pages, never splitting a question', async () => {
  const { page, context } = await pageWith(env, savedState(60));
  const { text, pages } = pdfText(await printed(page, { format: 'A4', printBackground: true, preferCSSPageSize: true }), 'sheet-60');
  // A line may break after a hyphen ("ER-" / "low"): join those back.
  const body = flat(text.replace(/-[ \t]*\n\s*/g, '-'));
  for (const q of en.questions.filter((x) => !x.sensitive).slice(0, 60)) {
    assert.equal(body.split(flat(q.text)).length - 1, 1, `"${q.text}" appears exactly once`);
  }
  // One answer line for each question after the top 3.
  assert.ok(pages >= 3 && pages <= 30, `60 questions with ruled lines take 3 to 30 pages, not ${pages}`);
  await context.close();
});

test('large print is 18 pt and takes more pages', async () => {
  const { page, context } = await pageWith(env, savedState(15));
  const normal = pdfText(await printed(page, { format: 'A4', preferCSSPageSize: true }), 'sheet-15').pages;
  // One "Larger text" toggle for the screen and the paper.
  await page.getByRole('button', { name: ui.text_size }).click();
  // As the browser's own print command does: the sheet is built for printing.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const size = await page.locator('.mbc-print').evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(size, '24px', '18 pt is 24 CSS px');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  const large = pdfText(await printed(page, { format: 'A4', preferCSSPageSize: true }), 'sheet-15-large').pages;
  assert.ok(large > normal, `large print takes more pages (${large} > ${normal})`);
  await context.close();
});

test('a share link moves the list to a fresh device, after the person accepts', async () => {
  const first = await pageWith(env, savedState(15));
  await otherWays(first.page);
  await first.page.getByRole('button', { name: ui.share_button }).click();
  const link = await shareLink(first.page.getByLabel(ui.share_link_label));
  assert.match(link, /#mbc=3\./, 'the list travels in the fragment');
  assert.ok(link.length < 2000, `15 questions with notes make a link under 2,000 characters (${link.length})`);
  assert.deepEqual(await axeViolations(first.page), [], 'the share dialog passes axe');
  await first.page.getByRole('button', { name: ui.close }).click();
  await first.context.close();

  const second = await openPage(env);
  await waitForWidget(second.page);
  await second.page.goto(link);
  await waitForWidget(second.page);
  const dialog = second.page.getByRole('dialog', { name: ui.incoming_title });
  await dialog.waitFor();
  assert.equal(await second.page.evaluate((k) => localStorage.getItem(k), KEY), null, 'nothing changes before the choice');
  assert.deepEqual(await axeViolations(second.page), [], 'the open-a-list dialog passes axe');
  await dialog.getByRole('button', { name: ui.incoming_replace }).click();
  // The shared list comes, a task after the dialog closes, with the step it
  // was shared from (the last).
  await second.page.getByRole('heading', { level: 2, name: ui.step_ready, exact: true }).waitFor();
  await toStep(second.page, 'step_questions');
  const list = second.page.getByRole('list', { name: ui.list_heading });
  await list.waitFor();
  assert.equal(await list.getByRole('listitem').count(), 15);
  assert.ok(!(await second.page.evaluate(() => location.hash)).includes('mbc='), 'the link leaves the address bar');
  await second.context.close();
});

test('hostile links leave the existing list untouched', async () => {
  const saved = savedState(4);
  const hostile = [
    '#mbc=1.eNqrVg',                      // truncated
    '#mbc=9.eNqrVkrLz1eyUkpKLFKqBQAeSgS7', // a future version
    '#mbc=1.***not-base64***',             // invalid base64
    '#mbc=1.eNrt' + 'A'.repeat(40),        // tampered
  ];
  for (const hash of hostile) {
    const { page, context } = await pageWith(env, saved, hash);
    const dialog = page.getByRole('dialog', { name: ui.incoming_title });
    await dialog.waitFor();
    const said = await dialog.innerText();
    assert.ok(/Nothing was changed|newer version|Ask for the link again/.test(said), `a calm sentence for ${hash}: ${said}`);
    await dialog.getByRole('button', { name: ui.close }).click();
    const list = page.getByRole('list', { name: ui.list_heading });
    assert.equal(await list.getByRole('listitem').count(), 4, `the list is intact after ${hash}`);
    await page.waitForTimeout(400);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.equal(stored.state.list.length, 4, 'storage is intact');
    await context.close();
  }
});

test('a link whose list holds markup shows it as text', async () => {
  const evil = { ...JSON.parse(savedState(1)) };
  evil.state.list = [{ id: 0, text: '<img src=x onerror="window.pwned=1">Is this safe?', top: false, note: '<script>window.pwned=2</script>' }];
  const { page, context } = await pageWith(env, JSON.stringify(evil));
  await page.getByRole('list', { name: ui.list_heading }).getByText('<img src=x onerror="window.pwned=1">Is this safe?').waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'nothing ran');
  await context.close();
});

test('a downloaded list can be opened again from the file, and a bad file changes nothing', async () => {
  const first = await pageWith(env, savedState(6));
  await otherWays(first.page);
  assert.equal(await first.page.getByRole('button', { name: /Markdown/ }).count(), 0, '"as text", not "Markdown"');
  const [download] = await Promise.all([
    first.page.waitForEvent('download'),
    first.page.getByRole('button', { name: ui.download_txt }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^my-questions-\d{4}-\d{2}-\d{2}\.txt$/, 'the file name carries the date');
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'export.txt');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(ui.print_to_team) && text.includes('#mbc=3.'), 'plain text with the list and its link');
  await first.context.close();

  const second = await pageWith(env, savedState(2));
  await otherWays(second.page);
  await second.page.getByLabel(ui.import_label).setInputFiles(file);
  const dialog = second.page.getByRole('dialog', { name: ui.incoming_title });
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(second.page), [], 'the import dialog passes axe');
  await dialog.getByRole('button', { name: ui.incoming_merge }).click();
  await dialog.waitFor({ state: 'hidden' });
  await toStep(second.page, 'step_questions');
  const list = second.page.getByRole('list', { name: ui.list_heading });
  await list.getByRole('listitem').nth(5).waitFor();
  assert.equal(await list.getByRole('listitem').count(), 6, 'merging adds only the questions not already there');

  const bad = join(ARTIFACTS, 'bad.json');
  writeFileSync(bad, '{"format":"mbc-guide/state","version":1,"state":');
  await otherWays(second.page);
  await second.page.getByLabel(ui.import_label).setInputFiles(bad);
  await dialog.waitFor();
  assert.ok((await dialog.innerText()).includes('Nothing was changed'), 'a malformed file gets a calm sentence');
  await dialog.getByRole('button', { name: ui.close }).click();
  await toStep(second.page, 'step_questions');
  assert.equal(await list.getByRole('listitem').count(), 6, 'and changes nothing');
  await second.context.close();
});
