// XLSX writer of the roll-up (for offices that report in Excel): one styled sheet, read back by another library
// (exceljs) in tests.
import type { RollupContent } from '../lifecycle.js';

const BORDER = { borderStyle: 'thin' } as const;

/** The roll-up as XLSX bytes (write-excel-file, loaded only here). */
export async function rollupXlsx(c: RollupContent): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const width = c.columns.length;
  // a merged title row above the header, as on the printed form
  const title = [{ value: c.title, columnSpan: width, fontWeight: 'bold', fontSize: 12 } as const, ...Array<null>(width - 1).fill(null)];
  const header = c.columns.map((h) => ({ value: h, fontWeight: 'bold', backgroundColor: '#EEEEEE', wrap: true, align: 'center', alignVertical: 'center', ...BORDER }) as const);
  // the counts (every column from the third on) are numbers, so that a spreadsheet can sum them
  const rows = c.rows.map((r) => r.map((v, i) => (i >= 2 && /^\d+$/.test(v) ? { value: Number(v), ...BORDER } : { value: v, ...BORDER })));
  const data = [title, header, ...rows, [], [{ value: c.note }]];
  return writeXlsxFile(data, {
    sheet: 'Rekap',
    columns: c.columns.map((_, i) => ({ width: i === 1 ? 42 : 14 })),
    stickyRowsCount: 2,
  }).toBuffer();
}
