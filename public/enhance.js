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
  // "/" or Ctrl-K (Cmd-K) goes to the search box from anywhere but a text field.
  const search = document.getElementById('site-search');
  document.addEventListener('keydown', (event) => {
    if (!search) return;
    const typing =
      event.target instanceof HTMLElement &&
      event.target.closest('input, textarea, select, [contenteditable]');
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!slash && !k) return;
    event.preventDefault();
    search.focus();
    search.select();
  });
});
