// Builds the commander program, runs one command and maps every outcome to an exit code (0/1/2).
import { Command, CommanderError } from 'commander';
import { SopBrowserMissingError, SopConfigError, SopUsageError } from '../core/errors.js';
import { isPromptCancelled } from '../scaffold/prompt.js';
import { langFromArgv, localizeCommander } from './commander-text.js';
import { processIO, type CliIO, type ExitCode } from './io.js';
import { VERSION } from './version.js';
import { registerLint } from './commands/lint.js';
import { registerBuild } from './commands/build.js';
import { registerRender } from './commands/render.js';
import { registerNew } from './commands/new.js';
import { registerInit } from './commands/init.js';
import { registerInventaris, registerMonev } from './commands/lifecycle.js';
import { registerDiff } from './commands/diff.js';

/** Holds the exit code a command action decided on. */
export interface RunState {
  exitCode: ExitCode;
}

export function buildProgram(io: CliIO, state: RunState, lang: 'id' | 'en' = 'id'): Command {
  const program = new Command('sop')
    .description('Toolkit SOP Administrasi Pemerintahan (PermenPAN-RB 35/2012): lint, tabel alir, paket dokumen HTML/PDF')
    .version(VERSION, '-v, --version', 'tampilkan versi / output the version number')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerLint(program, io, state);
  registerBuild(program, io, state);
  registerRender(program, io, state);
  registerNew(program, io, state);
  registerInit(program, io, state);
  registerMonev(program, io, state);
  registerInventaris(program, io, state);
  registerDiff(program, io, state);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  localizeCommander(program, lang);
  return program;
}

/** Runs the CLI with argv (without node and script) and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<ExitCode> {
  const state: RunState = { exitCode: 0 };
  const program = buildProgram(io, state, langFromArgv(argv));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (err) {
    return reportFailure(err, io);
  }
}

function reportFailure(err: unknown, io: CliIO): ExitCode {
  if (err instanceof CommanderError) {
    // commander already printed help, the version or its own usage message
    return err.exitCode === 0 ? 0 : 2;
  }
  // Ctrl-C in a prompt: the same status as Ctrl-C anywhere else (128 + SIGINT)
  if (isPromptCancelled(err)) return 130;
  if (err instanceof SopUsageError || err instanceof SopBrowserMissingError) {
    io.stderr(`sop: ${err.message}\n`);
    return 2;
  }
  if (err instanceof SopConfigError) {
    const where = err.file ? `${err.file}${err.line ? `:${err.line}:${err.column ?? 1}` : ''}: ` : '';
    io.stderr(`sop: ${where}${err.message}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`sop ${VERSION}: kesalahan internal / internal error: ${message}\n`);
  if (io.env.SOP_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  else io.stderr('Jalankan ulang dengan SOP_DEBUG=1 untuk melihat detailnya, lalu laporkan sebagai bug.\n');
  return 2;
}
