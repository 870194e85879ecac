// The phone figures of issue 15, measured on a 390×844 phone against a
// release build (MBC_DIST picks another build's folder, so a "before" build
// can be measured the same way): where the first control is and how many Tab
// presses reach it, the page height at each step for a test patient with a
// full profile and 6 questions, the step-4 height, and the printed pages for
// 6 and 8 questions. Prints JSON. Not a test: the limits live in
// e2e/figures.test.mjs.
//
//   node bench/journey-figures.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { setUp, ROOT, ARTIFACTS } from '../e2e/harness.mjs';
import { PHONE, patientState, seeded } from '../e2e/figures.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const env = await setUp();
const out = { phone: '390x844' };
try {
  // A first visit.
  {
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForSelector('#mbc-guide[data-ready="true"]');
    out.first_load_height = await page.evaluate(() => document.documentElement.scrollHeight);
    const firstOf = async (selector) => page.evaluate((sel) => {
      const el = document.querySelector('#mbc-guide').querySelector(sel) ?? document.querySelector(sel);
      return el ? Math.round(el.getBoundingClientRect().top + scrollY) : null;
    }, selector);
    out.first_radio_y = await firstOf('.mbc-journey input[type=radio]');
    out.start_button_y = await firstOf('.mbc-button--start');
    // Tab presses from the top of the page to the first radio.
    let presses = 0;
    for (; presses < 200; presses++) {
      const onRadio = await page.evaluate(() => document.activeElement?.matches?.('input[type=radio]'));
      if (onRadio) break;
      await page.keyboard.press('Tab');
    }
    out.tab_presses_to_first_radio = presses;
    await context.close();
  }
  // The test patient, at every step.
  out.page_height = {};
  out.journey_height = {};
  for (const step of ['goals', 'profile', 'treatments', 'questions', 'ready']) {
    const { context, page } = await seeded(env, patientState(en, 6, step));
    out.page_height[step] = await page.evaluate(() => document.documentElement.scrollHeight);
    out.journey_height[step] = await page.evaluate(() => Math.round(document.querySelector('.mbc-journey').getBoundingClientRect().height));
    if (step === 'questions') {
      out.step4_filled_buttons = await page.evaluate(() => [...document.querySelectorAll('#mbc-guide button')]
        .filter((b) => b.getBoundingClientRect().height > 0 && getComputedStyle(b).color === 'rgb(255, 255, 255)').length);
      out.step4_suggestion_cards = await page.locator('.mbc-journey .mbc-questions').first().locator('> li').count();
    }
    await context.close();
  }
  // Printed pages.
  out.sheet_pages = {};
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const n of [6, 8]) {
    for (const format of ['A4', 'Letter']) {
      const { context, page } = await seeded(env, patientState(en, n, 'ready'));
      const pdf = join(ARTIFACTS, `figures-sheet-${n}-${format}.pdf`);
      writeFileSync(pdf, await page.pdf({ format, printBackground: true, preferCSSPageSize: format === 'A4' }));
      out.sheet_pages[`${n}_${format}`] = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
      await context.close();
    }
  }
} finally {
  await env.close();
}
console.log(JSON.stringify(out, null, 2));
