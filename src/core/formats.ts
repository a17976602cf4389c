// The output formats of `sop build`, as one list: the build's default, the CLI's choices, the library's OUTPUT_FORMATS.

export type OutputFormat = 'html' | 'pdf';

/** What `sop build` writes (both by default). */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['html', 'pdf'];
