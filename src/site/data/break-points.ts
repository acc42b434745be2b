/**
 * An id or a long name cut after each separator (`/`, `.`, `_`, `-`, `:`, `,`, `=`), so a
 * narrow screen wraps `databases/datadir-pxc-main-pxc-0` at a slash or a hyphen instead of
 * mid-word or off the page. Joined back, the parts are the text unchanged.
 */
export function breakPoints(text: string): string[] {
  return text.match(/[^/._:,=-]*(?:[/._:,=-]+|$)/g)?.filter((part) => part !== '') ?? [text];
}
