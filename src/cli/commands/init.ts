// `sop init`: placeholder registration, replaced by the real command.
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

export function registerInit(program: Command, io: CliIO, state: RunState): void {
  program.command('init').description('(belum tersedia)').action(() => {
    io.stderr('sop init: belum tersedia\n');
    state.exitCode = 2;
  });
}
