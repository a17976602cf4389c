// Reproducible PDFs: the print dates are replaced in place, byte offsets kept; the fixed date comes from SOURCE_DATE_EPOCH or the SOP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedCreationDate, latestDate, pdfDateString, renumberNodeIds, setPdfDates } from '../../src/print/pdf-dates.js';

const sample = (a: string, b: string): Buffer =>
  Buffer.from(`%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<</Creator (Chromium)\n/Producer (Skia/PDF m1)\n/CreationDate (${a})\n/ModDate (${b})>>\nendobj\n`, 'latin1');

test('pdfDateString: the 23-character form Chromium writes', () => {
  assert.equal(pdfDateString(new Date(Date.UTC(2025, 0, 15))), "D:20250115000000+00'00'");
});

test('setPdfDates: both dates set, length and every other byte unchanged', () => {
  const a = sample("D:20261201213802+00'00'", "D:20261201213802+00'00'");
  const { pdf, replaced } = setPdfDates(a, new Date(Date.UTC(2025, 0, 15)));
  assert.equal(replaced, 2);
  assert.equal(pdf.length, a.length);
  assert.equal(pdf.toString('latin1'), a.toString('latin1').replaceAll("D:20261201213802+00'00'", "D:20250115000000+00'00'"));
  // two prints made at different times become the same bytes
  const b = sample("D:20261201213805+00'00'", "D:20261201213806+00'00'");
  assert.deepEqual(setPdfDates(b, new Date(Date.UTC(2025, 0, 15))).pdf, pdf);
});

test('setPdfDates keeps binary bytes as they are', () => {
  const bin = Buffer.concat([sample("D:20261201213802+00'00'", "D:20261201213802Z"), Buffer.from([0, 255, 128, 10, 13])]);
  const { pdf } = setPdfDates(bin, new Date(Date.UTC(2025, 0, 15)));
  assert.equal(pdf.length, bin.length);
  assert.deepEqual([...pdf.subarray(pdf.length - 5)], [0, 255, 128, 10, 13]);
  assert.match(pdf.toString('latin1'), /\/ModDate \(D:20250115000000Z\)/);
});

test('fixedCreationDate: SOURCE_DATE_EPOCH, else the latest SOP date, else the epoch', () => {
  const data = { tanggal_pembuatan: '2025-01-02', tanggal_revisi: '-', tanggal_efektif: '2025-01-15' };
  assert.equal(fixedCreationDate(data, { SOURCE_DATE_EPOCH: '1700000000' }).toISOString(), '2023-11-14T22:13:20.000Z');
  assert.equal(fixedCreationDate(data).toISOString(), '2025-01-15T00:00:00.000Z');
  assert.equal(fixedCreationDate({ tanggal_revisi: '2026-03' }).toISOString(), '2026-03-01T00:00:00.000Z');
  assert.equal(fixedCreationDate({}).getTime(), 0);
  assert.equal(latestDate(['x', 3, '2024-13-40']), undefined);
});

test('renumberNodeIds: tag-tree ids 1, 2, ... in their order, every occurrence alike, length kept', () => {
  const a = Buffer.from('/ID (node00000343) /Headers [(node00000343)] /ID (node00000350) /Names [(node00000343) 1 0 R (node00000350) 2 0 R]', 'latin1');
  const b = Buffer.from('/ID (node00000296) /Headers [(node00000296)] /ID (node00000301) /Names [(node00000296) 1 0 R (node00000301) 2 0 R]', 'latin1');
  const ra = renumberNodeIds(a);
  assert.equal(ra.length, a.length);
  assert.deepEqual(ra, renumberNodeIds(b));
  assert.equal(ra.toString('latin1'), '/ID (node00000001) /Headers [(node00000001)] /ID (node00000002) /Names [(node00000001) 1 0 R (node00000002) 2 0 R]');
});
