// Shared result types: every diagnostic, position and lint result in sop has one of these shapes.

/** Language of document labels and messages. */
export type Lang = 'id' | 'en';

/** 'error' fails the run; 'warning' is reported only. */
export type Severity = 'error' | 'warning';

/** A configured rule level, as written in `sop.config.yaml` `rules`. */
export type RuleLevel = 'error' | 'warn' | 'off';

/** 1-based line and column span of a node in a file. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A place in a file: path (POSIX, relative to cwd where possible) plus range. */
export interface Location extends Range {
  file: string;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Diagnostic extends Range {
  ruleId: string;
  severity: Severity;
  message: string;
  /** File that holds the node: the SOP itself, or the config file for values from `defaults`. */
  file: string;
  source: 'yaml' | 'schema' | 'rule' | 'io';
  url?: string;
  related?: RelatedLocation[];
}

export interface FileResult {
  /** The SOP file linted (POSIX, relative to cwd). */
  filePath: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

export interface LintRunResult {
  results: FileResult[];
  errorCount: number;
  warningCount: number;
}
