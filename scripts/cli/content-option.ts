/** `--content DIR`: for the commands that can answer from a committed inventory. */
export const CONTENT_OPTION = { content: { type: 'string' } } as const;

export const CONTENT_HELP = `  --content DIR    answer from a committed inventory (its graph.json), not a
                   cluster or --from; its config is used unless --config`;
