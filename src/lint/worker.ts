// Worker thread of a large lint run: claims batches of files from a shared counter and posts their outcomes back.
import { parentPort, workerData } from 'node:worker_threads';
import { trustedConfig } from './config-source.js';
import type { EngineRun } from './engine.js';
import { lintBatch, type WorkerInput, type WorkerMessage } from './run.js';
import { prepareSopValidator } from './schema/validate.js';

const input = workerData as WorkerInput;
const config = trustedConfig(input.configFile, input.config, input.configDir, input.cwd, input.configChain);
const run: EngineRun = { ...input.run, now: new Date(input.run.now), config: config.config };
const batches = Math.ceil(input.files.length / input.batch);

prepareSopValidator();
for (;;) {
  const b = Atomics.add(input.counter, 0, 1);
  if (b >= batches) break;
  const outcomes = await lintBatch({ config }, input.files.slice(b * input.batch, (b + 1) * input.batch), run, input.fast);
  parentPort!.postMessage({ type: 'batch', index: b, outcomes } satisfies WorkerMessage);
}
parentPort!.postMessage({ type: 'done' } satisfies WorkerMessage);
