// What a CLI command may touch of the process: injected so tests run commands in-process.
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (colour, progress bars, prompts). */
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
}

/** A command action returns the exit code: 0 ok, 1 problems found, 2 usage/config/internal failure. */
export type ExitCode = 0 | 1 | 2;
