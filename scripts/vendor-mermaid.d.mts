// Types of scripts/vendor-mermaid.mjs, for the test that imports it.
export function vendoredFiles(root: string): Record<string, Buffer | string>;
