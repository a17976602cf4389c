// The PDF assembly (assemble.ts), loaded on first use: @cantoo/pdf-lib (its single-file build, lib.ts) takes
// ~40 ms to load on this 2-core machine, which a rebuild with nothing to merge never needs. A build asks
// for it early (pdfAssembly() without await) so it loads while Chromium prints.

export type PdfAssembly = typeof import('./assemble.js');

let loading: Promise<PdfAssembly> | undefined;

export function pdfAssembly(): Promise<PdfAssembly> {
  return (loading ??= import('./assemble.js'));
}
