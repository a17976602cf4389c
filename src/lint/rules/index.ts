// Static registry of every lint rule, keyed by id, in the order of spec §6 and §7.5 (then lifecycle and the loader-only ids).
import type { RuleModule } from '../types.js';
import yamlSyntax from './yaml-syntax.js';
import frontmatterMissing from './frontmatter-missing.js';
import schema from './schema.js';
import unknownPelaksana from './unknown-pelaksana.js';
import unusedPelaksana from './unused-pelaksana.js';
import duplicateId from './duplicate-id.js';
import unknownTarget from './unknown-target.js';
import decisionBranches from './decision-branches.js';
import unreachableKegiatan from './unreachable-kegiatan.js';
import noEnd from './no-end.js';
import dateOrder from './date-order.js';
import nipFormat from './nip-format.js';
import waktuFormat from './waktu-format.js';
import duplicateNomor from './duplicate-nomor.js';
import duplicateNama from './duplicate-nama.js';
import nomorPattern from './nomor-pattern.js';
import keterkaitanUnresolved from './keterkaitan-unresolved.js';
import activeVerb from './active-verb.js';
import teknisSinglePelaksana from './teknis-single-pelaksana.js';
import maxPelaksana from './max-pelaksana.js';
import outputChain from './output-chain.js';
import pelaksanaMismatch from './pelaksana-mismatch.js';
import keterkaitanSelf from './keterkaitan-self.js';
import decisionUnlabelled from './decision-unlabelled.js';
import nipMissing from './nip-missing.js';
import rowNumberOverride from './row-number-override.js';
import fileEncoding from './file-encoding.js';
import fileRead from './file-read.js';
import inventarisCoverage from './inventaris-coverage.js';
import monitoringDue from './monitoring-due.js';
import evaluasiTindakLanjut from './evaluasi-tindak-lanjut.js';
import revisiOutdated from './revisi-outdated.js';
import statusLinks from './status-links.js';
import statusDuplicate from './status-duplicate.js';
import statusDates from './status-dates.js';
import pathOutside from './path-outside.js';
import bodyLimit from './body-limit.js';
import flowHeaderTooTall from './flow-header-too-tall.js';
import unusedDisable from './unused-disable.js';

const list: RuleModule<any>[] = [
  yamlSyntax, frontmatterMissing, schema, unknownPelaksana, unusedPelaksana, duplicateId, unknownTarget,
  decisionBranches, unreachableKegiatan, noEnd, dateOrder, nipFormat, waktuFormat, duplicateNomor, duplicateNama,
  nomorPattern, keterkaitanUnresolved, activeVerb, teknisSinglePelaksana, maxPelaksana, outputChain,
  // format 1.1 (spec §7.5)
  pelaksanaMismatch, keterkaitanSelf, decisionUnlabelled, nipMissing, rowNumberOverride,
  // lifecycle (issue #15): inventory, monitoring, evaluation records
  inventarisCoverage, monitoringDue, evaluasiTindakLanjut,
  // document control (issue #14): revision dates against git, status and the links between versions
  revisiOutdated, statusLinks, statusDuplicate, statusDates,
  // what the flow table cannot draw, so build and render would refuse it (issue #16)
  flowHeaderTooTall,
  // inline `# sop-disable...` comments that suppressed nothing (issue #13)
  unusedDisable,
  fileEncoding, fileRead, pathOutside, bodyLimit,
];

export const rules: Readonly<Record<string, RuleModule<any>>> = Object.freeze(Object.fromEntries(list.map((r) => [r.id, r])));

/** Every rule id, registry order. */
export const ruleIds: readonly string[] = list.map((r) => r.id);

/** Ids the config may set (`rules` in sop.config.yaml); reading errors of the file itself always stay errors. */
export const configurableRuleIds: readonly string[] = ruleIds.filter((id) => id !== 'file-read' && id !== 'file-encoding' && id !== 'path-outside' && id !== 'body-limit');
