// Pagefind's UI over the index `tierbook build` wrote into pagefind/. Result URLs are made
// relative to wherever the site is hosted, so it works under any path.
window.addEventListener('DOMContentLoaded', () => {
  const siteRoot = new URL('../', window.location.href).pathname;
  const ui = new PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    baseUrl: siteRoot,
  });
  // Its box is named by the page's visible heading, not by its placeholder alone.
  document.querySelector('#search input')?.setAttribute('aria-labelledby', 'search-title');
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
});
