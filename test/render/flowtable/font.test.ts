// Text metrics and word wrapping of the flow table renderer (Arimo's advance widths).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { FONT_FILES, measureText } from '../../../src/render/flowtable/index.js';
import { fontFaceCss, wrapText } from '../../../src/render/flowtable/font.js';
import { syllableBreaks } from '../../../src/render/flowtable/hyphenate.js';
import { rng } from './model-fixtures.js';

test('measureText uses Arimo advance widths (Arial-compatible metrics)', () => {
  // T 1251 + i 455 + d 1139 + a 1139 + k 1024 units of 2048 per em.
  assert.ok(Math.abs(measureText('Tidak', 10) - (10 * (1251 + 455 + 1139 + 1139 + 1024)) / 2048) < 1e-9);
  assert.equal(measureText('', 9), 0);
  // Widths add up: no kerning is applied (the SVG switches kerning off too).
  assert.ok(Math.abs(measureText('AV', 12) - measureText('A', 12) - measureText('V', 12)) < 1e-9);
  // Bold is wider, size scales linearly.
  assert.ok(measureText('Kegiatan', 9, true) > measureText('Kegiatan', 9));
  assert.ok(Math.abs(measureText('Pelaksana', 18) - 2 * measureText('Pelaksana', 9)) < 1e-9);
  // Characters outside the latin subset still get a real, positive width.
  assert.ok(measureText('ā', 10) > 3);
});

test('FONT_FILES point at the Arimo latin woff2 files', () => {
  assert.match(FONT_FILES.regular, /arimo-latin-400-normal\.woff2$/);
  assert.match(FONT_FILES.bold, /arimo-latin-700-normal\.woff2$/);
  assert.ok(existsSync(FONT_FILES.regular) && existsSync(FONT_FILES.bold));
  assert.match(fontFaceCss(), /font-weight:700;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/);
});

test('measuring is fast once warm (cached advance widths)', () => {
  const text = 'Memverifikasi kelengkapan berkas dan sisa hak cuti pegawai negeri sipil';
  measureText(text, 9);
  const t0 = performance.now();
  for (let i = 0; i < 20000; i++) measureText(text, 9, i % 2 === 0);
  const perCall = (performance.now() - t0) / 20000;
  assert.ok(perCall < 0.05, `measureText took ${perCall} ms per call`);
});

test('wrapText breaks only between words, and cuts a word only when it alone is too wide', () => {
  const rand = rng(42);
  const vocab = ['menerima', 'berkas', 'permohonan', 'dan', 'mencatat', 'dalam', 'buku', 'agenda', 'kepegawaian', 'SIMPEG', 'perundang-undangan', 'di', 'ke'];
  for (let k = 0; k < 300; k++) {
    const words = Array.from({ length: 1 + Math.floor(rand() * 25) }, () => vocab[Math.floor(rand() * vocab.length)]);
    const text = words.join(' ');
    const width = 20 + rand() * 200;
    const lines = wrapText(text, width, 9);
    for (const line of lines) {
      assert.ok(line.width <= width + 1e-6, `line "${line.text}" is ${line.width} > ${width}`);
      assert.ok(Math.abs(line.width - measureText(line.text, 9)) < 1e-6);
    }
    // Reassembling the lines gives the words back; a word is split only if it is wider than the line.
    const fits = words.every((w) => measureText(w, 9) <= width);
    if (fits) assert.deepEqual(lines.flatMap((l) => l.text.split(' ')), words);
    else assert.equal(lines.map((l) => l.text).join('').replace(/[ -]/g, ''), words.join('').replace(/-/g, ''));
    // Greedy: the first word of each line would not have fitted on the line before.
    for (let i = 1; i < lines.length && fits; i++) {
      const first = lines[i].text.split(' ')[0];
      assert.ok(lines[i - 1].width + measureText(' ' + first, 9) > width, `"${first}" could have stayed on line ${i - 1}`);
    }
  }
});

test('wrapText keeps explicit line breaks and hanging indents', () => {
  const lines = wrapText('Satu dua\nTiga', 500, 9);
  assert.deepEqual(lines.map((l) => l.text), ['Satu dua', 'Tiga']);
  const hung = wrapText('alpha beta gamma delta epsilon', measureText('alpha beta', 9) + 1, 9, false, 7);
  assert.equal(hung[0].indent, 0);
  assert.ok(hung.slice(1).every((l) => l.indent === 7));
  const cut = wrapText('Kepegawaiannya', 30, 9);
  assert.ok(cut.length > 1 && cut.every((l) => l.width <= 30 + 1e-6));
  assert.equal(unhyphen(cut.map((l) => l.text)), 'Kepegawaiannya');
});

/** Joins wrapped lines, dropping the hyphens the wrapper added between syllables. */
function unhyphen(lines: string[]): string {
  return lines.reduce((acc, l) => (acc.endsWith('-') && /[a-z]-$/i.test(acc) && !/^-/.test(l) ? acc.slice(0, -1) + l : acc + l), '');
}

test('a word too wide for its cell is hyphenated between Indonesian syllables, never mid-syllable', () => {
  const show = (w: string) => {
    let s = '';
    let last = 0;
    for (const b of syllableBreaks(w)) {
      s += w.slice(last, b) + '·';
      last = b;
    }
    return s + w.slice(last);
  };
  // V-CV, VC-CV, VC-CCV, V-V; ng/ny/sy/kh stay whole; diphthongs stay whole; no one-letter pieces.
  assert.equal(show('Pengadministrasian'), 'Pe·ngad·mi·nis·tra·si·an');
  assert.equal(show('mengambil'), 'me·ngam·bil');
  assert.equal(show('tangga'), 'tang·ga');
  assert.equal(show('instrumen'), 'in·stru·men');
  assert.equal(show('masyarakat'), 'ma·sya·ra·kat');
  assert.equal(show('khusus'), 'khu·sus');
  assert.equal(show('bagaimana'), 'ba·gai·ma·na');
  assert.equal(show('maaf'), 'ma·af');
  assert.equal(show('Pengeluaran'), 'Pe·nge·lu·a·ran');
  assert.equal(show('perundang-undangan'), 'pe·run·dang-·un·da·ngan');
  // Acronyms and codes are not syllabified.
  assert.equal(show('SIMPEG'), 'SIMPEG');
  assert.equal(show('SK-2024'), 'SK-·2024');
  assert.equal(show('Kadin/Bupati'), 'Ka·din/·Bu·pa·ti');
  // The header case from the issue: a hyphen at a syllable boundary, not "Pengadministras / i".
  const lines = wrapText('Kepala Bidang Pengadministrasian Umum', 48, 9, true).map((l) => l.text);
  assert.ok(lines.every((l) => measureText(l, 9, true) <= 48 + 1e-6));
  const broken = lines.filter((l) => l.endsWith('-'));
  assert.ok(broken.length >= 1, lines.join(' | '));
  for (const l of broken) {
    const head = l.split(' ').pop()!.slice(0, -1);
    assert.ok(syllableBreaks('Pengadministrasian').includes(head.length), `${l} breaks inside a syllable`);
  }
  assert.equal(unhyphen(lines.map((l, i) => (i > 0 && !lines[i - 1].endsWith('-') ? ' ' + l : l))), 'Kepala Bidang Pengadministrasian Umum');
});
