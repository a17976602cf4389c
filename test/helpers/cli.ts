// In-process CLI runs for tests (main(argv, io) with captured output) and a clean SOP to copy.
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export async function run(argv: string[], cwd: string, extra: Partial<CliIO> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    cwd, env: { NO_COLOR: '1' }, stdoutIsTTY: false, stdinIsTTY: false,
    stdout: (t) => void (out += t), stderr: (t) => void (err += t), ...extra,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

// a clean SOP; each copy gets its own nomor and nama so cross-file rules stay quiet
const CLEAN = readFileSync(new URL('../fixtures/lint/cli/clean/cuti-tahunan.md', import.meta.url), 'utf8');
export const SOP = (n: string) => CLEAN.replace('800/001/SOP/BKD/2025', `800/${n}/SOP/BKD/2025`).replace('Pelayanan Permohonan Cuti Tahunan', `Pelayanan Permohonan Cuti ${n}`);

