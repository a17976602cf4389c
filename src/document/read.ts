// Reads an SOP file's bytes and decodes them: UTF-8 only, BOM removed, binary and bad bytes detected.

export type DecodeResult =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; reason: 'binary' | 'encoding'; text: string; /** offset in `text` of the first bad character */ offset: number };

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeSource(bytes: Uint8Array): DecodeResult {
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  // A NUL byte in the first 8 KiB means a binary file (the same heuristic git uses).
  const probe = body.subarray(0, 8192);
  const nul = probe.indexOf(0);
  if (nul !== -1) {
    const text = utf8Lenient.decode(body);
    return { ok: false, reason: 'binary', text, offset: utf8Lenient.decode(body.subarray(0, nul)).length };
  }
  try {
    return { ok: true, text: lineBreaks(utf8Fatal.decode(body)), hadBom };
  } catch {
    const text = utf8Lenient.decode(body);
    return { ok: false, reason: 'encoding', text, offset: Math.max(0, text.indexOf('\uFFFD')) };
  }
}

/**
 * Lone CR line endings (old Mac editors) become LF, one character for one, so every offset stays
 * valid: frontmatter split, YAML, positions, lint, build and render then all see the same lines.
 */
function lineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
