// Progress of a long command: a one-line cli-progress bar on a terminal, plain lines in CI logs.
// The line is cut to the terminal's current width on every redraw, so resizing never leaves stale lines.
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import type { CliIO } from './io.js';

export interface ProgressStep {
  phase: string;
  done: number;
  total: number;
  item: string;
}

export interface Progress {
  update(p: ProgressStep): void;
  /** Clears the bar (a terminal) and restores the cursor; safe to call twice. */
  end(): void;
}

const BAR_WIDTH = 24;

/** Cuts `text` to `width` columns, keeping its end (the file name) behind an ellipsis. */
export function fitLine(head: string, item: string, width: number): string {
  const room = width - head.length - 1;
  if (room <= 0) return head.slice(0, Math.max(0, width));
  const shown = [...item].length > room ? `…${[...item].slice(-(room - 1)).join('')}` : item;
  return `${head} ${shown}`;
}

/**
 * cli-progress (CommonJS, 17 files) is required when a bar is first drawn on a terminal: every other
 * run (`sop lint`, `--version`, CI logs) skips loading it, about 8 ms of each start.
 */
function loadCliProgress(): typeof cliProgressModule {
  return createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
}

/**
 * The stream cli-progress draws on: the CLI's stderr writer plus the terminal facts it asks for.
 * Reading `columns` on every redraw is what makes a resized terminal get a fitting line.
 */
function terminalStream(io: CliIO): NodeJS.WriteStream {
  const stream = {
    isTTY: true,
    get columns() {
      return io.stderrColumns?.() ?? 80;
    },
    write(chunk: string) {
      io.stderr(chunk);
      return true;
    },
    // node:readline's cursor helpers, which cli-progress uses, write their escape codes through write()
    on() {
      return stream;
    },
    removeListener() {
      return stream;
    },
  };
  return stream as unknown as NodeJS.WriteStream;
}

/** A bar redrawn in place when stderr is a terminal and CI is unset; one line per step otherwise. */
export function progressWriter(io: CliIO, opts: { quiet: boolean; label: string }): Progress {
  if (opts.quiet) return { update() {}, end() {} };
  const tty = (io.stderrIsTTY ?? io.stdoutIsTTY) && !io.env.CI;
  if (!tty) {
    return {
      update: (p) => io.stderr(`${opts.label}: [${p.done}/${p.total}] ${p.phase} ${p.item}\n`),
      end() {},
    };
  }
  const stream = terminalStream(io);
  let bar: cliProgressModule.SingleBar | undefined;
  return {
    update(p) {
      const payload = { phase: p.phase, item: p.item };
      if (!bar) {
        const cliProgress = loadCliProgress();
        bar = new cliProgress.SingleBar({
          stream,
          // the line is cut to the width below; no wrapping, so a long line never spills onto a second row
          linewrap: false,
          clearOnComplete: true,
          hideCursor: true,
          fps: 10,
          barsize: BAR_WIDTH,
          barCompleteChar: '#',
          barIncompleteChar: '.',
          format: (options, params, data) => {
            const bar = cliProgress.Format.BarFormat(params.progress, options);
            const head = `[${bar}] ${params.value}/${params.total} ${data.phase}`;
            // one column spare: a line that fills the last column leaves some terminals in a pending wrap
            return fitLine(head, String(data.item), stream.columns - 1);
          },
        });
        bar.start(Math.max(1, p.total), p.done, payload);
        return;
      }
      bar.setTotal(Math.max(1, p.total));
      bar.update(p.done, payload);
    },
    end() {
      if (!bar) return;
      bar.stop();
      bar = undefined;
    },
  };
}
