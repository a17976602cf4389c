// What a CLI command may touch of the process: injected so tests run commands in-process.
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (colour, progress bars, prompts). */
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** True when stderr is a terminal (the progress bar is drawn there); default: stdoutIsTTY. */
  stderrIsTTY?: boolean;
  /** The terminal's current width, read on every redraw (it changes when the window is resized). */
  stderrColumns?: () => number | undefined;
  /** Text piped into the command (`sop lint --stdin`); default: the process's standard input. */
  readStdin?: () => Promise<Uint8Array>;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stderrColumns: () => process.stderr.columns,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** A command action returns the exit code: 0 ok, 1 problems found, 2 usage/config/internal failure, 130 interrupted (Ctrl-C). */
export type ExitCode = 0 | 1 | 2 | 130;
