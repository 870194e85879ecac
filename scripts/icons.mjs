// Renders static/icon.svg to the PNG icons of the web app manifest
// (static/icon-192.png, static/icon-512.png) with the local Chromium, so no
// image tool is needed. Run after changing the SVG: `node scripts/icons.mjs`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM_ARGS } from '../e2e/harness.mjs';

const svg = readFileSync(join(ROOT, 'static', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: join(ROOT, 'static', `icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
