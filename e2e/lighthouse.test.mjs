// The Lighthouse gate of issue 7: Lighthouse 12.2.3, default (mobile) config,
// against the release build served with brotli or gzip from 127.0.0.1, must
// score 1 for accessibility and 1 for best practices. One run, the same code
// as bench/lighthouse.mjs. Performance is not gated: its score moves with the
// load of the machine, and a gate that fails on a busy runner teaches people
// to ignore it (bench/report.sh measures it instead).
//
// With Debian's Chromium a few zero-weight audits error (`frame_sequence`
// traces); they do not count towards a category score, so they are reported
// here only if they carry weight in the two categories we gate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCompressedServer } from '../bench/compressed-server.mjs';
import { runOnce, failedAudits } from '../bench/lighthouse.mjs';
import { DIST } from './harness.mjs';

const GATED = ['accessibility', 'best-practices'];

/** Weighted audits of a category that errored: they leave its score empty. */
function erroredAudits(lhr, category) {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.scoreDisplayMode === 'error')
    .map((ref) => ({ id: ref.id, title: lhr.audits[ref.id].title, error: lhr.audits[ref.id].errorMessage }));
}

test('Lighthouse (mobile, served compressed): accessibility 1 and best practices 1', async () => {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run scripts/build.sh first');
  }
  const server = await startCompressedServer({ root: DIST });
  // In a temporary folder of its own, to see that the run leaves nothing
  // there (Chromium's folders filled the disk before).
  const temp = mkdtempSync(join(tmpdir(), 'mbc-lht-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = temp;
  let lhr;
  let left;
  try {
    ({ lhr } = await runOnce(server.url, { output: 'json' }));
  } finally {
    process.env.TMPDIR = before ?? '';
    if (before === undefined) delete process.env.TMPDIR;
    left = readdirSync(temp);
    rmSync(temp, { recursive: true, force: true });
    await server.close();
  }
  assert.deepEqual(left, [], 'the run leaves nothing in the temporary folder');
  assert.ok(server.served.br || server.served.gzip, `the page was served compressed: ${JSON.stringify(server.served)}`);
  const problems = [];
  for (const category of GATED) {
    const score = lhr.categories[category]?.score ?? null;
    if (score === 1) continue;
    const lines = [
      ...failedAudits(lhr, category).map((a) => `  ${a.id}: ${a.title}${a.where.length ? ` (${a.where.join('; ').replace(/\s+/g, ' ').slice(0, 200)})` : ''}`),
      ...erroredAudits(lhr, category).map((a) => `  ${a.id}: ${a.title} (the audit errored: ${String(a.error ?? '').slice(0, 120)})`),
    ];
    problems.push(`${category} scores ${score ?? 'nothing'}, not 1; failing audits:\n${lines.join('\n') || '  (none listed)'}`);
  }
  assert.equal(problems.length, 0, `Lighthouse ${lhr.lighthouseVersion} against ${DIST}:\n${problems.join('\n')}`);
});
