// The `yaml` package, required on first use: its 72 CommonJS files cost about 30 ms of every start, and
// `sop --version`, `sop lint` of clean SOPs (the js-yaml fast path) and most commands never need it.
import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let loaded: YamlModule | undefined;

/** The `yaml` module (the same CommonJS build an `import` under Node loads). */
export function yamlLibrary(): YamlModule {
  return (loaded ??= createRequire(import.meta.url)('yaml') as YamlModule);
}
