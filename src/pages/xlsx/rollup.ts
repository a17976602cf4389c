// XLSX writer of the roll-up (for offices that report in Excel): one styled sheet, read back by the same library in tests.
import type { RollupContent } from '../lifecycle.js';

/** The roll-up as XLSX bytes (exceljs, loaded only here). */
export async function rollupXlsx(c: RollupContent): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sop';
  // a fixed date keeps the file the same for the same records
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Rekap', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, c.columns.length);
  ws.getCell(1, 1).value = c.title;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  const header = ws.getRow(2);
  c.columns.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  for (const r of c.rows) ws.addRow(r.map((v, i) => (i >= 2 && /^\d+$/.test(v) ? Number(v) : v)));
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 42 : 14));
  for (let r = 2; r <= ws.rowCount; r++) {
    for (let k = 1; k <= c.columns.length; k++) ws.getCell(r, k).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  }
  ws.addRow([]);
  ws.addRow([c.note]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
