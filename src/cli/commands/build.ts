// `sop build`: placeholder registration, replaced by the real command.
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

export function registerBuild(program: Command, io: CliIO, state: RunState): void {
  program.command('build').description('(belum tersedia)').action(() => {
    io.stderr('sop build: belum tersedia\n');
    state.exitCode = 2;
  });
}
