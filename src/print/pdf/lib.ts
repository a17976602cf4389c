// @cantoo/pdf-lib, loaded from the single-file build the package ships (dist/pdf-lib.js, its "unpkg" entry):
// ~40 ms to load on this 2-core machine against ~85 ms for its CommonJS files and ~180 ms for its ES modules
// (~340 files), and a rebuild that merges a pack always pays it. The same version and code, bundled by its
// authors; the regular entry is the fallback if a later version stops shipping the bundle.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfLib from '@cantoo/pdf-lib';

function loadPdfLib(): typeof PdfLib {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@cantoo/pdf-lib');
  try {
    return require(path.join(path.dirname(entry), '..', 'dist', 'pdf-lib.js')) as typeof PdfLib;
  } catch {
    return require('@cantoo/pdf-lib') as typeof PdfLib;
  }
}

const lib = loadPdfLib();

export const { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef, PDFString } = lib;
export type PDFArray = PdfLib.PDFArray;
export type PDFDict = PdfLib.PDFDict;
export type PDFDocument = PdfLib.PDFDocument;
export type PDFHexString = PdfLib.PDFHexString;
export type PDFName = PdfLib.PDFName;
export type PDFNumber = PdfLib.PDFNumber;
export type PDFObjectCopier = PdfLib.PDFObjectCopier;
export type PDFPage = PdfLib.PDFPage;
export type PDFPageLeaf = PdfLib.PDFPageLeaf;
export type PDFRef = PdfLib.PDFRef;
export type PDFString = PdfLib.PDFString;
export type PDFContext = PdfLib.PDFContext;
export type PDFObject = PdfLib.PDFObject;
