// What pages know about an SOP and a pack: the facts the publisher planned (site path, unit, merged data), never a file format.
import type { PackConfig } from '../config/config-types.js';

/** One SOP as pages see it. */
export interface SopInfo {
  /** The merged frontmatter (config defaults applied). */
  data: Record<string, unknown>;
  /** Path of the SOP's page without extension, relative to the site root, POSIX (`sekretariat/surat-masuk`). */
  rel: string;
  nomor: string;
  nama: string;
  jenis: string;
  /** Unit shown in the catalogue. */
  unit: string;
  unitOrder: number;
  /** Legal state and the links between versions, resolved by the publisher (issue #14); absent = in force, no links. */
  status?: SopStatusInfo;
}

/** Another SOP named by `diganti_oleh` or `menggantikan`: its site path when it is part of the build. */
export interface StatusLink {
  text: string;
  rel?: string;
  nomor?: string;
  nama?: string;
}

export interface SopStatusInfo {
  /** `draf`, `berlaku`, `diganti` or `dicabut` (default `berlaku`). */
  status: string;
  digantiOleh?: StatusLink;
  menggantikan: StatusLink[];
  tanggalDicabut?: string;
}

/** A pack: its configuration and its SOPs by section, in order. */
export interface PackOutline {
  config: PackConfig;
  sections: { title: string; entries: SopInfo[] }[];
}

/** An official who signs (the SOP's `disahkan_oleh`, the decree's `pejabat`). */
export interface Pejabat {
  jabatan?: string;
  nama?: string;
  nip?: string;
  pangkat?: string;
}
