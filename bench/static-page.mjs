// The reference page for the benchmark (issue 7): a plain static HTML page
// carrying the same opening text as our standalone page, and nothing else.
// It takes the prerendered guide (the content of `#mbc-guide`) and the same
// stylesheet from a release build, and drops every script, the module and
// wasm preloads, the manifest and the <noscript> note. What it loads is what
// a hand-written page of the same text would load: one html, one css, the icon.
//
//   node bench/static-page.mjs [dist] [out]   (defaults: dist, bench/out/static)
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `out`/index.html plus its stylesheet and icon; returns the file names. */
export function writeStaticPage(dist, out) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const pick = (re, what) => {
    const m = re.exec(html);
    if (!m) throw new Error(`bench/static-page.mjs: no ${what} in ${join(dist, 'index.html')}`);
    return m;
  };
  const start = pick(/<main id="mbc-guide"[^>]*>/, '<main id="mbc-guide">');
  const end = html.lastIndexOf('</main>');
  if (end < start.index) throw new Error('bench/static-page.mjs: <main id="mbc-guide"> is not closed');
  const guide = html.slice(start.index, end + '</main>'.length)
    .replace(/<noscript>[\s\S]*?<\/noscript>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '');
  if (!/<h1[\s>]/.test(guide)) throw new Error('bench/static-page.mjs: the prerendered guide is missing (no <h1> inside #mbc-guide)');

  const lang = pick(/<html lang="([^"]+)"/, '<html lang>')[1];
  const title = pick(/<title>([\s\S]*?)<\/title>/, '<title>')[1];
  const description = /<meta name="description" content="([^"]*)">/.exec(html)?.[1];
  const css = pick(/<link rel="stylesheet" href="\.?\/?([^"]+\.css)"/, 'stylesheet')[1];
  const icon = /<link rel="icon" href="\.?\/?([^"]+)"/.exec(html)?.[1];

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  copyFileSync(join(dist, css), join(out, css));
  if (icon) copyFileSync(join(dist, icon), join(out, icon));
  const page = `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light">
  <meta name="theme-color" content="#0b5394">
  <title>${title}</title>
${description !== undefined ? `  <meta name="description" content="${description}">\n` : ''}${icon ? `  <link rel="icon" href="${icon}">\n` : ''}  <link rel="stylesheet" href="${css}">
</head>
<body>
  ${guide}
</body>
</html>
`;
  writeFileSync(join(out, 'index.html'), page);
  return ['index.html', css, ...(icon ? [icon] : [])];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', out = 'bench/out/static'] = process.argv.slice(2);
  const files = writeStaticPage(dist, out);
  console.log(`static page written to ${out}: ${files.join(', ')}`);
}
