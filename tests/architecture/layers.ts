// The floors of the house, lowest first (docs/architecture.md explains each). A file may import
// files of its own part and of any part on a lower floor; never one on its own floor's other
// parts nor on a higher floor. Paths are from the project root: a folder ends with `/`, and a
// file is on the part with the longest path that holds it. Every source file under SCANNED must
// be on a part, so a new folder is placed here on purpose.
export interface Part {
  name: string;
  paths: readonly string[];
}

export const SCANNED = ['src', 'scripts', 'bench'] as const;

export const FLOORS: readonly (readonly Part[])[] = [
  [
    {
      name: 'ground',
      paths: [
        'src/core/model.ts',
        'src/core/errors.ts',
        'src/core/order.ts',
        'src/core/tier.ts',
        'src/core/sizes.ts',
        'src/core/fields.ts',
        'src/core/file-names.ts',
        'src/core/secret-fields.ts',
        'src/core/unresolved-name.ts',
        'src/core/url-credentials.ts',
      ],
    },
  ],
  [{ name: 'config', paths: ['src/core/config/'] }],
  [
    { name: 'sources', paths: ['src/core/sources/'] },
    { name: 'drills', paths: ['src/core/drills/'] },
  ],
  [{ name: 'graph', paths: ['src/core/graph/'] }],
  [{ name: 'analysis', paths: ['src/core/analysis/'] }],
  [
    { name: 'runbooks', paths: ['src/core/runbooks/'] },
    { name: 'rbac', paths: ['src/core/rbac/'] },
  ],
  [{ name: 'schemas', paths: ['src/core/schemas/'] }],
  [{ name: 'inventory', paths: ['src/core/inventory/'] }],
  [{ name: 'diff', paths: ['src/core/diff/'] }],
  [{ name: 'render', paths: ['src/core/render/'] }],
  [{ name: 'guard', paths: ['src/core/guard/'] }],
  // The core's front door (src/core/index.ts): the pipeline wired once, for the CLI, bench and tests.
  [{ name: 'front door', paths: ['src/core/index.ts'] }],
  [{ name: 'io', paths: ['src/io/'] }],
  [
    {
      name: 'site',
      paths: ['src/site/', 'src/pages/', 'src/components/', 'src/layouts/', 'src/middleware.ts'],
    },
  ],
  [
    { name: 'library', paths: ['src/index.ts'] },
    { name: 'cli', paths: ['scripts/'] },
    { name: 'sample', paths: ['src/sample/'] },
  ],
  [{ name: 'bench', paths: ['bench/'] }],
];
