// `sop render`: placeholder registration, replaced by the real command.
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

export function registerRender(program: Command, io: CliIO, state: RunState): void {
  program.command('render').description('(belum tersedia)').action(() => {
    io.stderr('sop render: belum tersedia\n');
    state.exitCode = 2;
  });
}
