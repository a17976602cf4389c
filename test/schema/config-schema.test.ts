// Tests of schemas/config.schema.json (spec §5): matches SopConfig, accepts a full config, rejects each kind of break.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { hasError, schemaAsserts, strictWarnings, summary, type Json } from './ajv-assert.js';
import type { PackConfig, PackKeputusan, PackSection, SopConfig } from '../../src/config/config-types.js';
import type { TimeConfig } from '../../src/model/flow-types.js';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------


const readJson = (rel: string): Json => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as Json;
const schema = readJson('../../schemas/config.schema.json');
const sopSchema = readJson('../../schemas/sop.schema.json');
const fixture = parse(readFileSync(new URL('../fixtures/schema/config-full.yaml', import.meta.url), 'utf8')) as Json;

const { accept, reject } = schemaAsserts(schema);

/** A fresh copy of the full valid config, to break one thing in. */
function config(): Json {
  return structuredClone(fixture);
}


// Key lists, checked against the TypeScript types by tsc (a key added to a type breaks the typecheck
// until it is added here, and then the runtime test below fails until the schema has it).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

const SOP_CONFIG_KEYS = [
  'lang',
  'paper',
  'include',
  'exclude',
  'output',
  'defaults',
  'numbering',
  'templates',
  'time',
  'labels',
  'layout',
  'signature',
  'extends',
  'rules',
  'pack',
  'lifecycle',
  'evidence',
  'history',
] as const;
const configKeysMatch: Same<(typeof SOP_CONFIG_KEYS)[number], keyof SopConfig> = true;
const TIME_KEYS = ['workingDayHours', 'dayHours', 'weekWorkingDays', 'monthWorkingDays', 'noStandard'] as const;
const timeKeysMatch: Same<(typeof TIME_KEYS)[number], keyof TimeConfig> = true;
const PACK_KEYS = ['id', 'title', 'subtitle', 'year', 'address', 'keputusan', 'penjelasan', 'sections', 'includeSuperseded'] as const;
const PACK_REQUIRED = ['title', 'year'] as const;
const packKeysMatch: Same<(typeof PACK_KEYS)[number], keyof PackConfig> = true;
const packRequiredMatch: Same<(typeof PACK_REQUIRED)[number], RequiredKeys<PackConfig>> = true;
const KEPUTUSAN_KEYS = ['jenis', 'nomor', 'tentang', 'tanggal', 'pejabat', 'file'] as const;
const KEPUTUSAN_REQUIRED = ['nomor', 'tentang', 'tanggal'] as const;
const keputusanKeysMatch: Same<(typeof KEPUTUSAN_KEYS)[number], keyof PackKeputusan> = true;
const keputusanRequiredMatch: Same<(typeof KEPUTUSAN_REQUIRED)[number], RequiredKeys<PackKeputusan>> = true;
const sectionKeysMatch: Same<'title' | 'include', keyof PackSection | RequiredKeys<PackSection>> = true;

/** Identity keys that config `defaults` may supply (the task's list; not nomor, nama, dates of making/effect, flow rows). */
const DEFAULT_KEYS = [
  'instansi',
  'logo',
  'disahkan_oleh',
  'jenis',
  'cakupan',
  'sifat',
  'dasar_hukum',
  'kualifikasi_pelaksana',
  'keterkaitan',
  'peralatan_perlengkapan',
  'peringatan',
  'pencatatan_pendataan',
  'tanggal_revisi',
  'pelaksana',
];

/** Lint rule ids of spec §6. */
const RULE_IDS = [
  'yaml-syntax',
  'frontmatter-missing',
  'schema',
  'unknown-pelaksana',
  'unused-pelaksana',
  'duplicate-id',
  'unknown-target',
  'decision-branches',
  'unreachable-kegiatan',
  'no-end',
  'date-order',
  'nip-format',
  'waktu-format',
  'duplicate-nomor',
  'duplicate-nama',
  'nomor-pattern',
  'keterkaitan-unresolved',
  'active-verb',
  'teknis-single-pelaksana',
  'max-pelaksana',
  'output-chain',
];
/** Rule ids of the lifecycle records (issue #15), also configurable. */
const LIFECYCLE_RULE_IDS = ['inventaris-coverage', 'monitoring-due', 'evaluasi-tindak-lanjut'];

/** Every `$ref` target name (`#/$defs/<name>`) used under `node`. */
function refsUnder(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refsUnder(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) out.add(v.slice('#/$defs/'.length));
      else refsUnder(v, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe('config.schema.json: the schema itself', () => {
  it('is draft 2020-12 with the versioned $id', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, 'https://sop-ap.id/schemas/sop-ap/1/config.schema.json');
  });

  it('compiles in Ajv strict mode without any warning, alone and beside sop.schema.json', () => {
    assert.deepEqual(strictWarnings([schema]), []);
    assert.deepEqual(strictWarnings([sopSchema, schema]), []);
  });

  it('has exactly the top-level keys of the SopConfig interface', () => {
    assert.ok(configKeysMatch && timeKeysMatch && packKeysMatch && packRequiredMatch);
    assert.ok(keputusanKeysMatch && keputusanRequiredMatch && sectionKeysMatch);
    assert.deepEqual(Object.keys(schema.properties).sort(), [...SOP_CONFIG_KEYS].sort());
    assert.equal(schema.required, undefined, 'every SopConfig key is optional');
    assert.deepEqual(Object.keys(schema.properties.time.properties).sort(), [...TIME_KEYS].sort());
    assert.deepEqual(Object.keys(schema.$defs.paket.properties).sort(), [...PACK_KEYS].sort());
    assert.deepEqual([...schema.$defs.paket.required].sort(), [...PACK_REQUIRED].sort());
    assert.deepEqual(Object.keys(schema.$defs.keputusanPaket.properties).sort(), [...KEPUTUSAN_KEYS].sort());
    assert.deepEqual([...schema.$defs.keputusanPaket.required].sort(), [...KEPUTUSAN_REQUIRED].sort());
  });

  it('lists the 21 rule ids of spec §6, the five of §7.5, the lifecycle rule ids, the document-control ids (issue #14), flow-header-too-tall (issue #16) and unused-disable (issue #13) as the only rule keys', () => {
    assert.equal(RULE_IDS.length, 21);
    const format11 = ['pelaksana-mismatch', 'keterkaitan-self', 'decision-unlabelled', 'nip-missing', 'row-number-override'];
    assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), [...RULE_IDS, ...format11, ...LIFECYCLE_RULE_IDS, 'revisi-outdated', 'status-links', 'status-duplicate', 'status-dates', 'flow-header-too-tall', 'unused-disable'].sort());
  });

  it('defaults: exactly the identity keys, each a verbatim copy of sop.schema.json', () => {
    const defaults = schema.properties.defaults.properties as Json;
    assert.deepEqual(Object.keys(defaults).sort(), [...DEFAULT_KEYS].sort());
    for (const key of DEFAULT_KEYS) {
      assert.deepEqual(defaults[key], sopSchema.properties[key], `defaults.${key} drifted from sop.schema.json`);
    }
    // Every definition the copied properties use, transitively, must be the same as in sop.schema.json.
    const used = refsUnder(defaults);
    for (let size = 0; size !== used.size; ) {
      size = used.size;
      for (const name of [...used]) refsUnder(sopSchema.$defs[name], used);
    }
    assert.deepEqual([...used].sort(), ['daftarTeks', 'idPelaksana', 'pejabat', 'tanggal', 'teks']);
    for (const name of used) {
      assert.deepEqual(schema.$defs[name], sopSchema.$defs[name], `$defs/${name} drifted from sop.schema.json`);
    }
  });

  it('gives every property an Indonesian title and description and an English $comment', () => {
    const walk = (node: unknown, pointer: string, out: Array<[string, Json]>): void => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${pointer}/${i}`, out));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node as Json)) {
          if (k === 'examples' || k === 'default' || k === 'enum') continue;
          if (k === 'properties') for (const [name, sub] of Object.entries(v as Json)) out.push([`${pointer}/properties/${name}`, sub]);
          walk(v, `${pointer}/${k}`, out);
        }
      }
    };
    const props: Array<[string, Json]> = [];
    walk(schema, '', props);
    assert.ok(props.length > 40, `only ${props.length} properties found`);
    for (const [pointer, node] of props) {
      for (const key of ['title', 'description', '$comment']) {
        assert.ok(typeof node[key] === 'string' && node[key].length > 0, `${pointer} has no ${key}`);
      }
    }
  });

  it('every example in the schema is valid against its own subschema', () => {
    const checker = new Ajv2020({ allErrors: true, strict: true });
    checker.addSchema(schema);
    let count = 0;
    const walk = (node: unknown, pointer: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${pointer}/${i}`));
      else if (node && typeof node === 'object') {
        const obj = node as Json;
        if (Array.isArray(obj.examples)) {
          const sub = checker.getSchema(`${schema.$id}#${pointer}`);
          assert.ok(sub, `cannot resolve ${pointer}`);
          for (const example of obj.examples) {
            count++;
            assert.equal(sub(example), true, `example ${JSON.stringify(example)} of ${pointer}: ${JSON.stringify(sub.errors)}`);
          }
        }
        for (const [k, v] of Object.entries(obj)) if (k !== 'examples' && k !== 'default' && k !== 'enum') walk(v, `${pointer}/${k}`);
      }
    };
    walk(schema, '');
    assert.ok(count > 40, `only ${count} examples`);
  });
});

describe('config.schema.json: valid configs', () => {
  it('accepts a realistic full config (every key set, two packs)', () => {
    accept(config());
  });

  it('accepts an empty config and a single pack object', () => {
    accept({});
    accept({ pack: { title: 'SOP Badan Kepegawaian Daerah', year: 2025 } });
  });

  it('accepts numbering patterns with {seq}, {seq:N} and {year}', () => {
    for (const numbering of ['800/{seq:3}/SOP/BKD/{year}', 'SOP-{seq}', '{year}.{seq:4}', 'SOP/BKD/001']) {
      accept({ numbering });
    }
  });
});

describe('config.schema.json: rejected breaks', () => {
  it('unknown top-level key', () => {
    const data = config();
    data.paperSize = 'A4';
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['additionalProperties ']);
    hasError(errors, 'additionalProperties', '', { additionalProperty: 'paperSize' });
  });

  it('bad paper and bad lang', () => {
    const data = config();
    data.paper = 'Letter';
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['enum /paper']);
    hasError(errors, 'enum', '/paper', { allowedValues: ['A4', 'F4'] });
    const lang = config();
    lang.lang = 'jv';
    hasError(reject(lang), 'enum', '/lang');
  });

  it('bad rule id', () => {
    const data = config();
    data.rules['no-such-rule'] = 'error';
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['enum /rules', 'propertyNames /rules']);
    hasError(errors, 'propertyNames', '/rules', { propertyName: 'no-such-rule' });
  });

  it('bad rule level, in both forms', () => {
    const plain = config();
    plain.rules['output-chain'] = 'warning';
    hasError(reject(plain), 'anyOf', '/rules/output-chain');
    const numeric = config();
    numeric.rules['output-chain'] = 2;
    hasError(reject(numeric), 'anyOf', '/rules/output-chain');
    const tuple = config();
    tuple.rules['max-pelaksana'] = ['warning', { max: 6 }];
    hasError(reject(tuple), 'enum', '/rules/max-pelaksana/0');
    const noOptions = config();
    noOptions.rules['max-pelaksana'] = ['warn'];
    hasError(reject(noOptions), 'minItems', '/rules/max-pelaksana');
    const tooMany = config();
    tooMany.rules['max-pelaksana'] = ['warn', { max: 6 }, 'extra'];
    hasError(reject(tooMany), 'items', '/rules/max-pelaksana');
    const optionsNotObject = config();
    optionsNotObject.rules['max-pelaksana'] = ['warn', 6];
    hasError(reject(optionsNotObject), 'type', '/rules/max-pelaksana/1');
  });

  it('defaults: only shared identity keys (plus x-), with the SOP schema shapes', () => {
    for (const key of ['nomor', 'nama', 'tanggal_pembuatan', 'tanggal_efektif', 'prosedur', 'paper']) {
      const data = config();
      data.defaults[key] = 'x';
      hasError(reject(data), 'additionalProperties', '/defaults', { additionalProperty: key });
    }
    const near = config();
    near.defaults.x_kode = 'BKD-01';
    hasError(reject(near), 'additionalProperties', '/defaults', { additionalProperty: 'x_kode' });
    const jenis = config();
    jenis.defaults.jenis = 'operasional';
    assert.deepEqual(summary(reject(jenis)), ['enum /defaults/jenis']);
    const pejabat = config();
    pejabat.defaults.disahkan_oleh.golongan = 'IV/c';
    hasError(reject(pejabat), 'additionalProperties', '/defaults/disahkan_oleh', { additionalProperty: 'golongan' });
    const actor = config();
    actor.defaults.pelaksana['Kepala Badan'] = 'Kepala Badan';
    hasError(reject(actor), 'propertyNames', '/defaults/pelaksana');
    const revisi = config();
    revisi.defaults.tanggal_revisi = '15-01-2026';
    hasError(reject(revisi), 'anyOf', '/defaults/tanggal_revisi');
  });

  it('numbering: unknown placeholders and stray braces', () => {
    for (const numbering of ['{nomor}/SOP', '800/{seq:0}/SOP', '800/{seq:}/SOP', '800/{seq', 'SOP}', '{YEAR}', '']) {
      hasError(reject({ numbering }), 'pattern', '/numbering');
    }
  });

  it('time: positive numbers, known keys only', () => {
    for (const bad of [0, -8, '8']) {
      const data = config();
      data.time.workingDayHours = bad;
      reject(data);
    }
    const zero = config();
    zero.time.dayHours = 0;
    hasError(reject(zero), 'exclusiveMinimum', '/time/dayHours');
    const unknown = config();
    unknown.time.hours = 8;
    hasError(reject(unknown), 'additionalProperties', '/time', { additionalProperty: 'hours' });
  });

  it('pack: required title and year, strict keys, decree date pattern', () => {
    const noTitle = config();
    delete noTitle.pack[0].title;
    hasError(reject(noTitle), 'required', '/pack/0', { missingProperty: 'title' });
    const single = { pack: { title: 'SOP BKD' } };
    hasError(reject(single), 'required', '/pack', { missingProperty: 'year' });
    const extra = config();
    extra.pack[1].cover = 'sampul.pdf';
    hasError(reject(extra), 'additionalProperties', '/pack/1', { additionalProperty: 'cover' });
    const badId = config();
    badId.pack[0].id = 'SOP BKD';
    hasError(reject(badId), 'pattern', '/pack/0/id');
    const date = config();
    date.pack[0].keputusan.tanggal = '01-02-2025';
    hasError(reject(date), 'pattern', '/pack/0/keputusan/tanggal');
    const noNomor = config();
    delete noNomor.pack[0].keputusan.nomor;
    hasError(reject(noNomor), 'required', '/pack/0/keputusan', { missingProperty: 'nomor' });
    // format 1.1: an official's NIP is optional (e-signed decrees name none); the name is not
    const pejabat = config();
    delete pejabat.pack[0].keputusan.pejabat.nama;
    hasError(reject(pejabat), 'required', '/pack/0/keputusan/pejabat', { missingProperty: 'nama' });
    const section = config();
    delete section.pack[0].sections[1].include;
    hasError(reject(section), 'required', '/pack/0/sections/1', { missingProperty: 'include' });
    const year = config();
    year.pack[0].year = 25.5;
    hasError(reject(year), 'anyOf', '/pack/0/year');
    const empty = config();
    empty.pack = [];
    hasError(reject(empty), 'minItems', '/pack');
  });

  it('include/exclude: arrays of non-empty glob strings', () => {
    hasError(reject({ include: 'sop/**/*.md' }), 'type', '/include');
    hasError(reject({ exclude: [''] }), 'minLength', '/exclude/0');
  });
});

describe('config.schema.json: format 1.1 keys (spec §7.4)', async () => {
  const { LABEL_KEYS } = await import('../../src/core/labels.js');
  const { translateAjvErrors } = await import('../../src/schema/translate.js');
  const { Ajv2020: AjvVerbose } = await import('ajv/dist/2020.js');
  const verbose = new AjvVerbose({ allErrors: true, strict: true, verbose: true }).compile(schema);

  it('labels: exactly the keys of src/core/labels.ts, text values', () => {
    assert.deepEqual(schema.properties.labels.propertyNames.enum, [...LABEL_KEYS]);
    const data = config();
    data.labels = { tanggal_efektif: 'Tanggal Pengesahan', mutu_baku: 'Baku Mutu', kegiatan: 'Uraian Prosedur', halaman: 'Hal. {x}/{y}' };
    accept(data);
    data.labels.kegiatan = '';
    hasError(reject(data), 'minLength', '/labels/kegiatan');
  });

  it('labels: an unknown key is an error whose message lists the known keys', () => {
    const data = config();
    data.labels = { mutubaku: 'Baku Mutu' };
    assert.equal(verbose(data), false);
    const problems = translateAjvErrors(verbose.errors ?? []);
    const p = problems.find((x) => x.path.join('/') === 'labels/mutubaku');
    assert.ok(p, JSON.stringify(problems));
    assert.equal(p.atKey, true);
    assert.match(p.message, /^kunci label `mutubaku` tidak dikenal; mungkin maksudnya `mutu_baku`\?\. Kunci yang dikenal: `nomor`, `tanggal_pembuatan`/);
    for (const k of LABEL_KEYS) assert.ok(p.message.includes(`\`${k}\``), k);
    assert.match(p.messageEn, /^unknown label key `mutubaku`; did you mean `mutu_baku`\?\. Known keys: /);
  });

  it('layout, signature, time.noStandard and extends', () => {
    const data = config();
    data.layout = { flowOnIdentityPage: true, columnNumbers: true, case: 'upper', listStyle: { identity: 'dash', cells: 'number' }, totalRow: false };
    data.signature = { footer: 'Dokumen ini ditandatangani secara elektronik (BSrE)' };
    data.time = { noStandard: ['insidentil'] };
    data.extends = '../sop.config.yaml';
    accept(data);
    const bad = structuredClone(data);
    bad.layout.case = 'lower';
    bad.layout.listStyle.cells = 'bullet';
    bad.layout.margin = 10;
    bad.signature.image = 'ttd.png';
    bad.time.noStandard = 'insidentil';
    const errors = reject(bad);
    hasError(errors, 'enum', '/layout/case');
    hasError(errors, 'enum', '/layout/listStyle/cells');
    hasError(errors, 'additionalProperties', '/layout', { additionalProperty: 'margin' });
    hasError(errors, 'additionalProperties', '/signature', { additionalProperty: 'image' });
    hasError(errors, 'type', '/time/noStandard');
  });
});
