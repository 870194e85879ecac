// Starts mbc-guide on the standalone page. An external file (not trunk's
// inline loader) so the page works under `script-src 'self'`.
const tag = document.querySelector('script[data-wasm]');
const base = document.baseURI;
try {
  const glue = await import(new URL(tag.dataset.js, base).href);
  await glue.default({ module_or_path: new URL(tag.dataset.wasm, base) });
  glue.mount_standalone();
} catch (error) {
  // The prerendered guide stays readable; say why the interactive parts are missing.
  console.error('mbc-guide: could not start the interactive widget:', error);
}
