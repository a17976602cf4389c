// `sop new`: placeholder registration, replaced by the real command.
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

export function registerNew(program: Command, io: CliIO, state: RunState): void {
  program.command('new').description('(belum tersedia)').action(() => {
    io.stderr('sop new: belum tersedia\n');
    state.exitCode = 2;
  });
}
