// `sop lint`: placeholder registration, replaced by the real command.
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

export function registerLint(program: Command, io: CliIO, state: RunState): void {
  program.command('lint').description('(belum tersedia)').action(() => {
    io.stderr('sop lint: belum tersedia\n');
    state.exitCode = 2;
  });
}
