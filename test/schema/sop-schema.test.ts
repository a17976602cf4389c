// Tests of schemas/sop.schema.json (spec §2-§3): compiles in Ajv strict mode, accepts a complete SOP, rejects each kind of break.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { hasError, schemaAsserts, strictWarnings, summary, type Json } from './ajv-assert.js';
import type { Keputusan, Pejabat, ProsedurRow, SopData } from '../../src/model/sop-types.js';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------


const schema = JSON.parse(readFileSync(new URL('../../schemas/sop.schema.json', import.meta.url), 'utf8')) as Json;
const fixture = parse(
  readFileSync(new URL('../fixtures/schema/sop-cuti-tahunan.yaml', import.meta.url), 'utf8'),
) as Json;

const { accept, reject } = schemaAsserts(schema);

/** A fresh copy of the valid fixture, to break one thing in. */
function sop(): Json {
  return structuredClone(fixture);
}


/** Every subschema with `examples`, as [JSON pointer, node]. */
function nodesWithExamples(node: unknown, pointer = ''): Array<[string, Json]> {
  if (Array.isArray(node)) return node.flatMap((n, i) => nodesWithExamples(n, `${pointer}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const out: Array<[string, Json]> = [];
  const obj = node as Json;
  if (Array.isArray(obj.examples)) out.push([pointer, obj]);
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'examples' || k === 'default' || k === 'const' || k === 'enum') continue;
    out.push(...nodesWithExamples(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return out;
}

/** Every named property of the schema (entries of `properties` maps), as [JSON pointer, node]. */
function propertyNodes(node: unknown, pointer = ''): Array<[string, Json]> {
  if (Array.isArray(node)) return node.flatMap((n, i) => propertyNodes(n, `${pointer}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const out: Array<[string, Json]> = [];
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'examples' || k === 'default' || k === 'const' || k === 'enum') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [name, sub] of Object.entries(v as Json)) {
        // `not: {properties: {ke: true, ...}}` only declares names for Ajv strictRequired.
        if (typeof sub === 'object') out.push([`${pointer}/properties/${name}`, sub as Json]);
      }
    }
    out.push(...propertyNodes(v, `${pointer}/${k}`));
  }
  return out;
}

// Type-level check that the schema's key lists below match the TypeScript model (checked by tsc).
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const REQUIRED = [
  'nomor',
  'nama',
  'instansi',
  'tanggal_pembuatan',
  'tanggal_revisi',
  'tanggal_efektif',
  'disahkan_oleh',
  'dasar_hukum',
  'kualifikasi_pelaksana',
  'keterkaitan',
  'peralatan_perlengkapan',
  'peringatan',
  'pencatatan_pendataan',
  'pelaksana',
  'prosedur',
] as const;
const OPTIONAL = ['jenis', 'cakupan', 'sifat', 'logo', 'status', 'diganti_oleh', 'menggantikan', 'tanggal_dicabut'] as const;
// `pelaksana` is required unless the row has `langkah` (format 1.1): an `if`/`then` in the schema
const ROW_REQUIRED = ['kegiatan', 'kelengkapan', 'waktu', 'output'] as const;
const ROW_OPTIONAL = ['pelaksana', 'keterangan', 'id', 'ke', 'keputusan', 'langkah', 'mulai', 'opsional', 'simbol_teks', 'no'] as const;

type SopKeys = Exclude<keyof SopData, `x-${string}`>;
const requiredMatchesModel: Same<(typeof REQUIRED)[number], RequiredKeys<Pick<SopData, SopKeys>>> = true;
const allMatchModel: Same<(typeof REQUIRED)[number] | (typeof OPTIONAL)[number], SopKeys> = true;
const rowMatchesModel: Same<(typeof ROW_REQUIRED)[number], RequiredKeys<ProsedurRow>> = true;
const rowAllMatchModel: Same<(typeof ROW_REQUIRED)[number] | (typeof ROW_OPTIONAL)[number], keyof ProsedurRow> = true;
const pejabatMatchesModel: Same<'jabatan' | 'nama' | 'nip' | 'pangkat' | 'tte', keyof Pejabat> = true;
const keputusanMatchesModel: Same<'ya' | 'tidak' | 'label', keyof Keputusan> = true;

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe('sop.schema.json: the schema itself', () => {
  it('is draft 2020-12 with the versioned $id', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, 'https://sop-ap.id/schemas/sop-ap/1.1/sop.schema.json');
  });

  it('compiles in Ajv strict mode without any warning', () => {
    assert.deepEqual(strictWarnings([schema]), []);
  });

  it('requires exactly the identity and flow keys of spec §2-§3 and knows the optional ones', () => {
    assert.ok(requiredMatchesModel && allMatchModel && rowMatchesModel && rowAllMatchModel);
    assert.ok(pejabatMatchesModel && keputusanMatchesModel);
    assert.deepEqual([...schema.required].sort(), [...REQUIRED].sort());
    assert.deepEqual(Object.keys(schema.properties).sort(), [...REQUIRED, ...OPTIONAL].sort());
    assert.deepEqual([...schema.$defs.baris.required].sort(), [...ROW_REQUIRED].sort());
    assert.deepEqual(Object.keys(schema.$defs.baris.properties).sort(), [...ROW_REQUIRED, ...ROW_OPTIONAL].sort());
  });

  it('gives every property an Indonesian title and description and an English $comment', () => {
    const props = propertyNodes(schema);
    assert.ok(props.length > 30, `only ${props.length} properties found`);
    for (const [pointer, node] of props) {
      for (const key of ['title', 'description', '$comment']) {
        assert.equal(typeof node[key], 'string', `${pointer} has no ${key}`);
        assert.ok(node[key].length > 0, `${pointer} has an empty ${key}`);
      }
    }
  });

  it('gives examples for every scalar and list property, and every example is valid', () => {
    for (const [pointer, node] of propertyNodes(schema)) {
      const isObject = node.type === 'object' || node.$ref === '#/$defs/pejabat' || node.$ref === '#/$defs/keputusan';
      if (!isObject) assert.ok(Array.isArray(node.examples) && node.examples.length > 0, `${pointer} has no examples`);
    }
    const withExamples = nodesWithExamples(schema);
    assert.ok(withExamples.length > 30);
    const checker = new Ajv2020({ allErrors: true, strict: true });
    checker.addSchema(schema);
    for (const [pointer, node] of withExamples) {
      const sub = checker.getSchema(`${schema.$id}#${pointer}`);
      assert.ok(sub, `cannot resolve ${pointer}`);
      for (const example of node.examples) {
        assert.equal(sub(example), true, `example ${JSON.stringify(example)} of ${pointer}: ${JSON.stringify(sub.errors)}`);
      }
    }
  });

  it('fills jenis with its default administratif', () => {
    const filling = new Ajv2020({ allErrors: true, strict: true, useDefaults: true });
    const data = sop();
    delete data.jenis;
    assert.equal(filling.validate(schema, data), true);
    assert.equal(data.jenis, 'administratif');
  });
});

describe('sop.schema.json: a complete SOP', () => {
  it('accepts the cuti tahunan fixture (spec §3 example, YAML 1.2)', () => {
    accept(sop());
  });

  it('accepts the minimal form: optional keys left out, "-" values, single-string lists', () => {
    const data = sop();
    for (const key of OPTIONAL) delete data[key];
    data.tanggal_revisi = '-';
    data.keterkaitan = '-';
    data.peringatan = ['Hak cuti terlambat diberikan', 'Cuti melebihi sisa hak cuti'];
    data.prosedur = [
      { kegiatan: 'Mengagendakan surat masuk', pelaksana: 'pengelola', kelengkapan: '-', waktu: '5 menit', output: 'Surat teragenda' },
    ];
    accept(data);
  });

  it('accepts agency extensions (x- keys) at the top level only', () => {
    const data = sop();
    data['x-kode-unit'] = 'BKD-01';
    data['x-catatan'] = { apa: ['saja'] };
    accept(data);
    for (const near of ['x_kode', 'xkode', 'X-kode']) {
      hasError(reject({ ...sop(), [near]: 1 }), 'additionalProperties', '', { additionalProperty: near });
    }
    data.prosedur[0]['x-catatan'] = 'tidak boleh di sini';
    const errors = reject(data);
    hasError(errors, 'additionalProperties', '/prosedur/0', { additionalProperty: 'x-catatan' });
  });
});

describe('sop.schema.json: rejected breaks', () => {
  it('missing required key', () => {
    for (const key of REQUIRED) {
      const data = sop();
      delete data[key];
      const errors = reject(data);
      assert.deepEqual(summary(errors), ['required '], key);
      hasError(errors, 'required', '', { missingProperty: key });
    }
  });

  it('wrong type', () => {
    const data = sop();
    data.nama = 123;
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['type /nama']);
    hasError(errors, 'type', '/nama', { type: 'string' });

    const asString = sop();
    asString.instansi = 'Badan Kepegawaian Daerah';
    hasError(reject(asString), 'type', '/instansi', { type: 'array' });

    const numberNomor = sop();
    numberNomor.nomor = 800;
    hasError(reject(numberNomor), 'type', '/nomor');
  });

  it('unknown top-level key', () => {
    const data = sop();
    data.lampiran = 'formulir.pdf';
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['additionalProperties ']);
    hasError(errors, 'additionalProperties', '', { additionalProperty: 'lampiran' });
  });

  it('unknown key inside a prosedur row', () => {
    const data = sop();
    data.prosedur[1].petugas = 'atasan';
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['additionalProperties /prosedur/1']);
    hasError(errors, 'additionalProperties', '/prosedur/1', { additionalProperty: 'petugas' });
  });

  it('unknown key inside disahkan_oleh, and a missing nama (nip is optional since 1.1)', () => {
    const data = sop();
    data.disahkan_oleh.golongan = 'IV/c';
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['additionalProperties /disahkan_oleh']);
    hasError(errors, 'additionalProperties', '/disahkan_oleh', { additionalProperty: 'golongan' });

    const noNama = sop();
    delete noNama.disahkan_oleh.nama;
    hasError(reject(noNama), 'required', '/disahkan_oleh', { missingProperty: 'nama' });
  });

  it('bad enum', () => {
    const data = sop();
    data.jenis = 'operasional';
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['enum /jenis']);
    hasError(errors, 'enum', '/jenis', { allowedValues: ['administratif', 'teknis'] });

    const cakupan = sop();
    cakupan.cakupan = 'meso';
    hasError(reject(cakupan), 'enum', '/cakupan');
    const sifat = sop();
    sifat.sifat = 'umum';
    hasError(reject(sifat), 'enum', '/sifat');
  });

  it('bad date format, while a non-existent calendar date is left to date-order', () => {
    for (const bad of ['15-01-2025', '2025-13-01', '2025/01/15', '2025-1-15', '2025-01-32', '2025-00-10', '2025-01-15T08:00']) {
      const data = sop();
      data.tanggal_pembuatan = bad;
      const errors = reject(data);
      assert.deepEqual(summary(errors), ['pattern /tanggal_pembuatan'], bad);
    }
    const efektif = sop();
    efektif.tanggal_efektif = '2025/02/01';
    hasError(reject(efektif), 'pattern', '/tanggal_efektif');

    const notADay = sop();
    notADay.tanggal_pembuatan = '2025-02-30';
    notADay.tanggal_efektif = '2025-02-31';
    accept(notADay);
  });

  it('tanggal_revisi: a date, "-" or null; anything else is rejected', () => {
    for (const ok of ['2026-01-15', '-', null]) {
      const data = sop();
      data.tanggal_revisi = ok;
      accept(data);
    }
    for (const bad of ['', 'belum', '15-01-2026', '--']) {
      const data = sop();
      data.tanggal_revisi = bad;
      hasError(reject(data), 'anyOf', '/tanggal_revisi');
    }
  });

  it('keterkaitan: a list of strings or "-"', () => {
    const dash = sop();
    dash.keterkaitan = '-';
    accept(dash);
    const text = sop();
    text.keterkaitan = 'SOP Pengelolaan Data Kepegawaian';
    hasError(reject(text), 'anyOf', '/keterkaitan');
    const emptyItem = sop();
    emptyItem.keterkaitan = [''];
    hasError(reject(emptyItem), 'minLength', '/keterkaitan/0');
  });

  it('lists must hold at least one non-empty string', () => {
    for (const key of ['instansi', 'dasar_hukum', 'kualifikasi_pelaksana', 'peralatan_perlengkapan', 'pencatatan_pendataan']) {
      const empty = sop();
      empty[key] = [];
      hasError(reject(empty), 'minItems', `/${key}`);
      const blank = sop();
      blank[key] = [''];
      hasError(reject(blank), 'minLength', `/${key}/0`);
    }
    const peringatan = sop();
    peringatan.peringatan = [];
    hasError(reject(peringatan), 'anyOf', '/peringatan');
  });

  it('nip and waktu are only checked for being non-empty strings (their syntax is lint rules)', () => {
    const data = sop();
    data.disahkan_oleh.nip = '123';
    data.prosedur[0].waktu = 'sebentar';
    accept(data);
    data.disahkan_oleh.nip = '';
    data.prosedur[0].waktu = '';
    assert.deepEqual(summary(reject(data)), ['minLength /disahkan_oleh/nip', 'minLength /prosedur/0/waktu']);
  });

  it('a row with both ke and keputusan (keyword not, rule decision-branches)', () => {
    const data = sop();
    data.prosedur[2].ke = 'konsep';
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['not /prosedur/2']);
    hasError(errors, 'not', '/prosedur/2');
    // The linter maps this failure to decision-branches: the row's `not` is the only `not` in the schema,
    // and Ajv reports it with the row schema as parent.
    assert.equal(JSON.stringify(schema).match(/"not":/g)?.length, 1);
    assert.match(schema.$defs.baris.not.$comment, /decision-branches/);
    const verbose = new Ajv2020({ allErrors: true, strict: true, verbose: true }).compile(schema);
    assert.equal(verbose(data), false);
    const err = verbose.errors?.find((e) => e.keyword === 'not');
    assert.deepEqual(err?.parentSchema, schema.$defs.baris);
    assert.ok(err?.schemaPath.endsWith('/not'));

    const keOnly = sop();
    delete keOnly.prosedur[2].keputusan;
    keOnly.prosedur[2].ke = 'konsep';
    accept(keOnly);
  });

  it('bad actor id key in pelaksana', () => {
    for (const bad of ['Kepala', 'kepala badan', '1kepala', '_kepala', '']) {
      const data = sop();
      data.pelaksana[bad] = 'Kepala Badan';
      const errors = reject(data);
      hasError(errors, 'propertyNames', '/pelaksana', { propertyName: bad });
    }
    const empty = sop();
    empty.pelaksana = {};
    hasError(reject(empty), 'minProperties', '/pelaksana');
    const blankTitle = sop();
    blankTitle.pelaksana.kepala = '';
    hasError(reject(blankTitle), 'minLength', '/pelaksana/kepala');
  });

  it('prosedur must have rows, and each row its five required keys', () => {
    const none = sop();
    none.prosedur = [];
    hasError(reject(none), 'minItems', '/prosedur');
    for (const key of ROW_REQUIRED) {
      const data = sop();
      delete data.prosedur[3][key];
      const errors = reject(data);
      assert.deepEqual(summary(errors), ['required /prosedur/3'], key);
      hasError(errors, 'required', '/prosedur/3', { missingProperty: key });
    }
    const badId = sop();
    badId.prosedur[3].id = 'Konsep Surat';
    hasError(reject(badId), 'pattern', '/prosedur/3/id');
  });

  it('keputusan without tidak', () => {
    const data = sop();
    delete data.prosedur[2].keputusan.tidak;
    const errors = reject(data);
    assert.deepEqual(summary(errors), ['required /prosedur/2/keputusan']);
    hasError(errors, 'required', '/prosedur/2/keputusan', { missingProperty: 'tidak' });

    const extra = sop();
    extra.prosedur[2].keputusan.mungkin = 4;
    hasError(reject(extra), 'additionalProperties', '/prosedur/2/keputusan', { additionalProperty: 'mungkin' });
  });

  it('keputusan label must be exactly two non-empty strings (or false, format 1.1)', () => {
    const three = sop();
    three.prosedur[2].keputusan.label = ['Ya', 'Tidak', 'Mungkin'];
    const errors = reject(three);
    // the list branch of the anyOf fails on its length; the `false` branch fails on const
    assert.deepEqual(summary(errors), ['anyOf /prosedur/2/keputusan/label', 'const /prosedur/2/keputusan/label', 'maxItems /prosedur/2/keputusan/label']);
    const one = sop();
    one.prosedur[2].keputusan.label = ['Ya'];
    hasError(reject(one), 'minItems', '/prosedur/2/keputusan/label');
    const blank = sop();
    blank.prosedur[2].keputusan.label = ['Ya', ''];
    hasError(reject(blank), 'minLength', '/prosedur/2/keputusan/label/1');
  });

  it('targets: integer >= 1, a row id or selesai', () => {
    for (const ok of [1, 6, 'konsep', 'selesai']) {
      const data = sop();
      data.prosedur[0].ke = ok;
      data.prosedur[4].keputusan.tidak = ok;
      accept(data);
    }
    for (const bad of [0, -1, 1.5, 'Selesai Kapital', 'Selesai', '3', '', true]) {
      const data = sop();
      data.prosedur[0].ke = bad;
      hasError(reject(data), 'anyOf', '/prosedur/0/ke');
      const branch = sop();
      branch.prosedur[2].keputusan.ya = bad;
      hasError(reject(branch), 'anyOf', '/prosedur/2/keputusan/ya');
    }
    const zero = sop();
    zero.prosedur[0].ke = 0;
    hasError(reject(zero), 'minimum', '/prosedur/0/ke', { limit: 1 });
  });
});

describe('sop.schema.json: format 1.1 (spec §7)', () => {
  const steps = () => sop().prosedur as Json[];

  it('accepts every 1.1 construct: joint steps, chains with item ids, extra starts, forks, opsional, simbol_teks, no, label false', () => {
    const data = sop();
    data.pelaksana.ppk = 'PPK';
    const rows = steps();
    rows[0].mulai = true;
    rows[0].pelaksana = ['pemohon', 'ppk'];
    rows[0].opsional = true;
    rows[0].simbol_teks = 'Via email';
    rows[0].no = '1a';
    rows[1].no = 2;
    rows[1].ke = [3, 'selesai'];
    delete rows[1].keputusan;
    rows[2] = {
      kegiatan: 'Menelaah dan mendisposisikan berkas',
      langkah: [
        { pelaksana: 'pengelola', id: 'telaah' },
        { pelaksana: 'kepala', teks: 'Setuju?', keputusan: { tidak: 'telaah', label: false } },
        { pelaksana: 'ppk' },
      ],
      kelengkapan: '-', waktu: 'Sesuai kebutuhan', output: 'Disposisi',
    };
    data.prosedur = rows;
    accept(data);
  });

  it('accepts month dates, a missing nip, tte and a missing jenis', () => {
    const data = sop();
    data.tanggal_pembuatan = '2023-08';
    data.tanggal_efektif = '2023-09';
    data.tanggal_revisi = '2024-08';
    delete data.disahkan_oleh.nip;
    data.disahkan_oleh.tte = true;
    delete data.jenis;
    accept(data);
    data.tanggal_pembuatan = '2023-8';
    hasError(reject(data), 'pattern', '/tanggal_pembuatan');
  });

  it('a row needs pelaksana unless it has langkah; a chain row has no pelaksana or keputusan of its own', () => {
    const missing = sop();
    delete missing.prosedur[0].pelaksana;
    hasError(reject(missing), 'required', '/prosedur/0', { missingProperty: 'pelaksana' });
    const both = sop();
    both.prosedur[2].langkah = [{ pelaksana: 'pengelola' }, { pelaksana: 'kepala' }];
    const errors = reject(both);
    hasError(errors, 'false schema', '/prosedur/2/pelaksana');
    hasError(errors, 'false schema', '/prosedur/2/keputusan');
  });

  it('langkah has 2 or more items, each with a pelaksana and only known keys; label is two texts or false', () => {
    const one = sop();
    one.prosedur[0] = { ...one.prosedur[0], langkah: [{ pelaksana: 'pemohon' }] };
    delete one.prosedur[0].pelaksana;
    hasError(reject(one), 'minItems', '/prosedur/0/langkah');
    const item = sop();
    item.prosedur[0] = { ...item.prosedur[0], langkah: [{ pelaksana: 'pemohon' }, { teks: 'x', warna: 'merah' }] };
    delete item.prosedur[0].pelaksana;
    const errors = reject(item);
    hasError(errors, 'required', '/prosedur/0/langkah/1', { missingProperty: 'pelaksana' });
    hasError(errors, 'additionalProperties', '/prosedur/0/langkah/1', { additionalProperty: 'warna' });
    const label = sop();
    label.prosedur[2].keputusan.label = true;
    hasError(reject(label), 'anyOf', '/prosedur/2/keputusan/label');
  });

  it('the 1.0 $id still resolves, to this schema', async () => {
    const { getValidatorById, SOP_SCHEMA_ID_1_0 } = await import('../../src/schema/validators.js');
    const old = getValidatorById(SOP_SCHEMA_ID_1_0);
    assert.equal(typeof old, 'function');
    assert.equal(old!(sop()), true);
    const month = sop();
    month.tanggal_efektif = '2023-09';
    assert.equal(old!(month), true);
    assert.equal(old!({ nomor: 1 }), false);
  });
});
