// What the document profile asks of the flow table drawing: header labels, the column-number and total rows, list marks.
// (Inline Markdown in the cells is the renderer's own job: render/flowtable draws emphasis and strong.)
import type { DocumentLabels } from '../core/labels.js';
import type { LayoutSettings } from '../core/profile.js';
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
