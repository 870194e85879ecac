// mbc-guide: one script tag puts the widget on any page (see EMBEDDING.md).
//
//   <script type="module" src="https://…/mbc-guide.js"></script>
//   <mbc-guide lang="es" org-name="…" phone="…" accent="#8a1538"></mbc-guide>
//
// Written by mbc-postbuild from static/loader.template.js for one build: the
// hashed names below are that build's files, found next to this loader
// wherever it is served from, and the glue, the wasm and the stylesheet must
// have the bytes of that build (Subresource Integrity), or the browser
// refuses them. No eval, no inline script or style, no service worker (a
// worker cannot serve a page on another origin; use the iframe for offline
// use).
const here = import.meta.url;
const stylesheet = new URL('./__CSS__', here).href;
const stylesheetIntegrity = '__CSS_INTEGRITY__';
let started = null;
// A share link on the host page's address (#mbc=…, from before links led to
// the widget's own page) leaves it at once; the first widget offers it.
let shared = null;
if (location.hash.includes('mbc=')) {
  shared = location.hash;
  history.replaceState(history.state, '', location.pathname + location.search);
}
/** Loads the glue and the wasm once, however many widgets the page has. */
const start = () => (started ??= checkedGlue(new URL('./__GLUE__', here).href, '__GLUE_INTEGRITY__')
  .then((glue) => glue.default({
    module_or_path: fetch(new URL('./__WASM__', here), { integrity: '__WASM_INTEGRITY__' }),
  }).then(() => glue)));

/**
 * The glue module, checked against its hash: a `<link rel="modulepreload">`
 * with `integrity` puts the checked module in the page's module map, and
 * the import then takes it from there (a failed check fails the import
 * too). The link leaves the page once it has loaded. A browser without
 * modulepreload (Safari before 17) imports it unchecked.
 */
function checkedGlue(url, integrity) {
  const link = document.createElement('link');
  if (!link.relList.supports('modulepreload')) return import(url);
  return new Promise((resolve, reject) => {
    link.rel = 'modulepreload';
    link.integrity = integrity;
    link.href = url;
    link.onload = resolve;
    link.onerror = () => reject(new Error(`${url} is not this build's (Subresource Integrity)`));
    document.head.append(link);
  }).finally(() => link.remove()).then(() => import(url));
}

class MbcGuide extends HTMLElement {
  connectedCallback() {
    const turn = (this._turn = (this._turn ?? 0) + 1);
    start()
      .then((glue) => {
        // Removed or moved again while the wasm was loading: that later
        // connect mounts, not this one.
        if (this._turn !== turn || !this.isConnected || this._w) return;
        this._w = glue.mount_element(this, stylesheet, stylesheetIntegrity, shared);
        shared = null;
      })
      .catch((error) => console.error('mbc-guide: the widget could not start:', error));
  }

  disconnectedCallback() {
    this._turn = (this._turn ?? 0) + 1;
    if (this._w) {
      this._w.destroy();
      this._w.free();
      this._w = null;
    }
  }
}

// A page that includes the loader twice (or two versions of it) keeps the first.
if (!customElements.get('mbc-guide')) customElements.define('mbc-guide', MbcGuide);
