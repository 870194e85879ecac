// Grows the mbc-guide iframe with its content. The page in the frame posts
// { type: 'mbc-guide:height', height } whenever its height changes; take it
// only from that frame and that origin.
const frame = document.getElementById('mbc-guide-frame');
const origin = new URL(frame.src, location.href).origin;
addEventListener('message', (event) => {
  if (event.origin !== origin || event.source !== frame.contentWindow) return;
  const { type, height } = event.data ?? {};
  if (type === 'mbc-guide:height' && Number.isFinite(height) && height > 0) {
    frame.style.height = `${Math.ceil(height)}px`;
  }
});
