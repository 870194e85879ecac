// WCAG 2.2 AA checks that axe cannot make on its own: reflow at 320 CSS px,
// text-spacing overrides, target sizes, forced colours, reduced motion, and
// axe over states the journey tests do not reach (Spanish, sensitive
// questions shown, the print view).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, waitForWidget, axeViolations, ROOT } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const es = JSON.parse(readFileSync(join(ROOT, 'content', 'es.json'), 'utf8'));
const KEY = 'mbc-guide:default:state';

/** A list of 8 questions (3 most important, notes), on the questions step. */
function seeded(step = 'questions', large = false) {
  const list = en.questions.filter((q) => !q.sensitive).slice(0, 8).map((q, i) => ({ id: i, question: q.id, top: i < 3, note: i ? '' : 'A note.' }));
  return JSON.stringify({
    format: 'mbc-guide/state', version: 1, rev: 1, saved_at: 0,
    state: {
      answers: { goals: { longer: 'very', quality: 'somewhat' }, goals_other: 'My daughter’s wedding', factors: { her2: ['not_sure'], spread: ['bone', 'brain'] }, treatments: { trials: 'ask' } },
      list, next_id: 8, show_sensitive: true, step, readiness: { sure: false }, large_print: large,
    },
  });
}

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

async function open({ viewport = { width: 1024, height: 800 }, saved = seeded(), ...options } = {}) {
  const context = await env.browser.newContext({ viewport, ...options });
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) { localStorage.setItem(key, value); sessionStorage.setItem('seeded', '1'); }
  }, [KEY, saved]);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForWidget(page);
  return { context, page };
}

async function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}

test('at 320 CSS px wide nothing scrolls sideways, on every step (1.4.10)', async () => {
  const { context, page } = await open({ viewport: { width: 320, height: 640 } });
  for (const large of [false, true]) {
    for (const key of ['step_goals', 'step_profile', 'step_treatments', 'step_questions', 'step_ready']) {
      // At this width the step list is folded behind "All steps".
      await page.getByRole('button', { name: en.ui.steps_all }).click();
      await page.getByRole('navigation', { name: en.ui.steps_label }).getByRole('button', { name: en.ui[key] }).click();
      assert.ok(await noHorizontalScroll(page), `no sideways scrolling on ${key}${large ? ', larger text' : ''}`);
    }
    // And again with the larger on-screen text.
    if (!large) await page.getByRole('button', { name: en.ui.text_size }).click();
  }
  await context.close();
});

test('text spacing overrides lose nothing (1.4.12)', async () => {
  const { context, page } = await open({ viewport: { width: 390, height: 800 } });
  await page.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }' });
  assert.ok(await noHorizontalScroll(page), 'still no sideways scrolling');
  // Taller lines clip below as often as wider letters clip at the side (a
  // fixed height with overflow hidden), so both directions are checked.
  const clipped = await page.evaluate(() => [...document.querySelectorAll('button, label, legend, p, h1, h2, h3, li')]
    .filter((el) => el.offsetParent && getComputedStyle(el).overflow !== 'visible')
    .filter((el) => el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2)
    .map((el) => el.textContent.slice(0, 40)));
  assert.deepEqual(clipped, [], 'no text is cut off');
  await context.close();
});

test('every control is at least 24×24 CSS px, and buttons at least 44 px tall (2.5.8)', async () => {
  const { context, page } = await open({ viewport: { width: 390, height: 800 } });
  const small = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, summary, a[href]')]
    .filter((el) => el.offsetParent && !el.classList.contains('mbc-term') && !el.closest('p, li:not(.mbc-entry):not(.mbc-question), dd'))
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ el, r }) => {
      const label = el.closest('label');
      const box = label ? label.getBoundingClientRect() : r;
      return box.width < 24 || box.height < 24 || (el.tagName === 'BUTTON' && r.height < 44);
    })
    .map(({ el, r }) => `${el.tagName} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  await context.close();
});

test('in forced-colours mode every control stays visible', async () => {
  const { context, page } = await open({ forcedColors: 'active' });
  const invisible = await page.evaluate(() => [...document.querySelectorAll('button, input, textarea')]
    .filter((el) => el.offsetParent)
    .filter((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return r.width < 1 || r.height < 1 || s.visibility === 'hidden' || s.opacity === '0';
    }).map((el) => el.outerHTML.slice(0, 60)));
  assert.deepEqual(invisible, []);
  // Forced colours paint buttons and fields in the page's own background, so
  // a border is their only edge. Glossary words are buttons that read as text
  // (no edge by design); radios and checkboxes draw their own.
  const edgeless = await page.evaluate(() => [...document.querySelectorAll('button:not(.mbc-term), textarea, input:not([type=radio]):not([type=checkbox])')]
    .filter((el) => el.offsetParent)
    .filter((el) => {
      const s = getComputedStyle(el);
      return ['Top', 'Right', 'Bottom', 'Left'].some((side) => ['none', 'hidden'].includes(s[`border${side}Style`]) || parseFloat(s[`border${side}Width`]) < 1);
    }).map((el) => el.outerHTML.slice(0, 60)));
  assert.deepEqual(edgeless, [], 'every button and field keeps a border in forced colours');
  // Fills are dropped in forced colours: the current step and the pressed
  // buttons need a mark that survives, an outline.
  const unmarked = await page.evaluate(() => [...document.querySelectorAll('[aria-current="step"], button[aria-pressed="true"]')]
    .filter((el) => el.offsetParent)
    .filter((el) => { const s = getComputedStyle(el); return s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2; })
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unmarked, [], 'the current step and pressed buttons keep a mark in forced colours');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('with reduced motion nothing animates', async () => {
  const { context, page } = await open({ reducedMotion: 'reduce' });
  const moving = await page.evaluate(() => [...document.querySelectorAll('.mbc *')]
    .filter((el) => { const s = getComputedStyle(el); return parseFloat(s.transitionDuration) > 0 || s.animationName !== 'none'; })
    .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`));
  assert.deepEqual(moving, [], 'these still animate or transition');
  await context.close();
});

test('axe: sensitive questions shown, suggestions, and the filled list, in English and Spanish', async () => {
  const { context, page } = await open();
  assert.deepEqual(await axeViolations(page), [], 'English');
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { name: es.meta.title, level: 1 }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'Spanish');
  await context.close();
});

test('axe: the print view', async () => {
  const { context, page } = await open();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await page.locator('.mbc-print').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('focus is drawn with a 3 px outline that contrasts with the page', async () => {
  const { context, page } = await open();
  await page.keyboard.press('Tab');
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
  });
  assert.notEqual(style.style, 'none');
  assert.ok(style.width >= 2, `outline ${style.width}px`);
  assert.equal(style.color, 'rgb(27, 27, 27)', 'the outline is near-black on white (16:1)');
  await context.close();
});

test('the accessible tree of the key screens reads as a screen reader should hear it', async () => {
  const { context, page } = await open();
  const nav = await page.getByRole('navigation', { name: en.ui.steps_label }).ariaSnapshot();
  for (const key of ['step_goals', 'step_profile', 'step_treatments', 'step_questions', 'step_ready']) {
    assert.ok(nav.includes(`button "${en.ui[key]}"`), `the steps list names ${key}:\n${nav}`);
  }
  const list = await page.getByRole('list', { name: en.ui.list_heading }).ariaSnapshot();
  assert.match(list, /listitem/);
  assert.match(list, new RegExp(`button "${en.ui.move_up}"`));
  assert.match(list, new RegExp(`button "${en.ui.top3_toggle}" \\[pressed\\]`), 'most important is a pressed toggle');
  assert.match(list, new RegExp(`textbox "${en.ui.note_label}"`));
  await page.getByRole('navigation', { name: en.ui.steps_label }).getByRole('button', { name: en.ui.step_profile }).click();
  const her2 = en.guide.factors.items.find((f) => f.id === 'her2');
  const group = await page.getByRole('group', { name: her2.title }).ariaSnapshot();
  assert.match(group, /radio "[^"]+" \[checked\]/, 'answers are radios in a named group, with their state');
  for (const option of her2.options) assert.ok(group.includes(`radio "${option.label}"`), option.label);
  await context.close();
});

test('the question bank\'s rows and the list\'s entries below the screen stay in the browser\'s accessibility tree', async () => {
  // Chromium leaves content skipped by `content-visibility: auto` out of
  // its accessibility tree (not just unrendered): a screen reader would not
  // find the rows or entries below the screen. Neither uses it.
  const { context, page } = await open();
  const bank = page.locator('details', { has: page.getByRole('heading', { name: en.ui.browse_heading, exact: true }) });
  await bank.evaluate((d) => { d.open = true; d.querySelectorAll('details').forEach((t) => { t.open = true; }); });
  const last = en.questions.filter((q) => q.topic === en.topics[en.topics.length - 1].id).pop();
  await bank.getByRole('listitem').filter({ hasText: last.text }).waitFor({ state: 'attached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const cdp = await context.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  for (const [role, name, atLeast] of [
    ['button', en.ui.add_question, 100], ['button', en.ui.why_this, 100],
    ['button', en.ui.move_up, 8], ['button', en.ui.remove, 8],
  ]) {
    const inDom = await page.getByRole(role, { name, exact: true }).count();
    assert.ok(inDom >= atLeast, `${inDom} ${role}s "${name}"`);
    const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId: root.nodeId, accessibleName: name, role });
    assert.equal(nodes.filter((n) => !n.ignored).length, inDom, `every ${role} "${name}", on screen or not, is in the accessibility tree`);
  }
  await context.close();
});
