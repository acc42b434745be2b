// Small additions for when JavaScript runs; every page reads and prints without them.
window.addEventListener('DOMContentLoaded', () => {
  // How old the inventory is, next to its time on the dashboard ("3 h ago"): at 2 AM a stale
  // inventory is an answer about another cluster.
  for (const time of document.querySelectorAll('time[data-age]')) {
    const taken = Date.parse(time.getAttribute('datetime') || '');
    if (Number.isNaN(taken)) continue;
    const minutes = Math.max(0, Math.round((Date.now() - taken) / 60000));
    const age =
      minutes < 90
        ? `${minutes} min`
        : minutes < 48 * 60
          ? `${Math.round(minutes / 60)} h`
          : `${Math.round(minutes / 1440)} days`;
    const note = document.createElement('span');
    note.className = minutes > 24 * 60 ? 'age warn' : 'age';
    note.textContent = ` (${age} ago)`;
    time.after(note);
  }
  // The stamp on each printed page names the page by its full address (its path without this).
  for (const span of document.querySelectorAll('[data-print-url]')) span.textContent = window.location.href;
  // "/" or Ctrl-K (Cmd-K) opens search from anywhere but a text field: on the search page its
  // own box, elsewhere a dialog over the page (the header's box still goes to the search page).
  document.addEventListener('keydown', (event) => {
    const typing =
      event.target instanceof HTMLElement &&
      event.target.closest('input, textarea, select, [contenteditable]');
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!slash && !k) return;
    event.preventDefault();
    const onPage = document.querySelector('#search input');
    if (onPage) {
      onPage.focus();
      onPage.select();
    } else searchDialog.open();
  });
});

/**
 * Search in a modal <dialog>: built on first use, Pagefind's UI loaded into it from the site's
 * own pagefind/ folder. The dialog keeps the keyboard inside it (Tab wraps), Escape or a click
 * outside closes it, and focus goes back to where it was.
 */
const searchDialog = (() => {
  let dialog = null;
  let opener = null;
  // The site's root: where site.css is (every page links it, relative to the page).
  const root = () => new URL('.', document.querySelector('link[rel="stylesheet"][href$="site.css"]').href);
  const input = () => dialog?.querySelector('input');
  const build = () => {
    dialog = document.createElement('dialog');
    dialog.id = 'search-dialog';
    dialog.setAttribute('aria-labelledby', 'search-dialog-title');
    const head = document.createElement('div');
    head.className = 'search-dialog-head';
    const title = document.createElement('h2');
    title.id = 'search-dialog-title';
    title.textContent = 'Search';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => dialog.close());
    head.append(title, close);
    const box = document.createElement('div');
    box.id = 'search-dialog-ui';
    box.className = 'search-ui';
    dialog.append(head, box);
    document.body.append(dialog);
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      opener = null;
    });
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const stops = [
        ...dialog.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'),
      ].filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0);
      const first = stops[0];
      const last = stops[stops.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
    const base = root();
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('pagefind/pagefind-ui.css', base).href;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = new URL('pagefind/pagefind-ui.js', base).href;
    script.addEventListener('load', () => {
      new PagefindUI({
        element: '#search-dialog-ui',
        showSubResults: true,
        showImages: false,
        baseUrl: base.pathname,
        bundlePath: new URL('pagefind/', base).pathname,
      });
      input()?.setAttribute('aria-labelledby', 'search-dialog-title');
      if (dialog.open) input()?.focus();
    });
    document.head.append(script);
  };
  return {
    open() {
      if (!dialog) build();
      if (dialog.open) return;
      opener = document.activeElement;
      dialog.showModal();
      input()?.focus();
    },
  };
})();
