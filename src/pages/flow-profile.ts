// What the document profile asks of the flow table drawing: header labels, the column-number and total rows, list marks; text without Markdown markers.
import type { DocumentLabels } from '../core/labels.js';
import { inlinePlain } from '../core/inline-markdown.js';
import type { LayoutSettings } from '../core/profile.js';
import type { FlowModel } from '../model/flow-types.js';
import type { FlowTableOptions } from '../render/flowtable/index.js';

/** The flow table options a profile sets (labels override the renderer's own header words). */
export function flowTableProfile(labels: DocumentLabels, layout: LayoutSettings): Pick<FlowTableOptions, 'labels' | 'totalRow' | 'columnNumbers' | 'listStyle'> {
  return {
    labels: {
      no: labels.no,
      kegiatan: labels.kegiatan,
      pelaksana: labels.pelaksana,
      mutuBaku: labels.mutu_baku,
      kelengkapan: labels.kelengkapan,
      waktu: labels.waktu,
      output: labels.output,
      keterangan: labels.keterangan,
      jumlahWaktu: labels.jumlah_waktu,
    },
    totalRow: layout.totalRow,
    columnNumbers: layout.columnNumbers,
    listStyle: layout.listStyle.cells,
  };
}

const plainList = (v: string[]): string[] => v.map((x) => inlinePlain(x));

/**
 * The model with the row texts as a reader sees them (inline Markdown markers removed, line breaks
 * kept), for the SVG drawing, which measures and prints plain text: no `*` reaches the page.
 */
export function plainModel(model: FlowModel): FlowModel {
  return {
    ...model,
    rows: model.rows.map((r) => ({
      ...r,
      kegiatan: inlinePlain(r.kegiatan),
      kelengkapan: plainList(r.kelengkapan),
      output: plainList(r.output),
      keterangan: r.keterangan === undefined ? undefined : inlinePlain(r.keterangan),
    })),
  };
}
