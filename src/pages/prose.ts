// Free text written in Markdown (an SOP's Catatan, a pack's decree and Penjelasan) with how its local links and
// images resolve: content stays Markdown here, and each writer (html/, later docx/) renders it its own way.

export interface Prose {
  markdown: string;
  /**
   * New address for an image written with a relative path (the raw value); undefined drops the image
   * and keeps its alt text. Remote images are never loaded: they become plain links.
   */
  image?: (src: string) => string | undefined;
  /** New address for a relative link (e.g. `other.md` -> `other.html`); undefined keeps it. */
  link?: (href: string) => string | undefined;
  /** Heading levels are shifted so `#` becomes this level (the text sits under its own heading). */
  topHeading?: number;
}
