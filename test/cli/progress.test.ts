// The build progress bar, drawn into a real terminal emulator (@xterm/headless): at 80 columns and across a
// resize it leaves no stale lines, and the last column is never written (no pending wrap).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import xterm from '@xterm/headless';
import { fitLine, progressWriter } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/io.js';

const { Terminal } = xterm;

function screen(term: InstanceType<typeof Terminal>): string[] {
  const buf = term.buffer.active;
  const out: string[] = [];
  for (let i = 0; i < buf.length; i++) out.push(buf.getLine(i)!.translateToString(true));
  return out;
}

function write(term: InstanceType<typeof Terminal>, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

/** A CliIO whose stderr is the emulator, with a width that the test can change. */
function terminalIO(term: InstanceType<typeof Terminal>, cols: { n: number }, chunks: string[]): CliIO {
  return {
    cwd: '/', env: {}, stdout: () => {}, stdoutIsTTY: true, stdinIsTTY: false, stderrIsTTY: true,
    stderr: (t) => void chunks.push(t),
    stderrColumns: () => cols.n,
  };
}

const ITEMS = Array.from({ length: 25 }, (_, i) => `kesejahteraan-pegawai/penanganan-pelanggaran-disiplin-tingkat-${i}-yang-sangat-panjang.md`);

test('fitLine keeps the end of the item and never exceeds the width', () => {
  assert.equal(fitLine('[##..] 1/2 pdf', 'a/b.md', 80), '[##..] 1/2 pdf a/b.md');
  const line = fitLine('[##..] 1/2 pdf', 'x'.repeat(100) + '/end.md', 40);
  assert.equal([...line].length, 40);
  assert.ok(line.endsWith('/end.md'));
  assert.equal(fitLine('a much longer head than the width', 'item', 10).length, 10);
});

test('at 80 columns, and after shrinking to 50, the bar leaves no stale lines', async () => {
  const term = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  const cols = { n: 80 };
  const chunks: string[] = [];
  await write(term, 'sop build examples\r\n');
  const progress = progressWriter(terminalIO(term, cols, chunks), { quiet: false, label: 'sop build' });
  let maxLen = 0;
  for (let i = 0; i < ITEMS.length; i++) {
    if (i === 12) {
      cols.n = 50;
      term.resize(50, 24);
    }
    progress.update({ phase: 'pdf', done: i + 1, total: ITEMS.length, item: ITEMS[i] });
    // cli-progress throttles redraws; wait out its interval so every step is drawn
    await new Promise((r) => setTimeout(r, 110));
    await write(term, chunks.splice(0).join(''));
    const rows = screen(term).filter((l) => l.includes('/25 pdf'));
    assert.equal(rows.length, 1, `one bar line after step ${i + 1}: ${JSON.stringify(rows)}`);
    maxLen = Math.max(maxLen, rows[0].length);
    assert.ok(rows[0].length < cols.n, `the bar fits ${cols.n} columns with one to spare: ${rows[0].length}`);
  }
  progress.end();
  await write(term, chunks.splice(0).join(''));
  await write(term, 'sop build: 12 SOP -> _site\r\n');
  const rows = screen(term).filter((l) => l.trim() !== '');
  assert.deepEqual(rows, ['sop build examples', 'sop build: 12 SOP -> _site']);
  assert.ok(maxLen >= 70, 'the bar used the width it had');
});

test('without a terminal (or with CI set) each step is one plain line; --quiet prints nothing', () => {
  const lines: string[] = [];
  const io: CliIO = { cwd: '/', env: { CI: 'true' }, stdout: () => {}, stderr: (t) => void lines.push(t), stdoutIsTTY: true, stdinIsTTY: false, stderrIsTTY: true };
  const p = progressWriter(io, { quiet: false, label: 'sop build' });
  p.update({ phase: 'html', done: 1, total: 2, item: 'a.md' });
  p.end();
  assert.deepEqual(lines, ['sop build: [1/2] html a.md\n']);
  const q = progressWriter(io, { quiet: true, label: 'sop build' });
  q.update({ phase: 'html', done: 1, total: 2, item: 'a.md' });
  assert.equal(lines.length, 1);
});
