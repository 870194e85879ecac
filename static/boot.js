// Starts mbc-guide on the standalone page (also the iframe target), and
// registers the service worker that keeps it working offline. An external
// file (not trunk's inline loader) so the page works under `script-src 'self'`.

// A share link (#mbc=…) leaves the address before anything else runs, so no
// script, history entry or reload finds the list there; the widget gets it.
const shared = takeSharedLink();
addEventListener('mbc-guide:takeover', takeOver);
// The app failed before the swap (src/web/mod.rs `FAILED`, or a trap of the
// wasm): the prerendered page goes back to how it was.
addEventListener('mbc-guide:failed', restore);
// A trap (a panic under panic=abort). Guarded: some browsers (iOS Lockdown
// Mode) have no WebAssembly at all; a trap in a promise comes as a rejection.
const trapped = (error) => globalThis.WebAssembly !== undefined && error instanceof WebAssembly.RuntimeError;
addEventListener('error', (event) => { if (trapped(event.error)) restore(); });
addEventListener('unhandledrejection', (event) => { if (trapped(event.reason)) restore(); });
/** The twin `buildTwin` makes, until the swap or a failure. */
let twin = null;
const tag = document.querySelector('script[data-wasm]');
const base = document.baseURI;
let glue = null;
try {
  // The prerendered guide is the first screen. Let it paint first (its
  // largest paint, or 1 s at most), then fetch and start the wasm, and yield
  // once more before the takeover so no single task blocks for long.
  await prerenderPainted(1000);
  glue = await import(new URL(tag.dataset.js, base).href);
  await glue.default({ module_or_path: new URL(tag.dataset.wasm, base) });
  buildTwin(document.getElementById('mbc-guide'));
  await new Promise((resolve) => setTimeout(resolve, 0));
  glue.mount_standalone_with(shared);
} catch (error) {
  // The prerendered guide stays readable, as it was; say why the
  // interactive parts are missing.
  restore();
  console.error('mbc-guide: could not start the interactive widget:', error);
}

/** The `#mbc=…` fragment of the address, removed from it; null if none. */
function takeSharedLink() {
  if (!location.hash.includes('mbc=')) return null;
  const hash = location.hash;
  history.replaceState(history.state, '', location.pathname + location.search);
  return hash;
}

/**
 * The takeover, in two steps (src/web/mod.rs `twin_of_prerendered`,
 * `reveal`). First, once the wasm is loaded, the app gets a hidden twin of
 * the prerendered page `root` (the same element and attributes, no children,
 * no id yet) right after it, to render into part by part while the
 * prerendered page stays in view and usable. So that no two elements ever
 * share an id, the prerendered page's inner ids, and the labels and ARIA
 * references to them, first end `--prerendered`.
 */
function buildTwin(root) {
  if (!root?.firstElementChild) return;
  renameIds(root, (id) => `${id}--prerendered`);
  root.setAttribute('data-mbc-prerendered', '');
  twin = root.cloneNode(false);
  twin.removeAttribute('id');
  twin.removeAttribute('data-mbc-prerendered');
  // The CSSOM, not the `hidden` attribute, which the page's `display: block`
  // would override; allowed under style-src 'self'.
  twin.style.display = 'none';
  root.after(twin);
}

/** Renames the ids in `root`, and the labels' and ARIA references to them. */
function renameIds(root, rename) {
  const names = ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls'];
  for (const el of root.querySelectorAll(names.map((name) => `[${name}]`).join())) {
    for (const name of names) {
      const value = el.getAttribute(name);
      if (value !== null) el.setAttribute(name, value.split(/\s+/).filter(Boolean).map(rename).join(' '));
    }
  }
}

/**
 * The app failed before the swap: undoes `buildTwin`, so the prerendered
 * page is as it was (its ids without the suffix, no twin). Nothing to do
 * after the swap.
 */
function restore() {
  const old = document.querySelector('[data-mbc-prerendered]');
  if (!old) return;
  twin?.remove();
  twin = null;
  old.removeAttribute('data-mbc-prerendered');
  renameIds(old, (id) => id.replace(/--prerendered$/, ''));
}

/**
 * Then, when the wasm says the app is ready to show, the twin takes the
 * prerendered page's place in one step: it comes into view; what the person
 * ticked or typed on the prerendered page is done again in the app, through
 * the events their own input fires, so the app takes it in as if done
 * there; focus moves to the same control; the prerendered page goes and the
 * twin takes its id.
 */
function takeOver() {
  const old = document.querySelector('[data-mbc-prerendered]');
  const app = old?.nextElementSibling;
  if (!app) return;
  app.style.removeProperty('display');
  // The same control in both: a radio button or box by its name and value,
  // a text field by its id (the prerendered page's ends `--prerendered`).
  const identity = (el) => el.hasAttribute('name')
    ? `${el.getAttribute('name')}=${el.getAttribute('value') ?? ''}`
    : el.id.replace(/--prerendered$/, '');
  const entered = new Map();
  for (const el of old.querySelectorAll('input,textarea')) {
    // What the person changes, and what holds what was prerendered.
    const [now, was] = /^(radio|checkbox)$/.test(el.type) ? ['checked', 'defaultChecked'] : ['value', 'defaultValue'];
    if (el[now] !== el[was] && !entered.has(identity(el))) entered.set(identity(el), [now, el[now]]);
  }
  for (const el of app.querySelectorAll('input,textarea')) {
    const [property, value] = entered.get(identity(el)) ?? [];
    if (!property) continue;
    el[property] = value;
    el.dispatchEvent(new Event(property === 'checked' ? 'change' : 'input', { bubbles: true }));
  }
  const focused = old.contains(document.activeElement) ? document.activeElement.id : '';
  if (focused.endsWith('--prerendered')) document.getElementById(focused.replace(/--prerendered$/, ''))?.focus();
  const id = old.id;
  old.remove();
  twin = null;
  if (id) app.id = id;
}

/** Resolves after the page's largest contentful paint, or after `limit` ms. */
function prerenderPainted(limit) {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); observer?.disconnect(); resolve(); };
    const timer = setTimeout(done, limit);
    let observer = null;
    try {
      observer = new PerformanceObserver((list) => { if (list.getEntries().length) done(); });
      observer.observe({ type: 'largest-contentful-paint', buffered: true });
    } catch {
      done(); // no LCP support: start at once
    }
  });
}

if ('serviceWorker' in navigator) {
  watchForUpdates().catch((error) => console.warn('mbc-guide: offline use is not available:', error));
}

/**
 * Registers sw.js. A new version installs in the background and waits; the
 * widget then says an update is ready, and only when the person presses
 * "Update now" does the new worker take over and the page reload.
 */
async function watchForUpdates() {
  // Its scope is this folder and nothing above it (see EMBEDDING.md: give
  // the widget an origin or folder of its own).
  const registration = await navigator.serviceWorker.register(new URL('sw.js', base), { scope: new URL('./', base).href });
  // With no controller this is the first visit: the worker takes over by
  // itself, and there is nothing to update.
  const tell = () => {
    if (registration.waiting && navigator.serviceWorker.controller) glue?.update_ready();
  };
  tell();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => { if (worker.state === 'installed') tell(); });
  });
  addEventListener('mbc-guide:apply-update', () => {
    const waiting = registration.waiting;
    if (!waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'skip-waiting' });
  });
}
