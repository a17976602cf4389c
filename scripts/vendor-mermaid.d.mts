// Types of scripts/vendor-mermaid.mjs, for the test that imports it.
export function vendoredFiles(root: string): Record<string, Buffer | string>;
/** The files under `out` (vendor/mermaid/) now, by their path in it, sorted. */
export function vendoredNow(out: string): string[];
