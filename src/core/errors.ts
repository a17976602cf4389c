// Error classes that stop a whole run (usage, config). Problems inside one SOP are diagnostics, never thrown.

/** Wrong command-line usage: exit code 2, message shown without a stack trace. */
export class SopUsageError extends Error {
  override name = 'SopUsageError';
}

/** A config file that cannot be read or does not validate: exit code 2. */
export class SopConfigError extends Error {
  override name = 'SopConfigError';
  constructor(message: string, readonly file?: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

/** No usable Chromium was found; the message says how to get one. */
export class SopBrowserMissingError extends Error {
  override name = 'SopBrowserMissingError';
}
