// The test patient of the usability review (shared by the figures test and
// bench/journey-figures.mjs): a full profile, every treatment marked, and
// `n` questions in the list (n - 1 from the bank, 1 of her own), 3 of them
// most important and one with a note.

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
export const KEY = 'mbc-guide:default:state';

// `extra` adds version 3's fields (`visit`, `treatment_now`, `print_qr`).
export function patientState(en, n, step = 'questions', extra = null) {
  const bank = en.questions.filter((q) => !q.sensitive).slice(0, n - 1);
  const list = bank.map((q, i) => ({ id: i, question: q.id, top: i < 3, note: i === 0 ? 'Report from March says HER2 1+.' : '' }));
  list.push({ id: n - 1, text: 'Can I keep working during my treatment?', top: false, note: '' });
  const has = (factor, option) => en.guide.factors.items.find((f) => f.id === factor)?.options.some((o) => o.id === option);
  const pick = (factor, ...options) => options.filter((o) => has(factor, o));
  const factors = {
    hormone_receptor: pick('hormone_receptor', 'positive'),
    her2: pick('her2', 'low'),
    spread: pick('spread', 'bone', 'liver'),
    history: pick('history', 'recurrence'),
    past_treatments: pick('past_treatments', 'hormonal'),
    grew_on: pick('grew_on', 'hormonal'),
    symptoms: pick('symptoms', 'pain', 'tired'),
    overall_health: pick('overall_health', 'good'),
    menopause: pick('menopause', 'post'),
    preferences: pick('preferences', 'thinking'),
  };
  for (const k of Object.keys(factors)) if (!factors[k].length) delete factors[k];
  const treatments = Object.fromEntries(
    [...en.guide.treatments.items.map((t) => t.id), 'supportive', 'complementary'].map((id, i) => [id, ['discussed', 'ask', 'not_now'][i % 3]]),
  );
  return JSON.stringify({
    format: 'mbc-guide/state', version: extra ? 3 : 1, rev: 1, saved_at: 0,
    state: {
      answers: { goals: { shrink: 'very', quality: 'very', longer: 'somewhat' }, goals_other: 'My daughter’s wedding in June', factors, treatments },
      list, next_id: n, show_sensitive: false, step, readiness: {}, large_print: false, ...extra,
    },
  });
}

/** A fresh phone whose storage holds `saved`, opened (at `path`) and ready. */
export async function seeded(env, saved, options = PHONE, path = '') {
  const context = await env.browser.newContext(options);
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, saved]);
  const page = await context.newPage();
  await page.goto(env.server.url + path);
  await page.waitForSelector('#mbc-guide[data-ready="true"]', { timeout: 30_000 });
  return { context, page };
}
