#!/usr/bin/env node
// Process shell of the sop CLI: runs the compiled CLI and is the only place that sets the exit status.
import { main } from '../dist/cli/main.js';

// `sop lint | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(process.argv.slice(2));
