// Flag values of `sop new` become YAML scalars and file names: a line break or other control character is refused.
import { SopUsageError } from '../core/errors.js';
import { say, type Lang } from './text.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Throws SopUsageError (exit 2) naming the flag when `value` holds a control character. */
export function refuseControlChars(flag: string, value: string | undefined, lang: Lang): void {
  if (value === undefined) return;
  const m = CONTROL.exec(value);
  if (!m) return;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  throw new SopUsageError(
    say(
      lang,
      `${flag} ${JSON.stringify(value)}: tidak boleh berisi baris baru atau karakter kendali (${code}); tulis dalam satu baris`,
      `${flag} ${JSON.stringify(value)}: must not contain a line break or control character (${code}); write it on one line`,
    ),
  );
}
