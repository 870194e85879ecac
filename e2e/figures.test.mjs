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
  assert.ok(shown <= 12, `${shown} suggestions before "show more"`);
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
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

test('8 questions print on one A4 and one Letter page: about me, then the top 3, then the rest', async () => {
  for (const format of ['A4', 'Letter']) {
    const { page, context } = await seeded(env, patientState(en, 8, 'ready'));
    const { text, pages } = pdfInfo(await page.pdf({ format, printBackground: true }), `sheet-8-${format}`);
    assert.equal(pages, 1, `${format}: ${pages} pages`);
    const at = (s) => {
      const i = text.indexOf(s.replace(/\s+/g, ' '));
      assert.ok(i >= 0, `${format}: "${s}" prints`);
      return i;
    };
    const bank = en.questions.filter((q) => !q.sensitive);
    assert.ok(at(ui.print_about) < at(ui.print_top), 'about me comes first');
    assert.ok(at(ui.print_top) < at(bank[0].text), 'then the most important');
    assert.ok(at(bank[2].text) < at(bank[3].text), 'then the rest');
    assert.ok(at('My daughter’s wedding in June') < at(ui.print_top), 'what matters to me is in about me');
    // What I know, as statements, not as the checklist's questions.
    const her2 = en.guide.factors.items.find((f) => f.id === 'her2');
    assert.ok(at(`${ui.about_her2}: ${her2.options.find((o) => o.id === 'low').label}`) < at(ui.print_top), 'HER2 status as a statement');
    assert.ok(!text.includes(her2.title), 'not "What is your HER2 status?"');
    await context.close();
  }
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
