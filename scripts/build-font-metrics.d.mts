// Types of scripts/build-font-metrics.mjs, for the test that imports it.
export const TARGET: string;
export const FACES: { regular: string; bold: string; regularExt: string; boldExt: string };
export function faceMetrics(file: string): { unitsPerEm: number; ascent: number; descent: number; capHeight: number; codePoints: number[]; advances: number[] };
export function fontMetricsSource(): string;
