// Types of scripts/build-validators.mjs, for the tests that import it.
export function schemaHash(schemaText: string): string;
export function generateValidator(schemaText: string): string;
export function emptyTestsByLength(code: string): string;
