// Tests of the yaml-syntax rule: broken frontmatter YAML is reported where the parser stopped.
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, pos, sop } from '../sop-text.js';

const duplicate = sop({ identity: IDENTITY.replace('jenis: administratif\n', 'jenis: administratif\njenis: teknis\n') });
const tab = sop({ identity: IDENTITY.replace('  - Badan Kepegawaian Daerah', '\t- Badan Kepegawaian Daerah') });
const quote = sop({ identity: IDENTITY.replace('nama: Pelayanan Permohonan Cuti Tahunan', 'nama: "Pelayanan Permohonan Cuti Tahunan') });
const twoDup = sop({ identity: IDENTITY.replace('jenis: administratif\n', 'jenis: administratif\njenis: teknis\n').replace('jenis: teknis\n', 'jenis: teknis\nnama: Lagi\n') });
const bomb = `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n`;

ruleTester('yaml-syntax', {
  valid: [sop(), { name: 'CRLF line ends', code: sop().replace(/\n/g, '\r\n') }, { name: 'YAML 1.2: no/yes stay text', code: sop({ extra: 'x-aktif: no\n' }) }],
  invalid: [
    { name: 'duplicate key', code: duplicate, errors: [{ messageId: 'problem', ...pos(duplicate, 'jenis: teknis'), message: /^kunci ganda/ }] },
    { name: 'duplicate key (en)', code: duplicate, lang: 'en', errors: [{ ...pos(duplicate, 'jenis: teknis'), message: /^Map keys must be unique/ }] },
    { name: 'tab indentation', code: tab, errors: [{ line: pos(tab, '\t').line, column: 1, message: /tab/ }] },
    { name: 'unterminated frontmatter', code: '---\nnomor: "1"\nnama: x\n', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 4, message: /tidak ditutup/ }] },
    // yaml reports it where the closing quote was expected: the end of that line
    { name: 'unclosed quote', code: quote, errors: [{ line: pos(quote, '"Pelayanan').line, column: pos(quote, '"Pelayanan').column + '"Pelayanan Permohonan Cuti Tahunan'.length, message: /karakter penutup/ }] },
    { name: 'two duplicate keys and nothing else', code: twoDup, errors: [{ ...pos(twoDup, 'jenis: teknis'), message: /^kunci ganda/ }, { ...pos(twoDup, 'nama: Lagi'), message: /^kunci ganda/ }] },
    { name: 'alias bomb', code: bomb, errors: [{ line: 1, column: 1, message: /alias/ }] },
  ],
});
