/** `--drills DIR` of check and blast: an inventory folder whose drills/ count as restore evidence. */
export const DRILLS_OPTION = { drills: { type: 'string' } } as const;

export const DRILLS_HELP = `  --drills DIR     an inventory folder: its recorded drills (DIR/drills,
                   docs/drills.md) count as restore evidence (default: the
                   --content DIR, else none)`;
