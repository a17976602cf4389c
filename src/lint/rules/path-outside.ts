// path-outside: a path leads out of the repository (a symlink, `..`, an absolute path); the file is not read.
import path from 'node:path';
import { contain, outsideMessage, repositoryRoot, toPosix } from '../../core/paths.js';
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';
import { reportLoadProblems } from '../util/loader.js';

export default defineRule({
  id: 'path-outside',
  meta: {
    description: {
      id: 'Setiap berkas yang dibaca berada di dalam repositori (tautan simbolik diikuti)',
      en: 'Every file that is read lies inside the repository (symlinks resolved)',
    },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/path-outside.md',
    scope: 'loader',
    messages: {
      problem: { id: '{{detail}}', en: '{{detail}}' },
    },
  },
  check: (ctx) => {
    // discovery: a symlinked SOP or folder whose target is outside the repository
    reportLoadProblems(ctx, 'path-outside');
    // the logo the identity table embeds (the SOP's own `logo`, or config `defaults.logo`)
    if (!isObj(ctx.data) || typeof ctx.data.logo !== 'string' || ctx.data.logo === '') return;
    const logo = ctx.data.logo;
    const { absPath, configDir, fromDefaults } = ctx.source;
    const base = fromDefaults.has('logo') && configDir ? configDir : path.dirname(absPath);
    const root = repositoryRoot(configDir ?? path.dirname(absPath));
    const c = contain(root, path.resolve(base, logo));
    if (c.inside) return;
    const m = outsideMessage(toPosix(logo), c.real);
    ctx.report({ messageId: 'problem', data: { detail: { id: m.message, en: m.messageEn } }, at: ['logo'] });
  },
});
