// Runs a Debian PDF tool (qpdf, ghostscript) on bytes in a test's temporary folder and returns what it wrote.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `buf` to `<dir>/<name>-in.pdf`, lets `run(input, output)` make `<dir>/<name>-out.pdf`, and returns its bytes. */
export function convertPdf(dir: string, buf: Buffer, name: string, run: (input: string, output: string) => void): Buffer {
  const input = path.join(dir, `${name}-in.pdf`);
  const output = path.join(dir, `${name}-out.pdf`);
  writeFileSync(input, buf);
  run(input, output);
  return readFileSync(output);
}
