// The error of a PDF that cannot be used, apart from the assembly so that catching it loads no PDF library.

/** A PDF that cannot be used (damaged, encrypted with a password we do not have, not a PDF). */
export class SopPdfError extends Error {
  override name = 'SopPdfError';
}
