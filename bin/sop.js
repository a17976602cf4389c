#!/usr/bin/env node
// Process shell of the sop CLI: runs the compiled CLI and is the only place that sets the exit status.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
