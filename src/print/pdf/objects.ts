// A small reader/writer for the PDF object syntax (ISO 32000 §7.3), enough to re-link and merge Chromium's PDFs.

export class PdfName {
  /** The name as written after `/` (with any `#xx` escapes kept). */
  constructor(readonly value: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
}

export class PdfString {
  constructor(
    readonly bytes: Buffer,
    readonly hex = false,
  ) {}

  /** The string as text: UTF-16BE with a BOM, else PDFDocEncoding read as Latin-1 (close enough for URIs and titles). */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const swapped = Buffer.from(b.subarray(2));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    return b.toString('latin1');
  }

  /** A text string any reader understands: plain bytes when ASCII, else UTF-16BE with a BOM. */
  static fromText(text: string): PdfString {
    if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Buffer.from(text, 'latin1'));
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    le.swap16();
    return new PdfString(le, true);
  }
}

export class PdfDict extends Map<string, PdfValue> {}

export type PdfValue = PdfName | PdfRef | PdfString | PdfDict | PdfValue[] | number | boolean | null | PdfKeyword;

/** A bare keyword other than true/false/null (kept verbatim). */
export class PdfKeyword {
  constructor(readonly value: string) {}
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

export class PdfSyntaxError extends Error {
  override name = 'PdfSyntaxError';
}

/** Reads values from a PDF held as a Latin-1 string (one char per byte, so offsets are byte offsets). */
export class PdfLexer {
  constructor(
    readonly s: string,
    public pos = 0,
  ) {}

  skipWs(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (WS.has(c)) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++;
      } else return;
    }
  }

  private token(): string {
    const start = this.pos;
    while (this.pos < this.s.length) {
      const c = this.s.charCodeAt(this.pos);
      if (WS.has(c) || DELIM.has(c)) break;
      this.pos++;
    }
    return this.s.slice(start, this.pos);
  }

  /** True (and consumed) when the next token is exactly `word`. */
  keyword(word: string): boolean {
    this.skipWs();
    if (!this.s.startsWith(word, this.pos)) return false;
    const after = this.s.charCodeAt(this.pos + word.length);
    if (!Number.isNaN(after) && !WS.has(after) && !DELIM.has(after)) return false;
    this.pos += word.length;
    return true;
  }

  value(): PdfValue {
    this.skipWs();
    const s = this.s;
    const c = s[this.pos];
    if (c === '/') {
      this.pos++;
      return new PdfName(this.token());
    }
    if (c === '(') return this.literalString();
    if (c === '<') {
      if (s[this.pos + 1] === '<') return this.dict();
      return this.hexString();
    }
    if (c === '[') {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (s[this.pos] === ']') {
          this.pos++;
          return arr;
        }
        if (this.pos >= s.length) throw new PdfSyntaxError('unterminated array');
        arr.push(this.value());
      }
    }
    const tok = this.token();
    if (tok === '') throw new PdfSyntaxError(`unexpected ${JSON.stringify(c)} at ${this.pos}`);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(tok)) {
      const n = Number(tok);
      // `num gen R` is a reference: look ahead without committing.
      if (/^\d+$/.test(tok)) {
        const save = this.pos;
        this.skipWs();
        const gen = this.token();
        if (/^\d+$/.test(gen)) {
          this.skipWs();
          if (this.s[this.pos] === 'R') {
            const after = this.s.charCodeAt(this.pos + 1);
            if (Number.isNaN(after) || WS.has(after) || DELIM.has(after)) {
              this.pos++;
              return new PdfRef(n, Number(gen));
            }
          }
        }
        this.pos = save;
      }
      return n;
    }
    if (tok === 'true') return true;
    if (tok === 'false') return false;
    if (tok === 'null') return null;
    return new PdfKeyword(tok);
  }

  private dict(): PdfDict {
    this.pos += 2;
    const d = new PdfDict();
    for (;;) {
      this.skipWs();
      if (this.s.startsWith('>>', this.pos)) {
        this.pos += 2;
        return d;
      }
      if (this.pos >= this.s.length) throw new PdfSyntaxError('unterminated dictionary');
      const key = this.value();
      if (!(key instanceof PdfName)) throw new PdfSyntaxError(`dictionary key is not a name at ${this.pos}`);
      d.set(key.value, this.value());
    }
  }

  private literalString(): PdfString {
    const s = this.s;
    this.pos++;
    let depth = 1;
    const out: number[] = [];
    while (this.pos < s.length) {
      const ch = s[this.pos++];
      if (ch === '\\') {
        const e = s[this.pos++];
        const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
        if (e in simple) out.push(simple[e]);
        else if (e >= '0' && e <= '7') {
          let oct = e;
          while (oct.length < 3 && s[this.pos] >= '0' && s[this.pos] <= '7') oct += s[this.pos++];
          out.push(parseInt(oct, 8) & 0xff);
        } else if (e === '\r') {
          if (s[this.pos] === '\n') this.pos++;
        } else if (e !== '\n') out.push(e.charCodeAt(0));
        continue;
      }
      if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return new PdfString(Buffer.from(out));
      out.push(ch.charCodeAt(0));
    }
    throw new PdfSyntaxError('unterminated string');
  }

  private hexString(): PdfString {
    const end = this.s.indexOf('>', this.pos);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    let hex = this.s.slice(this.pos + 1, end).replace(/[^0-9A-Fa-f]/g, '');
    if (hex.length % 2) hex += '0';
    this.pos = end + 1;
    return new PdfString(Buffer.from(hex, 'hex'), true);
  }
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (Math.abs(n) < 1e-6) return '0';
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

function formatString(str: PdfString): string {
  if (str.hex) return `<${str.bytes.toString('hex')}>`;
  let out = '(';
  for (const b of str.bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

/** The value in PDF syntax (ASCII only, so it can be written as Latin-1). */
export function serialize(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
  if (v instanceof PdfName) return `/${v.value}`;
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfString) return formatString(v);
  if (v instanceof PdfKeyword) return v.value;
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`;
  let out = '<<';
  for (const [k, val] of v) out += `/${k} ${serialize(val)}\n`;
  return `${out}>>`;
}

export function name(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfName ? v.value : undefined;
}
