// The formatter contract of `sop lint`: a pure function from lint results to the text the CLI writes.
import type { FileResult } from '../core/types.js';

export interface FormatterContext {
  /** Directory the paths in the results are relative to. */
  cwd: string;
  /** Whether to emit ANSI colour; decided by the CLI (TTY, NO_COLOR, --color), never by a formatter. */
  color: boolean;
  /** The sop version, for machine formats that name their producer (SARIF). */
  version: string;
  /** Language of human-facing words (stylish summary, JUnit pass label). */
  lang: 'id' | 'en';
  /** Metadata of every known rule, keyed by rule id. */
  rules: Record<string, { description: string; url?: string; defaultSeverity: 'error' | 'warning' | 'off' }>;
  /** Home page of the tool, for SARIF `tool.driver.informationUri`; omitted from the output when absent. */
  informationUri?: string;
}

/**
 * Turns results (already sorted by the engine: file, line, column) into the complete output text.
 * Non-empty output ends with a newline, so the CLI writes it as is; a formatter never reorders.
 */
export type Formatter = (results: FileResult[], ctx: FormatterContext) => string;
