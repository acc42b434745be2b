// Light and dark themes follow prefers-color-scheme with no JavaScript. This only adds the
// toggle: the choice is kept in localStorage and applied before the page paints.
(() => {
  const key = 'tierbook-theme';
  const html = document.documentElement;
  try {
    const saved = localStorage.getItem(key);
    if (saved === 'light' || saved === 'dark') html.dataset.theme = saved;
  } catch {}
  const current = () =>
    html.dataset.theme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  document.addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('theme-toggle');
    if (!button) return;
    const label = () => {
      const dark = current() === 'dark';
      button.textContent = dark ? 'Light theme' : 'Dark theme';
      button.setAttribute('aria-pressed', String(dark));
    };
    button.hidden = false;
    label();
    button.addEventListener('click', () => {
      const next = current() === 'dark' ? 'light' : 'dark';
      html.dataset.theme = next;
      try {
        localStorage.setItem(key, next);
      } catch {}
      label();
    });
  });
})();
