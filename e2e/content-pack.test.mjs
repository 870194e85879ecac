// A hospital's own content pack, named by the host: used when sound; when
// unreachable or hostile, the built-in content shows, the console names
// the problem, and a small notice tells the page owner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUp, waitForWidget, compileLocalPack, validator, LOCAL_QUESTION, ROOT } from './harness.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'content', 'en.json'), 'utf8'));
const packs = mkdtempSync(join(tmpdir(), 'mbc-packs-'));

compileLocalPack(packs);
// A hostile pack never compiles…
const hostile = structuredClone(en);
hostile.meta.tagline = '<script>window.pwned = 1</script>';
writeFileSync(join(packs, 'hostile.json'), JSON.stringify(hostile));
let refused = '';
try { validator(join(packs, 'hostile.json'), '--compile', join(packs, 'hostile.pack')); } catch (e) { refused = String(e.stdout); }
// …so serve the raw JSON, and a cut-off compiled file, as a careless host might.
writeFileSync(join(packs, 'truncated.pack'), readFileSync(join(packs, 'local.pack')).subarray(0, 5000));
// A pack compiled by a newer validator: the byte after `mbc-pack` is its
// pack format (src/content/mod.rs, PACK_FORMAT, today 1).
const newer = Buffer.from(readFileSync(join(packs, 'local.pack')));
assert.equal(newer.subarray(0, 9).toString('latin1'), 'mbc-pack\x01');
newer[8] = 2;
writeFileSync(join(packs, 'newer.pack'), newer);

let env;
before(async () => { env = await setUp({ extraRoots: { '/packs/': packs } }); });
after(async () => {
  await env?.close();
  rmSync(packs, { recursive: true, force: true });
});

async function open(pack) {
  const context = await env.browser.newContext();
  // The deployment names the pack (mbc-settings.json next to the page): a
  // link to the page opened on its own may not (EMBEDDING.md, Settings).
  await context.route('**/mbc-settings.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ 'content-pack': pack }),
  }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(env.server.url);
  await waitForWidget(page);
  return { context, page, errors };
}

test('the validator refuses to compile a hostile pack', () => {
  assert.match(refused, /HTML/);
  assert.match(refused, /not compiled/);
});

test("a sound hospital pack adds its own questions", async () => {
  const { context, page, errors } = await open('/packs/local.pack');
  await page.getByRole('button', { name: new RegExp(en.ui.step_questions) }).first().click();
  // The whole bank is folded behind its heading.
  await page.getByText(en.ui.browse_heading, { exact: true }).click();
  await page.getByRole('searchbox', { name: en.ui.search_label }).fill('parking');
  await page.getByText(LOCAL_QUESTION).waitFor();
  assert.deepEqual(errors, []);
  assert.equal(await page.getByText(en.ui.pack_error).count(), 0);
  await context.close();
});

for (const [name, why] of [
  ['hostile.json', 'not a compiled pack'],
  ['truncated.pack', 'damaged'],
  ['missing.pack', 'server answered 404'],
  // Both formats and the command, for the host; the notice for people.
  ['newer.pack', 'compiled in pack format 2, and this widget reads pack format 1: compile it from its JSON with this widget\'s version of `mbc-validate-pack <pack.json> --compile <out.pack>`'],
]) {
  test(`a ${name} pack falls back to the built-in content with a notice`, async () => {
    const { context, page, errors } = await open(`/packs/${name}`);
    await page.getByText(en.ui.pack_error).waitFor();
    await page.getByRole('heading', { name: en.meta.title, level: 1 }).waitFor();
    assert.ok(errors.some((e) => e.includes(`content-pack="/packs/${name}"`) && e.includes(why)), `the console names the problem: ${errors.join(' | ')}`);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await context.close();
  });
}
