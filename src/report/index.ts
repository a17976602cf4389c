// Registry of `sop lint --format` formatters; the CLI derives its `--format` choices from it.
import type { Formatter } from './types.js';
import { stylish } from './formatters/stylish.js';
import { json } from './formatters/json.js';
import { sarif } from './formatters/sarif.js';
import { github } from './formatters/github.js';
import { junit } from './formatters/junit.js';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

export const formatters = { stylish, json, sarif, github, junit } as const satisfies Record<FormatName, Formatter>;

/** In help order; `stylish` first because it is the default. */
export const formatNames = Object.keys(formatters) as FormatName[];

export type { Formatter, FormatterContext } from './types.js';
