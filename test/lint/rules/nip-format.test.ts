// Tests of the nip-format rule: the 18-digit NIP of the approving official (Perka BKN 22/2007).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkNip } from '../../../src/lint/rules/nip-format.js';
import { NOW, ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

const withNip = (nip: string) => sop({ identity: IDENTITY.replace('"19750312 200012 1 003"', nip) });
const bad = (nip: string, messageId: string, extra: Record<string, unknown> = {}) => {
  const code = withNip(nip);
  return { name: `${messageId}: ${nip}`, code, errors: [{ messageId, ...span(code, nip) }], ...extra };
};

ruleTester('nip-format', {
  valid: [
    sop(),
    withNip('"197503122000121003"'),
    withNip('"19660801.198803.1.001"'),
    withNip('"19800229 200501 2 010"'),
    { name: '"-": no NIP applies (spec §7.3); nip-missing reports it', code: withNip('"-"') },
    { name: 'PPPK code in digits 13-14', code: withNip('"19900101 202121 1 001"'), options: { allowPppk: true } },
  ],
  invalid: [
    bad('"19750312-200012-1-003"', 'chars'),
    bad('"19750312 200012 1 03"', 'length'),
    bad('"19750230 200012 1 003"', 'birth'),
    bad('"19750312 200013 1 003"', 'appointmentMonth'),
    bad('"19900101 202121 1 001"', 'appointmentMonth'),
    bad('"19750312 198001 1 003"', 'appointmentTooEarly'),
    bad('"19750312 202701 1 003"', 'appointmentFuture'),
    bad('"19750312 200012 3 003"', 'sex'),
    { ...bad('"19750312 200012 1 000"', 'serial'), lang: 'en' as const },
    // PPPK relaxes the month only
    { ...bad('"19900101 202121 1 000"', 'serial'), options: { allowPppk: true } },
  ],
});

describe('checkNip', () => {
  it('accepts an appointment in the current month and refuses the next', () => {
    assert.equal(checkNip('19800101 202606 1 001', NOW, { allowPppk: false }), undefined);
    assert.equal(checkNip('19800101 202607 1 001', NOW, { allowPppk: false })?.messageId, 'appointmentFuture');
  });
  it('needs 17 years between birth and appointment', () => {
    assert.equal(checkNip('19800315 199703 1 001', NOW, { allowPppk: false }), undefined);
    assert.equal(checkNip('19800315 199702 1 001', NOW, { allowPppk: false })?.messageId, 'appointmentTooEarly');
  });
});
