// The full lists behind a page that names only the first of them: the dashboard's, and a
// storage page's (what lives there, the blast radius, related objects). URLs are from the site root.
import { capItems } from '../../core/render/capped-list.ts';
import { storageListsJson } from '../../site/data/storage-lists.ts';
import { getSite, pagesToRender } from '../../site/load.ts';

export async function getStaticPaths() {
  const site = await getSite();
  const { home } = site;
  const dashboard = {
    cluster: site.cluster,
    takenAt: site.takenAt,
    exposed: home.atRisk.exposed,
    backupAttention: home.backupAttention,
    neverRestored: home.neverRestored,
  };
  const dashboardCapped = [dashboard.exposed, dashboard.backupAttention, dashboard.neverRestored].some(
    (rows) => rows !== null && capItems(rows).rest.length > 0,
  );
  return pagesToRender('data/[list].json', [
    ...(dashboardCapped ? [{ params: { list: 'dashboard' }, props: { data: dashboard } }] : []),
    ...site.workloads.flatMap((view) =>
      view.lists
        ? [
            {
              params: { list: view.lists.replace(/^data\//, '').replace(/\.json$/, '') },
              props: {
                data: { page: { title: view.page.title, url: view.url }, dependedOnBy: view.dependedOnBy },
              },
            },
          ]
        : [],
    ),
    ...site.storage.flatMap((view) =>
      view.lists
        ? [
            {
              params: { list: view.lists.replace(/^data\//, '').replace(/\.json$/, '') },
              props: { data: storageListsJson(view) },
            },
          ]
        : [],
    ),
  ]);
}

export function GET({ props }: { props: { data: unknown } }): Response {
  return new Response(`${JSON.stringify(props.data)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
}
