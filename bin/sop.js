#!/usr/bin/env node
// Process shell of the sop CLI: runs the compiled CLI and is the only place that sets the exit status.
import { statSync } from 'node:fs';

// `sop lint | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const { main } = await import(bundleIsCurrent() ? '../dist/bundle/sop.mjs' : '../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));

/**
 * The bundle (scripts/bundle.mjs: the same compiled code, linked, so it loads faster) unless tsc wrote dist/ after
 * it: then the bundle would run code older than dist/, and dist/ itself runs. An install has no tsc state.
 */
function bundleIsCurrent() {
  const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
  const bundle = mtime('../dist/bundle/sop.mjs');
  const compiled = mtime('../dist/.tsbuildinfo');
  return bundle !== undefined && (compiled === undefined || compiled <= bundle);
}
