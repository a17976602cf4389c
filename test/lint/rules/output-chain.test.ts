// Tests of the output-chain rule (off by default): an output that the next row's kelengkapan does not mention.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mentioned } from '../../../src/lint/rules/output-chain.js';
import { ruleTester } from '../rule-tester.js';
import { FLOW, sop, span } from '../sop-text.js';

const broken = sop({ flow: FLOW.replace('    kelengkapan: Berkas terverifikasi\n', '    kelengkapan: Nota dinas\n') });

ruleTester('output-chain', {
  valid: [sop(), { name: 'stem match (terverifikasi / verifikasi)', code: sop({ flow: FLOW.replace('    kelengkapan: Berkas terverifikasi\n', '    kelengkapan: [Hasil verifikasi berkas]\n') }) }],
  invalid: [
    {
      code: broken,
      errors: [{ messageId: 'notChained', ...span(broken, 'Berkas terverifikasi'), message: 'output kegiatan 2 (`Berkas terverifikasi`) tidak disebut dalam `kelengkapan` kegiatan 3; output satu kegiatan biasanya menjadi kelengkapan kegiatan berikutnya' }],
    },
  ],
});

describe('mentioned', () => {
  it('needs at least half of the content words', () => {
    assert.equal(mentioned('Surat izin cuti', ['Surat izin cuti yang ditandatangani']), true);
    assert.equal(mentioned('Surat izin cuti', ['Surat tugas']), false);
  });
});
