// Content keys: every cache decision of the build compares hashes of what a unit's output depends on.
import { createHash } from 'node:crypto';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Key of an SOP's Mermaid files (`--mermaid`): its diagram source, how it is drawn, where it goes. */
export function mermaidKey(settingsKey: string, mode: string, source: string, rel: string): string {
  return sha256(`${settingsKey}|mmd|${mode}|${source}|${rel}`);
}
