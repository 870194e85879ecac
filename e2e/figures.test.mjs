// The phone figures of issue 15 as tests, on a 390×844 phone: the first
// control is inside the first screen, each goal and kind of treatment is
// described once, step 4 with a full profile and 6 questions is at most 5
// screens tall, no screen shows two filled buttons, and 8 questions print on
// one A4 or Letter page, "About me" first. (The figures themselves, before and
// after, come from bench/journey-figures.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, waitForWidget, axeViolations, ROOT, ARTIFACTS } from './harness.mjs';
import { PHONE, patientState, seeded } from './figures.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const ui = en.ui;
const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
const SCREEN = PHONE.viewport.height;

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test('on a phone, Start is inside the first screen and a few Tab presses away, and leads to step 1', async () => {
  const { page, context } = await openPage(env, '', PHONE);
  await waitForWidget(page);
  const start = page.getByRole('button', { name: ui.start_button, exact: true });
  const box = await start.boundingBox();
  assert.ok(box && box.y + box.height <= SCREEN, `Start ends at ${box && box.y + box.height} px, inside the ${SCREEN} px screen`);
  await page.getByText(ui.start_steps).waitFor();
  let presses = 0;
  while (!(await start.evaluate((b) => b === document.activeElement)) && presses < 10) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  assert.ok(presses <= 5, `${presses} Tab presses reach Start`);
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: ui.step_goals, exact: true });
  await page.waitForFunction(() => document.activeElement?.classList.contains('mbc-step-heading'));
  assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'focus moves to step 1');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'radio', 'the next Tab is the first answer');
  await context.close();
});

test('in Spanish too, Empezar is inside the first phone screen', async () => {
  const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
  const { page, context } = await openPage(env, '?lang=es', PHONE);
  await waitForWidget(page);
  const start = page.getByRole('button', { name: es.ui.start_button, exact: true });
  const box = await start.boundingBox();
  assert.ok(box && box.y + box.height <= SCREEN, `Empezar ends at ${box && box.y + box.height} px`);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('a returning person gets "Continue", which takes them to the step they left', async () => {
  const { page, context } = await seeded(env, patientState(en, 6, 'treatments'));
  assert.equal(await page.getByRole('button', { name: ui.start_button, exact: true }).count(), 0);
  await page.getByRole('button', { name: ui.continue_button }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('mbc-step-heading'));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), ui.step_treatments);
  await context.close();
});

/** How many times `text` occurs in the page's text. */
const occurrences = (page, text) => page.evaluate((t) => document.body.textContent.split(t).length - 1, text);

test('each goal and each kind of treatment is described once, where it is answered', async () => {
  const { page, context } = await openPage(env, '', PHONE);
  await waitForWidget(page);
  for (const goal of en.guide.goals.items) {
    assert.equal(await occurrences(page, goal.title), 1, `${goal.title} once`);
    const group = page.getByRole('group', { name: goal.title, exact: true });
    assert.ok((await group.getAttribute('aria-describedby')), `${goal.title} is described in its group`);
  }
  // Step 3 (its descriptions carry glossary buttons: compare the titles and
  // the group descriptions).
  await page.getByRole('button', { name: ui.steps_all }).click();
  await page.getByRole('navigation', { name: ui.steps_label }).getByRole('button', { name: ui.step_treatments }).click();
  for (const t of en.guide.treatments.items) {
    const group = page.getByRole('group', { name: t.title, exact: true });
    await group.waitFor();
    const described = await group.evaluate((g) => document.getElementById(g.getAttribute('aria-describedby')).textContent);
    assert.ok(described.includes(t.text.split(' ').slice(0, 3).join(' ')), `${t.title} is described in its group`);
    assert.equal(await page.evaluate((t) => document.body.textContent.split(t).length - 1, described), 1, `${t.title}'s description once`);
  }
  for (const key of ['treatment_supportive_hint', 'treatment_complementary_hint']) {
    assert.equal(await occurrences(page, ui[key]), 1, `${key}: palliative and complementary care are described in step 3`);
  }
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('step 4 with a full profile and 6 questions is at most 5 phone screens tall', async () => {
  const { page, context } = await seeded(env, patientState(en, 6, 'questions'));
  const height = await page.locator('.mbc-journey').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height <= 5 * SCREEN, `step 4 is ${Math.round(height)} px (${(height / SCREEN).toFixed(1)} screens)`);
  const shown = await page.getByRole('list', { name: ui.suggestions_heading }).getByRole('listitem').count();
  assert.ok(shown <= 10, `${shown} suggestions before "show more"`);
  // The pinned bar names the list's size and jumps to it.
  await page.getByRole('button', { name: ui.list_bar.replace('{count}', '6') }).click();
  await page.waitForFunction((name) => document.activeElement?.textContent === name, ui.list_heading);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

/** The filled buttons in view at each scroll position, a half screen apart. */
async function filledInView(page) {
  return page.evaluate(async (screen) => {
    const worst = [];
    for (let y = 0; y <= document.documentElement.scrollHeight; y += screen / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(r));
      const filled = [...document.querySelectorAll('#mbc-guide button')].filter((b) => {
        const r = b.getBoundingClientRect();
        const bg = getComputedStyle(b).backgroundColor;
        return r.height > 0 && r.bottom > 0 && r.top < innerHeight && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'rgb(255, 255, 255)'
          && getComputedStyle(b).color === 'rgb(255, 255, 255)';
      });
      if (filled.length > worst.length) worst.splice(0, worst.length, ...filled.map((b) => b.textContent.trim()));
    }
    return worst;
  }, SCREEN);
}

test('no phone screen shows more than one filled button, on any step', async () => {
  for (const step of ['goals', 'profile', 'treatments', 'questions', 'ready']) {
    const { page, context } = await seeded(env, patientState(en, 6, step));
    const filled = await filledInView(page);
    assert.ok(filled.length <= 1, `${step}: ${filled.join(' + ')}`);
    await context.close();
  }
});

function pdfInfo(buffer, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(pdf, buffer);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // In reading order, block by block: the code's caption sits in a column
  // of its own beside the foot, which the layout text interleaves.
  const blocks = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  // How much of the first page's printable height the text fills, in %: the
  // lowest word above the bottom margin (the page number sits in it), with
  // the @page margins of mbc-guide.css (12 mm top, 15 mm bottom).
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox)?.[1]);
  const mm = 72 / 25.4;
  const [top, bottom] = [12 * mm, height - 15 * mm];
  const lowest = Math.max(...[...bbox.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y < bottom));
  const fill = Math.round((1000 * (lowest - top)) / (bottom - top)) / 10;
  return { text, blocks, pages, fill };
}

const TREATMENT_NOW = 'Letrozole and ribociclib since May 2026';
const SECOND_OPINION = { visit: 'second_opinion', treatment_now: TREATMENT_NOW };

for (const [version, extra] of [['for my own team', null], ['for a second opinion', SECOND_OPINION]]) {
  test(`8 questions print on one A4 and one Letter page ${version}: about me, the top 3, the rest${extra ? ', what to bring' : ''}, the sources`, async () => {
    for (const format of ['A4', 'Letter']) {
      const { page, context } = await seeded(env, patientState(en, 8, 'ready', extra));
      // Printing builds the sheet (page.pdf reports it too, but may print first).
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.locator('.mbc-print').waitFor({ state: 'attached' });
      const { text, blocks, pages, fill } = pdfInfo(await page.pdf({ format, printBackground: true }), `sheet-8-${format}${extra ? '-second-opinion' : ''}`);
      console.log(`sheet, 8 questions, ${version}, ${format}: ${pages} page(s), ${fill}% of the printable height`);
      assert.equal(pages, 1, `${format}: ${pages} pages`);
      const at = (s) => {
        const i = text.indexOf(s.replace(/\s+/g, ' '));
        assert.ok(i >= 0, `${format}: "${s}" prints`);
        return i;
      };
      const absent = (s) => assert.equal(text.indexOf(s.replace(/\s+/g, ' ')), -1, `${format}: no "${s}"`);
      const bank = en.questions.filter((q) => !q.sensitive);
      const her2 = en.guide.factors.items.find((f) => f.id === 'her2');
      const order = [
        at(ui.print_about),
        ...(extra ? [at(`${ui.about_visit}: ${ui.visit_second_opinion}`)] : []),
        at('My daughter’s wedding in June'),
        // What I know, as statements, not as the checklist's questions.
        at(`${ui.about_her2}: ${her2.options.find((o) => o.id === 'low').label}`),
        ...(extra ? [at(`${ui.about_treatment_now}: ${TREATMENT_NOW}`)] : []),
        at(ui.print_top),
        at(bank[0].text),
        at(ui.print_rest),
        at(bank[3].text),
        ...(extra ? [at(ui.bring_heading), at(ui.bring_slides)] : []),
        at(ui.sources_heading),
      ];
      assert.deepEqual(order, [...order].sort((a, b) => a - b), `${format}: in order`);
      assert.ok(!text.includes(her2.title), 'not "What is your HER2 status?"');
      if (!extra) {
        absent(ui.bring_heading);
        absent(ui.about_visit);
      }
      assert.ok(!blocks.includes(ui.share_qr_label), 'no code unless chosen');
      await context.close();
    }
  });
}

// "Treatment now" at its most (300 characters, the field's limit), three
// ways a person might fill it: one medicine a line, one long pasted run with
// no spaces, and prose in capitals (the widest letters); and the first on the
// Spanish page, whose words are longer.
const LONG_TREATMENTS = {
  'one a line': 'Letrozole 2.5 mg\nRibociclib 400 mg, 3 weeks on\nDenosumab every 4 weeks\nVitamin D\nCalcium\nOndansetron if sick\nLoperamide if needed\nRadiation to the spine in March\nTamoxifen 2019-2024\nPaclitaxel 2019\nDoxorubicin 2019\nCyclophosphamide 2019\nFilgrastim 2019\nSertraline\nMelatonin\nOmeprazole\nIbuprofen\nLisinopril\nMetformin'.slice(0, 300),
  'no spaces': 'Letrozole+ribociclib,since/May/2026;before:tamoxifen(2019-2024),paclitaxel,doxorubicin,cyclophosphamide;radiation/spine/March;denosumab/monthly;'.repeat(3).slice(0, 300),
  capitals: 'LETROZOLE AND RIBOCICLIB SINCE MAY 2026, AFTER TAMOXIFEN FROM 2019 TO 2024. RADIATION TO THE SPINE IN MARCH. DENOSUMAB EVERY MONTH. RIBOCICLIB LOWERED TO 400 MG IN AUGUST FOR LOW WHITE CELLS. WEEKLY BLOOD TESTS. MRI OF THE BRAIN IN JUNE WAS CLEAR. VITAMIN D AND CALCIUM EVERY DAY. WHAT ELSE CAN I DO FOR MY BON'.slice(0, 300),
};

test('a 300-character "treatment now" keeps the second-opinion sheet on one A4 and one Letter page, every word on paper', async () => {
  const runs = [...Object.entries(LONG_TREATMENTS).map(([how, t]) => [how, t, '']), ['one a line, in Spanish', LONG_TREATMENTS['one a line'], 'es/']];
  for (const [how, treatment, path] of runs) {
    assert.equal(treatment.length, 300, `${how}: 300 characters`);
    const label = (path ? es : en).ui.about_treatment_now;
    for (const format of ['A4', 'Letter']) {
      const { page, context } = await seeded(env, patientState(en, 8, 'ready', { visit: 'second_opinion', treatment_now: treatment }), PHONE, path);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.locator('.mbc-print').waitFor({ state: 'attached' });
      const { text, pages, fill } = pdfInfo(await page.pdf({ format, printBackground: true }), `sheet-8-${format}-treatment-${how.replace(/[ ,]+/g, '-')}`);
      console.log(`sheet, 8 questions, second opinion, 300-character treatment (${how}), ${format}: ${pages} page(s), ${fill}% of the printable height`);
      assert.equal(pages, 1, `${how}, ${format}: ${pages} pages`);
      // Every word, in order, after the label (a run with no spaces may wrap
      // anywhere, so compare without white space).
      const paper = text.replace(/\s+/g, '');
      const from = paper.indexOf(`${label}:`.replace(/\s+/g, ''));
      assert.ok(from >= 0, `${how}, ${format}: the label prints`);
      let at = from;
      for (const word of treatment.split(/\s+/)) {
        const next = paper.indexOf(word, at);
        assert.ok(next >= at, `${how}, ${format}: "${word}" prints, in order`);
        at = next + word.length;
      }
      await context.close();
    }
  }
});

test('the code to open the list on a phone prints only when chosen, large enough to scan', async () => {
  const { page, context } = await seeded(env, patientState(en, 8, 'ready', SECOND_OPINION));
  const choice = page.getByRole('checkbox', { name: ui.print_qr_choice });
  assert.equal(await choice.isChecked(), false, 'off at first');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  let { blocks } = pdfInfo(await page.pdf({ format: 'A4', printBackground: true }), 'sheet-no-code');
  assert.ok(!blocks.includes(ui.share_qr_label), 'no code');
  assert.equal(await page.locator('.mbc-print svg').count(), 0);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await choice.check();
  assert.deepEqual(await axeViolations(page), []);
  // The browser's own print command (Ctrl+P) does not wait for a task: the
  // code is made while the choice is on, so the sheet has it at once (Yew
  // renders in microtasks, which run before the browser lays out the print).
  // The code is made from the share link, which the browser compresses a few
  // tasks after the choice: one print first, waited for, shows it is made.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('.mbc-print svg').waitFor({ state: 'attached', timeout: 10_000 });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.locator('.mbc-print').waitFor({ state: 'detached' });
  const atOnce = await page.evaluate(async () => {
    window.dispatchEvent(new Event('beforeprint'));
    for (let i = 0; i < 50; i += 1) await Promise.resolve();
    return document.querySelectorAll('.mbc-print svg').length;
  });
  assert.equal(atOnce, 1, 'the code is on the sheet without waiting a task');
  const modules = await page.evaluate(() => Number(document.querySelector('.mbc-print svg').getAttribute('viewBox').split(' ')[2]));
  await page.emulateMedia({ media: 'print' });
  const mm = await page.evaluate(() => document.querySelector('.mbc-print svg').getBoundingClientRect().width * 25.4 / 96);
  await page.emulateMedia({ media: null });
  assert.ok(mm / modules >= 0.29, `modules of ${(mm / modules).toFixed(2)} mm`);
  console.log(`the code: ${modules} modules in ${mm.toFixed(0)} mm, ${(mm / modules).toFixed(2)} mm each`);
  let pages;
  let fill;
  ({ blocks, pages, fill } = pdfInfo(await page.pdf({ format: 'Letter', printBackground: true }), 'sheet-with-code'));
  assert.ok(blocks.includes(ui.share_qr_label), `the code and what it is for: ${blocks}`);
  console.log(`sheet, 8 questions, second opinion, with the code, Letter: ${pages} page(s), ${fill}% of the printable height`);
  assert.ok(pages <= 2, `${pages} pages`);
  // Saved: it is still on after a reload.
  await page.waitForTimeout(1500);
  await page.reload();
  await page.waitForSelector('#mbc-guide[data-ready="true"]');
  assert.equal(await page.getByRole('checkbox', { name: ui.print_qr_choice }).isChecked(), true);
  await context.close();
});

test('printing with no questions explains what to do first', async () => {
  const { page, context } = await openPage(env, '', PHONE);
  await waitForWidget(page);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByRole('button', { name: ui.steps_all }).click();
  await page.getByRole('navigation', { name: ui.steps_label }).getByRole('button', { name: ui.step_ready }).click();
  await page.getByRole('button', { name: ui.print_button }).press('Enter');
  await page.getByRole('alert').filter({ hasText: ui.print_empty }).waitFor();
  assert.equal(await page.evaluate(() => window.__printed), 0, 'nothing is printed');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: ui.check_add }).press('Enter');
  await page.getByRole('heading', { level: 2, name: ui.step_questions }).waitFor();
  await context.close();
});
