// The builder, end to end, with the keyboard only: from a first visit to a
// prioritised list with notes, a reload, a second tab, and clearing
// everything. Every Tab press checks that focus can be seen, and axe scans
// every step, empty and filled. Elements are found by role and name, with
// the words read from content/en.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, waitForWidget, waitForSave, eventually, axeViolations, ROOT } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const ui = en.ui;
const PHONE = { viewport: { width: 390, height: 844 } };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const STATE_KEY = 'mbc-guide:default:state';
/** Longer than the 250 ms save delay. */
const SAVED = 400;

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m);
const question = (id) => {
  const q = en.questions.find((x) => x.id === id);
  assert.ok(q, `question ${id} is in the pack`);
  return q.text;
};
const goal = (id) => en.guide.goals.items.find((g) => g.id === id).title;
const factor = (id) => en.guide.factors.items.find((f) => f.id === id);
const treatment = (id) => en.guide.treatments.items.find((t) => t.id === id)?.title ?? ui[`treatment_${id}`];
const reason = (factorId, optionId) => {
  const f = factor(factorId);
  const label = f.options.find((o) => o.id === optionId).label;
  // Our templates quote the answer, so the label stays as written.
  assert.ok(f.reason.includes('“{answer}”'));
  return fill(ui.because, { reason: fill(f.reason, { answer: label }) });
};
// A counted phrase takes its singular key for 1 (src/plural.rs, English rule).
const counted = (key, n) => ui[n === 1 ? `${key}_one` : key];
const count = (n, top) => fill(counted('count_announce', top), {
  questions: fill(counted('questions_count', n), { count: String(n) }),
  top: String(top),
});

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

// ---------------------------------------------------------------- keyboard

/**
 * Why the focused element cannot be seen, or null if it can. `moved`: the
 * key moved focus (Tab, arrows), so the browser must have scrolled it into
 * view; other keys act where focus already is.
 */
async function focusProblem(page, moved) {
  return page.evaluate((moved) => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const name = `<${el.tagName.toLowerCase()}${el.id ? ` id=${el.id}` : ''}> "${(el.textContent || el.value || '').trim().slice(0, 40)}"`;
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return `${name} has no size`;
    if (moved && (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth)) {
      return `${name} is outside the viewport`;
    }
    const style = getComputedStyle(el);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) {
      return `${name} has no visible focus outline`;
    }
    return null;
  }, moved);
}

async function key(page, k) {
  await page.keyboard.press(k);
  const problem = await focusProblem(page, /Tab|Arrow/.test(k));
  assert.equal(problem, null, `after ${k}: ${problem}`);
}

async function isFocused(locator) {
  return locator.evaluateAll((els) => els.includes(document.activeElement));
}

const focused = (locator, message) => eventually(() => isFocused(locator), message);
const current = (page, stepKey) => eventually(
  async () => (await stepButton(page, stepKey).getAttribute('aria-current')) === 'step',
  `step "${ui[stepKey]}" is the current one`,
);

/**
 * Presses Tab (or Shift+Tab, if the target is above) until focus is on the
 * target, or on any of its elements if it matches several (a radio group).
 */
async function tabTo(page, target, { max = 400 } = {}) {
  await target.first().waitFor();
  for (let i = 0; i < max; i++) {
    const where = await target.evaluateAll((els) => {
      const active = document.activeElement;
      if (els.includes(active)) return 'here';
      if (!active || active === document.body) return 'below';
      const pos = els[0].compareDocumentPosition(active);
      return pos & Node.DOCUMENT_POSITION_FOLLOWING ? 'above' : 'below';
    });
    if (where === 'here') return;
    await key(page, where === 'above' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key in ${max} presses`);
}

async function press(page, target, k = 'Enter') {
  await tabTo(page, target);
  await key(page, k);
}

/** Chooses one radio in a group with Tab and the arrow keys. */
async function chooseRadio(page, group, name) {
  const option = group.getByRole('radio', { name, exact: true });
  await tabTo(page, group.getByRole('radio'));
  for (let i = 0; i < 12 && !(await isFocused(option)); i++) await key(page, 'ArrowDown');
  assert.ok(await isFocused(option), `arrow keys reach "${name}"`);
  if (!(await option.isChecked())) await key(page, 'Space');
  await eventually(() => option.isChecked(), `"${name}" is chosen`);
}

async function tick(page, group, name) {
  const box = group.getByRole('checkbox', { name, exact: true });
  await tabTo(page, box);
  if (!(await box.isChecked())) await key(page, 'Space');
  await eventually(() => box.isChecked(), `"${name}" is ticked`);
}

async function typeInto(page, field, text) {
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await eventually(async () => (await field.inputValue()) === text, `"${text}" is typed`);
}

// ---------------------------------------------------------------- the page

const group = (page, name) => page.getByRole('group', { name, exact: true });
// On a phone the list is folded: its buttons are found hidden too.
const stepButton = (page, key) =>
  page.getByRole('navigation', { name: ui.steps_label }).getByRole('button', { name: ui[key], includeHidden: true });
const live = (page) => page.locator('[role="status"][aria-live="polite"]');
const myList = (page) => page.getByRole('list', { name: ui.list_heading });
const entries = (page) => myList(page).getByRole('listitem');
const entry = (page, text) => entries(page).filter({ hasText: text });
const entryButton = (page, text, name) => entry(page, text).getByRole('button', { name, exact: true });
/** The status tag of a step in the step list. */
const stepStatus = (page, stepKey) => page.evaluate(
  (id) => document.getElementById(id).textContent,
  `mbc-status-${{ step_goals: 'goals', step_profile: 'profile', step_treatments: 'treatments', step_questions: 'questions', step_ready: 'ready' }[stepKey]}`,
);
/** Opens an entry's note box ("Add a note") if it is not open yet. */
async function noteBox(page, text) {
  const box = entry(page, text).getByLabel(ui.note_label);
  if (!(await box.count())) await press(page, entryButton(page, text, ui.note_add));
  return box;
}

/** The step's heading: the journey region is named by it. */
const stepHeading = (page, stepKey) => page.getByRole('region', { name: ui[stepKey], exact: true })
  .getByRole('heading', { level: 2, name: ui[stepKey], exact: true });

async function goToStep(page, stepKey) {
  const already = (await stepButton(page, stepKey).getAttribute('aria-current')) === 'step';
  // On a phone the step list is folded behind "All steps".
  if (!(await stepButton(page, stepKey).isVisible())) {
    const all = page.getByRole('button', { name: ui.steps_all });
    await press(page, all);
    assert.equal(await all.getAttribute('aria-expanded'), 'true');
  }
  await press(page, stepButton(page, stepKey));
  await current(page, stepKey);
  if (!already) await focused(stepHeading(page, stepKey), 'focus moves to the new step\'s heading');
}

async function nextStep(page, stepKey) {
  await press(page, page.getByRole('button', { name: ui.next_step }));
  await current(page, stepKey);
  await focused(stepHeading(page, stepKey), 'focus moves to the new step\'s heading');
}

async function hears(page, text) {
  await page.waitForFunction(
    ([expected]) => document.querySelector('[role="status"][aria-live="polite"]')?.textContent === expected,
    [text],
    { timeout: 3_000 },
  ).catch(async () => {
    assert.equal(await live(page).textContent(), text, 'the live region announces it');
  });
}

/** The list as the person sees it: each entry's text, with ★ for the top 3. */
async function listTexts(page) {
  return entries(page).evaluateAll((lis) => lis.map((li) => li.querySelector('p').textContent.trim()));
}

async function assertNoAxe(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe at ${where}`);
}

async function focusNotLost(page, what) {
  // Give the change time to render, then look.
  await page.waitForTimeout(100);
  const lost = await page.evaluate(() => document.activeElement === document.body || !document.activeElement);
  assert.equal(lost, false, `focus is not dropped to the page after ${what}`);
}

async function savedState(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k), STATE_KEY);
  return text && JSON.parse(text);
}

// ---------------------------------------------------------------- the tests

const OWN = 'Can I keep working during my treatment?';
const EDITED = 'Is there a clinical trial for me, close to home?';
const GOALS_OTHER = 'My daughter’s wedding in June';
const NOTE_OWN = 'Ask Dr. Lee at the next visit.';
const NOTE_HER2 = 'Report from March says HER2 1+.';
const TREATMENT_NOW = 'Letrozole and ribociclib since May';
/** "Change" and what it changes, with no stray colon (its second part is for screen readers). */
const changeName = (what) => new RegExp(`^${ui.change} ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const Q = {
  her2: 'her2-result',
  bone: 'spread-bone-medicine',
  brain: 'treatment-radiosurgery',
  trials: 'trials-fit-me',
  aim: 'goals-main-aim',
};

test('keyboard only, on a phone: the whole journey, then a reload keeps everything', async () => {
  const { page, context, errors } = await openPage(env, '', PHONE);
  await waitForWidget(page);
  await assertNoAxe(page, 'step 1, empty');

  // Step 1: what matters most.
  await chooseRadio(page, group(page, goal('shrink')), ui.rating_very);
  await chooseRadio(page, group(page, goal('quality')), ui.rating_very);
  await chooseRadio(page, group(page, goal('longer')), ui.rating_somewhat);
  // "What matters to me" is asked once, here, not in step 2 or 5.
  await chooseRadio(page, group(page, factor('preferences').title), 'Still thinking about it');
  await typeInto(page, page.getByLabel(ui.goals_other_label), GOALS_OTHER);
  await assertNoAxe(page, 'step 1, filled');
  assert.equal(await stepStatus(page, 'step_goals'), ui.status_completed, 'every step-1 question is answered');

  // Step 2: what I know about my cancer.
  await nextStep(page, 'step_profile');
  await assertNoAxe(page, 'step 2, empty');
  await chooseRadio(page, group(page, factor('hormone_receptor').title), 'Positive');
  await chooseRadio(page, group(page, factor('her2').title), 'Not sure');
  await tick(page, group(page, factor('spread').title), 'Bone');
  await tick(page, group(page, factor('spread').title), 'Spine');
  await tick(page, group(page, factor('past_treatments').title), 'Hormone therapy');
  await chooseRadio(page, group(page, factor('menopause').title), 'Yes, it is over');
  // The treatment now, in her own words, comes after the treatments she had.
  await typeInto(page, page.getByLabel(ui.treatment_now_label), TREATMENT_NOW);
  assert.equal(await group(page, factor('preferences').title).count(), 0, 'step 1 asked what matters');
  await assertNoAxe(page, 'step 2, filled');
  assert.equal(await stepStatus(page, 'step_profile'), ui.status_started, 'some of step 2 is unanswered');

  // Step 3: treatments to talk about.
  await nextStep(page, 'step_treatments');
  await assertNoAxe(page, 'step 3, empty');
  await chooseRadio(page, group(page, treatment('hormonal')), ui.treatment_discussed);
  await chooseRadio(page, group(page, treatment('chemo')), ui.treatment_ask);
  await chooseRadio(page, group(page, treatment('surgery')), ui.treatment_not_now);
  await chooseRadio(page, group(page, treatment('trials')), ui.treatment_ask);
  await chooseRadio(page, group(page, treatment('supportive')), ui.treatment_ask);
  await assertNoAxe(page, 'step 3, filled');

  // Step 4: suggestions with their reasons.
  await nextStep(page, 'step_questions');
  const suggestions = page.getByRole('list', { name: ui.suggestions_heading });
  const suggestion = (id) => suggestions.getByRole('listitem').filter({ hasText: question(id) });
  // The reason and the sources sit behind "Why this?".
  for (const [id, why] of [[Q.her2, reason('her2', 'not_sure')], [Q.bone, reason('spread', 'bone')]]) {
    assert.ok(!(await suggestion(id).textContent()).includes(why), 'the reason is folded');
    const button = suggestion(id).getByRole('button', { name: ui.why_this });
    await press(page, button);
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    await suggestion(id).getByText(why).waitFor();
  }
  assert.ok((await myList(page).count()) === 0, 'the list is empty');
  await page.getByText(ui.list_empty).waitFor();
  await assertNoAxe(page, 'step 4, empty list');

  // The first 10, best first; the rest on request, and focus goes to the
  // first card that appears.
  const shown = await suggestions.getByRole('listitem').count();
  assert.equal(shown, 10, 'the first 10 suggestions');
  const more = page.getByRole('button', { name: new RegExp(fill(ui.show_more, { count: '\\d+' })) });
  await press(page, more);
  await eventually(async () => (await suggestions.getByRole('listitem').count()) > shown, 'more suggestions show');
  await focused(suggestions.getByRole('listitem').nth(shown).locator('p').first(), 'focus moves to the first new card');
  assert.equal(await more.count(), 0, 'the button goes once everything shows');

  let n = 0;
  for (const id of [Q.her2, Q.bone, Q.brain, Q.trials, Q.aim]) {
    const add = suggestion(id).getByRole('button', { name: ui.add_question });
    assert.equal(await add.getAttribute('aria-pressed'), 'false');
    await press(page, add);
    n += 1;
    await hears(page, `${ui.added_announce} ${count(n, 0)}`);
    await eventually(async () => (await add.getAttribute('aria-pressed')) === 'true', '"Add" is a pressed toggle');
    await focused(add, 'focus stays on the toggle');
  }
  // Pressed again, it takes the question out; once more puts it back.
  await key(page, 'Enter');
  await hears(page, `${ui.removed_announce} ${count(n - 1, 0)}`);
  await focused(suggestion(Q.aim).getByRole('button', { name: ui.add_question }), 'focus stays on the toggle');
  await key(page, 'Enter');
  await hears(page, `${ui.added_announce} ${count(n, 0)}`);

  // Their own question.
  await typeInto(page, page.getByLabel(ui.own_label, { exact: true }), OWN);
  await key(page, 'Enter');
  n += 1;
  await hears(page, `${ui.added_announce} ${count(n, 0)}`);
  assert.equal(await page.getByLabel(ui.own_label, { exact: true }).inputValue(), '', 'the box empties');
  assert.deepEqual(await listTexts(page), [...[Q.her2, Q.bone, Q.brain, Q.trials, Q.aim].map(question), OWN]);

  // Three marked most important; they lead the list.
  for (const [i, text] of [OWN, question(Q.her2), question(Q.bone)].entries()) {
    const toggle = entryButton(page, text, ui.top3_toggle);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await press(page, toggle);
    await hears(page, count(n, i + 1));
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await focused(toggle, 'focus stays on the pressed button');
  }
  assert.deepEqual(await listTexts(page), [
    `★ ${OWN}`, `★ ${question(Q.her2)}`, `★ ${question(Q.bone)}`,
    question(Q.brain), question(Q.trials), question(Q.aim),
  ]);

  // A fourth cannot be marked.
  const fourth = entryButton(page, question(Q.trials), ui.top3_toggle);
  assert.equal(await fourth.getAttribute('aria-disabled'), 'true');
  assert.equal(await fourth.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.getByText(ui.top3_full).count(), 1, 'the limit is said once, by the count');
  assert.ok((await fourth.getAttribute('aria-describedby')).includes('mbc-top-full'), 'and describes the blocked button');
  await press(page, fourth);
  await page.waitForTimeout(100);
  assert.equal(await fourth.getAttribute('aria-pressed'), 'false', 'the press is ignored');
  assert.equal(await page.getByRole('button', { name: ui.top3_toggle, pressed: true }).count(), 3);

  // Reorder with Move up and Move down; focus follows the moved entry.
  const upBone = entryButton(page, question(Q.bone), ui.move_up);
  await press(page, upBone);
  await hears(page, fill(ui.moved_announce, { position: '2' }));
  await focused(upBone, 'focus stays on the moved entry\'s Move up');
  const downOwn = entryButton(page, OWN, ui.move_down);
  await press(page, downOwn);
  await hears(page, fill(ui.moved_announce, { position: '2' }));
  await focused(downOwn, 'focus stays on the moved entry\'s Move down');
  const upAim = entryButton(page, question(Q.aim), ui.move_up);
  await press(page, upAim);
  await hears(page, fill(ui.moved_announce, { position: '5' }));
  await focused(upAim, 'focus stays on Move up');
  assert.deepEqual(await listTexts(page), [
    `★ ${question(Q.bone)}`, `★ ${OWN}`, `★ ${question(Q.her2)}`,
    question(Q.brain), question(Q.aim), question(Q.trials),
  ]);
  // The first of a group cannot move up, nor cross into the top 3.
  for (const text of [question(Q.bone), question(Q.brain)]) {
    const up = entryButton(page, text, ui.move_up);
    assert.equal(await up.getAttribute('aria-disabled'), 'true');
    await press(page, up);
  }
  await page.waitForTimeout(100);
  assert.equal((await listTexts(page))[3], question(Q.brain), 'a move up from the first of the rest is ignored');

  // Edit a question.
  await press(page, entryButton(page, question(Q.trials), ui.edit));
  const editBox = myList(page).getByRole('textbox', { name: ui.edit, exact: true });
  await focused(editBox, 'focus moves into the edit box');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(EDITED);
  await key(page, 'Enter');
  await hears(page, ui.saved_announce);
  await focused(entryButton(page, EDITED, ui.edit), 'focus returns to Edit');

  // Remove one, then undo.
  await press(page, entryButton(page, question(Q.brain), ui.remove));
  await hears(page, `${ui.removed_announce} ${count(5, 3)}`);
  const undo = page.getByRole('button', { name: ui.undo });
  await focused(undo, 'focus moves to Undo');
  await key(page, 'Enter');
  await hears(page, `${ui.added_announce} ${count(6, 3)}`);
  await focusNotLost(page, 'undo');
  assert.deepEqual(await listTexts(page), [
    `★ ${question(Q.bone)}`, `★ ${OWN}`, `★ ${question(Q.her2)}`,
    question(Q.brain), question(Q.aim), EDITED,
  ]);

  // Notes, behind "Add a note", which moves focus into the box.
  assert.equal(await entry(page, OWN).getByLabel(ui.note_label).count(), 0, 'no empty note boxes');
  await press(page, entryButton(page, OWN, ui.note_add));
  await focused(entry(page, OWN).getByLabel(ui.note_label), 'focus moves into the note box');
  await typeInto(page, await noteBox(page, OWN), NOTE_OWN);
  await typeInto(page, await noteBox(page, question(Q.her2)), NOTE_HER2);
  await assertNoAxe(page, 'step 4, filled list');

  // Step 5: one "no", and its questions added.
  await nextStep(page, 'step_ready');
  await assertNoAxe(page, 'step 5, empty');
  // What the visit is for: the first question of the step.
  await key(page, 'Tab');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'radio', 'the first Tab is the visit question');
  await chooseRadio(page, group(page, ui.visit_legend), ui.visit_second_opinion);
  const ready = (id) => group(page, en.readiness.find((r) => r.id === id).text);
  await chooseRadio(page, ready('sure'), ui.ready_yes);
  await chooseRadio(page, ready('understand'), ui.ready_no);
  assert.equal(await ready('values').count(), 0, 'step 1 asked what matters');
  await chooseRadio(page, ready('support'), ui.ready_yes);
  const helps = en.readiness.find((r) => r.id === 'understand').helps;
  await ready('understand').getByText(ui.ready_helps).waitFor();
  await assertNoAxe(page, 'step 5, with a "no"');
  await press(page, ready('understand').getByRole('button', { name: ui.add_all }));
  await hears(page, `${ui.added_announce} ${count(6 + helps.length, 3)}`);
  await focusNotLost(page, 'adding the questions that help');
  assert.equal(await ready('understand').getByText(ui.added).count(), helps.length);
  await assertNoAxe(page, 'step 5, filled');

  // "Check your answers" says what she knows as the sheet does ("HER2
  // status: Not sure"), each with its own Change, which goes to the step.
  const check = page.getByRole('region', { name: ui.check_heading });
  const her2 = factor('her2');
  assert.equal(await check.getByText(her2.title).count(), 0, 'not the checklist\'s question');
  for (const [term, value] of [
    [ui.about_visit, ui.visit_second_opinion], [ui.about_her2, 'Not sure'], [ui.about_treatment_now, TREATMENT_NOW],
  ]) {
    const row = check.getByRole('term').filter({ hasText: term });
    assert.equal(await row.count(), 1, `one row for ${term}`);
    assert.equal(await check.getByRole('definition').filter({ hasText: value }).count() >= 1, true, value);
  }
  await press(page, check.getByRole('button', { name: changeName(ui.about_her2) }));
  await current(page, 'step_profile');
  await focused(stepHeading(page, 'step_profile'), 'Change goes to step 2\'s heading');
  await goToStep(page, 'step_ready');
  // Change on the reason stays in this step and goes to its heading, just
  // above the question.
  await press(page, check.getByRole('button', { name: changeName(ui.about_visit) }));
  await focused(stepHeading(page, 'step_ready'), 'Change on the reason goes to the step\'s heading');

  // Back to the list and forth again: focus goes to each step's heading,
  // not to a button that moved earlier.
  await goToStep(page, 'step_questions');
  await page.waitForTimeout(100);
  await focused(stepHeading(page, 'step_questions'), 'focus stays on the heading of step 4');
  await goToStep(page, 'step_ready');

  // A reload keeps everything, once the last change (the step) is saved.
  await waitForSave(page, 's.state.step === "ready"', 'step 5');
  const expectedList = [
    `★ ${question(Q.bone)}`, `★ ${OWN}`, `★ ${question(Q.her2)}`,
    question(Q.brain), question(Q.aim), EDITED, ...helps.map(question),
  ];
  await page.reload();
  await waitForWidget(page);
  assert.equal(await stepButton(page, 'step_ready').getAttribute('aria-current'), 'step', 'the same step');
  assert.ok(await ready('sure').getByRole('radio', { name: ui.ready_yes }).isChecked());
  assert.ok(await ready('understand').getByRole('radio', { name: ui.ready_no }).isChecked());
  assert.ok(await ready('support').getByRole('radio', { name: ui.ready_yes }).isChecked());
  assert.ok(await group(page, ui.visit_legend).getByRole('radio', { name: ui.visit_second_opinion }).isChecked());

  await goToStep(page, 'step_questions');
  assert.deepEqual(await listTexts(page), expectedList, 'the list, in order, with its top 3');
  assert.equal(await page.getByRole('button', { name: ui.top3_toggle, pressed: true }).count(), 3);
  assert.equal(await entry(page, OWN).getByLabel(ui.note_label).inputValue(), NOTE_OWN);
  assert.equal(await entry(page, question(Q.her2)).getByLabel(ui.note_label).inputValue(), NOTE_HER2);
  assert.equal(await entry(page, EDITED).getByLabel(ui.note_label).count(), 0, 'an empty note stays folded');
  await entryButton(page, EDITED, ui.note_add).waitFor();

  await goToStep(page, 'step_goals');
  assert.ok(await group(page, goal('shrink')).getByRole('radio', { name: ui.rating_very }).isChecked());
  assert.ok(await group(page, goal('quality')).getByRole('radio', { name: ui.rating_very }).isChecked());
  assert.ok(await group(page, goal('longer')).getByRole('radio', { name: ui.rating_somewhat }).isChecked());
  assert.equal(await page.getByLabel(ui.goals_other_label).inputValue(), GOALS_OTHER);
  assert.ok(await group(page, factor('preferences').title).getByRole('radio', { name: 'Still thinking about it' }).isChecked());

  await goToStep(page, 'step_profile');
  const checked = (name, label) => group(page, factor(name).title).getByRole(
    factor(name).multiple ? 'checkbox' : 'radio', { name: label, exact: true }).isChecked();
  assert.ok(await checked('hormone_receptor', 'Positive'));
  assert.ok(await checked('her2', 'Not sure'));
  assert.ok(await checked('spread', 'Bone'));
  assert.ok(await checked('spread', 'Spine'));
  assert.ok(!(await checked('spread', 'Liver')));
  assert.ok(await checked('past_treatments', 'Hormone therapy'));
  assert.ok(await checked('menopause', 'Yes, it is over'));
  assert.equal(await page.getByLabel(ui.treatment_now_label).inputValue(), TREATMENT_NOW);

  await goToStep(page, 'step_treatments');
  const marked = (id, label) => group(page, treatment(id)).getByRole('radio', { name: label }).isChecked();
  assert.ok(await marked('hormonal', ui.treatment_discussed));
  assert.ok(await marked('chemo', ui.treatment_ask));
  assert.ok(await marked('surgery', ui.treatment_not_now));
  assert.ok(await marked('trials', ui.treatment_ask));
  assert.ok(await marked('supportive', ui.treatment_ask));
  // A step counts as done only when every question in it is answered: step
  // 1 (all), step 4 (a list) and step 5 (all) are; steps 2 and 3 are started.
  const progress = fill(ui.progress, { current: '3', total: '5', done: '3' });
  await page.getByText(progress).waitFor();
  const statuses = {};
  for (const k of ['step_goals', 'step_profile', 'step_treatments', 'step_questions', 'step_ready']) statuses[k] = await stepStatus(page, k);
  assert.deepEqual(statuses, {
    step_goals: ui.status_completed, step_profile: ui.status_started, step_treatments: ui.status_started,
    step_questions: ui.status_completed, step_ready: ui.status_completed,
  });

  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});

/** Adds the person's own question on step 4, by keyboard. */
async function addOwn(page, text) {
  await typeInto(page, page.getByLabel(ui.own_label, { exact: true }), text);
  await key(page, 'Enter');
  await entry(page, text).waitFor();
}

test('two tabs: an edit in one shows in the other, and neither overwrites the newer edit', async () => {
  const context = await env.browser.newContext(DESKTOP);
  const a = await context.newPage();
  const b = await context.newPage();
  const errors = [];
  for (const p of [a, b]) p.on('pageerror', (e) => errors.push(String(e)));
  await a.goto(env.server.url);
  await waitForWidget(a);
  await goToStep(a, 'step_questions');
  await addOwn(a, 'From tab A');
  await waitForSave(a, 's.state.list.length === 1', 'the first question');

  await b.bringToFront();
  await b.goto(env.server.url);
  await waitForWidget(b);
  await current(b, 'step_questions');
  assert.deepEqual(await listTexts(b), ['From tab A']);

  // An edit in A shows up in B.
  await a.bringToFront();
  await typeInto(a, await noteBox(a, 'From tab A'), 'Note written in A');
  await waitForSave(a, 's.state.list[0].note === "Note written in A"', 'A\'s note');
  const revA = (await savedState(a)).rev;
  await b.waitForFunction(
    ([label]) => [...document.querySelectorAll('textarea')].some((t) => t.value === label),
    ['Note written in A'],
    { timeout: 3_000 },
  );
  assert.equal(await entry(b, 'From tab A').getByLabel(ui.note_label).inputValue(), 'Note written in A');
  await b.waitForTimeout(SAVED);
  assert.equal((await savedState(b)).rev, revA, 'B adopts A\'s save without writing it back');

  // An edit in B shows up in A, and keeps A's note.
  await b.bringToFront();
  await addOwn(b, 'From tab B');
  await waitForSave(b, 's.state.list.length === 2', 'B\'s question');
  await entry(a, 'From tab B').waitFor({ timeout: 3_000 });
  assert.deepEqual(await listTexts(a), ['From tab A', 'From tab B']);
  assert.equal(await entry(a, 'From tab A').getByLabel(ui.note_label).inputValue(), 'Note written in A');

  // A edits again; B, reloaded, has A's newer edit and B's stale view did not
  // overwrite it.
  await a.bringToFront();
  await typeInto(a, await noteBox(a, 'From tab B'), 'A answers B');
  await waitForSave(a, 's.state.list[1].note === "A answers B"', 'A\'s second note');
  await b.waitForTimeout(SAVED);
  await b.bringToFront();
  await b.reload();
  await waitForWidget(b);
  assert.deepEqual(await listTexts(b), ['From tab A', 'From tab B']);
  assert.equal(await entry(b, 'From tab B').getByLabel(ui.note_label).inputValue(), 'A answers B');
  assert.equal(await entry(b, 'From tab A').getByLabel(ui.note_label).inputValue(), 'Note written in A');
  await a.waitForTimeout(SAVED);
  const final = await savedState(a);
  assert.deepEqual(final.state.list.map((e) => e.note), ['Note written in A', 'A answers B']);
  assert.equal(await entry(a, 'From tab B').getByLabel(ui.note_label).inputValue(), 'A answers B');

  // "Don't save on this device" in B: A keeps its screen, and saving is off
  // there too. Turned back on in B, the list is saved again.
  await b.bringToFront();
  await b.getByRole('checkbox', { name: ui.dont_save }).check();
  await a.getByRole('checkbox', { name: ui.dont_save, checked: true }).waitFor({ timeout: 3_000 });
  assert.deepEqual(await listTexts(a), ['From tab A', 'From tab B'], 'A keeps its list');
  assert.equal(await a.evaluate((k) => localStorage.getItem(k), STATE_KEY), null, 'nothing saved');
  await b.getByRole('checkbox', { name: ui.dont_save }).uncheck();
  await a.getByRole('checkbox', { name: ui.dont_save, checked: false }).waitFor({ timeout: 3_000 });
  await waitForSave(b, 's.state.list.length === 2', 'the list, saved again');

  // Clearing in one tab clears the other.
  await press(b, b.getByRole('button', { name: ui.clear_button }));
  await press(b, b.getByRole('dialog').getByRole('button', { name: ui.clear_confirm }));
  // Everything goes, the step too.
  await current(a, 'step_goals');
  await goToStep(a, 'step_questions');
  await a.getByText(ui.list_empty).waitFor();
  assert.equal(await myList(a).count(), 0);

  assert.deepEqual(errors, []);
  await context.close();
});

test('clear everything: Escape keeps the answers, confirming leaves nothing of the person', async () => {
  const { page, context, errors } = await openPage(env, '', DESKTOP);
  await waitForWidget(page);
  await chooseRadio(page, group(page, goal('quality')), ui.rating_very);
  await typeInto(page, page.getByLabel(ui.goals_other_label), GOALS_OTHER);
  await goToStep(page, 'step_questions');
  await addOwn(page, OWN);
  await typeInto(page, await noteBox(page, OWN), NOTE_OWN);
  await waitForSave(page, 's.state.list[0].note !== ""', 'the note');

  // Open, look around, and close with Escape.
  const clear = page.getByRole('button', { name: ui.clear_button });
  const dialog = page.getByRole('dialog', { name: ui.clear_button });
  await press(page, clear);
  await dialog.waitFor();
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus is inside the dialog');
  assert.ok(await dialog.getAttribute('aria-describedby'), 'the dialog is described by its text');
  await page.getByText(ui.clear_text).waitFor();
  await assertNoAxe(page, 'the clear dialog');
  // The page behind is inert: Tab visits the dialog's buttons (and, as
  // browsers do for a modal dialog, the browser's own controls), nothing else.
  for (let i = 0; i < 6; i++) {
    await key(page, 'Tab');
    const where = await dialog.evaluate((d) => {
      const a = document.activeElement;
      return d.contains(a) || a === document.body ? 'ok' : a.outerHTML.slice(0, 80);
    });
    assert.equal(where, 'ok', 'Tab never leaves the dialog for the page behind it');
  }
  await key(page, 'Escape');
  await dialog.waitFor({ state: 'hidden' });
  await focused(clear, 'focus returns to the button that opened it');
  assert.equal(await entry(page, OWN).getByLabel(ui.note_label).inputValue(), NOTE_OWN, 'answers kept');
  await page.waitForTimeout(SAVED);
  assert.ok(await savedState(page), 'the save is still there');

  // "Keep my answers" also keeps them.
  await key(page, 'Enter');
  await dialog.waitFor();
  await press(page, dialog.getByRole('button', { name: ui.clear_cancel }));
  await dialog.waitFor({ state: 'hidden' });
  await focused(clear, 'focus returns to the button again');
  assert.equal(await listTexts(page).then((l) => l.length), 1);

  // Now clear.
  await key(page, 'Enter');
  await dialog.waitFor();
  await press(page, dialog.getByRole('button', { name: ui.clear_confirm }));
  await dialog.waitFor({ state: 'hidden' });
  await hears(page, ui.clear_done);
  await focusNotLost(page, 'clearing');
  // Back to the start, with nothing filled in.
  await current(page, 'step_goals');
  assert.equal(await page.getByLabel(ui.goals_other_label).inputValue(), '');
  assert.equal(await group(page, goal('quality')).getByRole('radio', { name: ui.rating_very }).isChecked(), false);
  await page.waitForTimeout(SAVED);
  const ours = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mbc-guide:')));
  assert.deepEqual(ours, [], 'nothing of ours is left in storage');

  await page.reload();
  await waitForWidget(page);
  assert.equal(await stepButton(page, 'step_goals').getAttribute('aria-current'), 'step');
  assert.equal(await page.getByLabel(ui.goals_other_label).inputValue(), '');
  assert.equal(await group(page, goal('quality')).getByRole('radio', { name: ui.rating_very }).isChecked(), false);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mbc-guide:')).length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe finds nothing on any step of an empty journey, on a phone and on a desktop', async () => {
  for (const options of [PHONE, DESKTOP]) {
    const { page, context } = await openPage(env, '', options);
    await waitForWidget(page);
    for (const step of ['step_goals', 'step_profile', 'step_treatments', 'step_questions', 'step_ready']) {
      await goToStep(page, step);
      await assertNoAxe(page, `${step}, empty, ${options.viewport.width} px`);
    }
    await context.close();
  }
});
