// Types of scripts/ts-loader/cache.mjs, for the test that imports it.
import type { Stats } from 'node:fs';
export function cacheDirOf(root: string): string;
export function cachedPathOf(root: string, cache: string, file: string): string;
export function readCached(out: string, stat: Pick<Stats, 'mtimeMs' | 'size'>): string | undefined;
export function writeCached(out: string, stat: Pick<Stats, 'mtimeMs' | 'size'>, code: string): void;
