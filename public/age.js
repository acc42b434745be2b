// How old the inventory is, said next to its time on the dashboard ("3 h ago"): at 2 AM a
// stale inventory is an answer about another cluster. Without JavaScript the time alone shows.
window.addEventListener('DOMContentLoaded', () => {
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
});
