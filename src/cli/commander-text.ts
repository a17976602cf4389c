// Indonesian text for commander's own words: its error messages and the frame of every --help page.
// commander 14 has no message catalogue, so its fixed English sentences are matched and translated here.
import { Help, type Command } from 'commander';
import type { Lang } from '../config/config-types.js';

/** The message language asked for on the command line (`--lang en`), before commander has parsed anything. */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'id';
}

type Translation = [RegExp, (...groups: string[]) => string];

// Every sentence commander 14 writes through `error()` (lib/command.js, option.js, argument.js, suggestSimilar.js).
const ERRORS: Translation[] = [
  [/^error: unknown option '([^']*)'/, (f) => `error: opsi \`${f}\` tidak dikenal`],
  [/^error: unknown command '([^']*)'/, (c) => `error: perintah \`${c}\` tidak dikenal`],
  [/^error: missing required argument '([^']*)'/, (a) => `error: argumen wajib \`${a}\` belum diberikan`],
  [/^error: option '([^']*)' argument missing/, (o) => `error: opsi \`${o}\` membutuhkan nilai`],
  [/^error: required option '([^']*)' not specified/, (o) => `error: opsi wajib \`${o}\` belum diberikan`],
  [/^error: (option|environment variable) '([^']*)' cannot be used with (option|environment variable) '([^']*)'/, (_a, x, _b, y) => `error: \`${x}\` tidak dapat dipakai bersama \`${y}\``],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (cmd, n, got) => `error: argumen terlalu banyak${cmd ? ` untuk \`${cmd}\`` : ''}: paling banyak ${n}, diberikan ${got}.`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (o, v) => `error: nilai \`${v}\` untuk opsi \`${o}\` tidak sah.`],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\./, (v, a) => `error: nilai \`${v}\` untuk argumen \`${a}\` tidak sah.`],
  [/Allowed choices are (.*)\.$/m, (list) => `Pilihan yang diizinkan: ${list}.`],
  [/\(Did you mean one of (.*)\?\)/, (list) => `(Mungkin maksudnya salah satu dari ${list}?)`],
  [/\(Did you mean (.*)\?\)/, (s) => `(Mungkin maksudnya ${s}?)`],
];

/** commander's error text in the run's language; English is left as commander wrote it. */
export function translateCommanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  let out = text;
  for (const [re, say] of ERRORS) out = out.replace(re, (_m, ...g: unknown[]) => say(...(g.filter((x) => typeof x === 'string' || x === undefined) as string[])));
  return out;
}

const TITLES: Record<string, string> = {
  'Usage:': 'Pemakaian / Usage:',
  'Arguments:': 'Argumen / Arguments:',
  'Options:': 'Opsi / Options:',
  'Commands:': 'Perintah / Commands:',
  'Global Options:': 'Opsi umum / Global options:',
};

/** The help frame in both languages, like the descriptions sop writes. */
class BilingualHelp extends Help {
  override styleTitle(str: string): string {
    return super.styleTitle(TITLES[str] ?? str);
  }

  override optionDescription(option: Parameters<Help['optionDescription']>[0]): string {
    return bilingualExtras(super.optionDescription(option));
  }

  override argumentDescription(argument: Parameters<Help['argumentDescription']>[0]): string {
    return bilingualExtras(super.argumentDescription(argument));
  }
}

function bilingualExtras(text: string): string {
  return text
    .replace(/\(choices: /g, '(pilihan / choices: ')
    .replace(/\(default: /g, '(bawaan / default: ')
    .replace(/, default: /g, ', bawaan / default: ');
}

/**
 * Applies the Indonesian frame to a command and its subcommands: help and version descriptions,
 * the help titles and every commander error written to stderr.
 */
export function localizeCommander(program: Command, lang: Lang): void {
  const all = [program, ...program.commands];
  for (const cmd of all) {
    cmd.helpOption('-h, --help', 'tampilkan bantuan / display help');
    cmd.configureHelp({});
    cmd.createHelp = () => Object.assign(new BilingualHelp(), cmd.configureHelp());
    cmd.configureOutput({
      outputError: (str, write) => write(translateCommanderError(str, lang)),
    });
  }
  program.helpCommand('help [perintah]', 'tampilkan bantuan sebuah perintah / display help for command');
}
