// `sop diff --format json`: the TreeDiff as it is, with a format version for consumers.
import type { TreeDiff } from '../types.js';

export function formatJson(d: TreeDiff): string {
  return `${JSON.stringify({ format: 'sop-diff/1', ...d }, null, 2)}\n`;
}
