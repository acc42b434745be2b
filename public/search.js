// Pagefind's UI over the index `tierbook build` wrote into pagefind/. Result URLs are made
// relative to wherever the site is hosted, so it works under any path. In a fleet, the cluster
// switcher's links say where every cluster's site is: their indexes are merged, each result
// named by its cluster, and a "cluster" filter narrows them.
window.addEventListener('DOMContentLoaded', () => {
  const siteRoot = new URL('../', window.location.href).pathname;
  const fleet = [...document.querySelectorAll('.cluster-switch a[data-fleet-root]')].map((a) => ({
    name: a.dataset.fleetCluster,
    root: new URL(a.dataset.fleetRoot, window.location.href).pathname,
  }));
  const others = fleet.filter((c) => c.root !== siteRoot);
  const clusterOf = (url) => fleet.find((c) => url.startsWith(c.root));
  const merged =
    others.length === 0
      ? {}
      : {
          mergeFilter: { cluster: clusterOf(siteRoot)?.name ?? '' },
          mergeIndex: others.map((c) => ({
            bundlePath: `${c.root}pagefind/`,
            baseUrl: c.root,
            mergeFilter: { cluster: c.name },
          })),
          processResult: (result) => {
            const cluster = clusterOf(result.url);
            if (cluster) result.meta.title = `${cluster.name}: ${result.meta.title}`;
            return result;
          },
        };
  const ui = new PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    baseUrl: siteRoot,
    ...merged,
  });
  // Its box is named by the page's visible heading, not by its placeholder alone.
  document.querySelector('#search input')?.setAttribute('aria-labelledby', 'search-title');
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
});
