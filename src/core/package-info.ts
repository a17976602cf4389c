// Facts from sop's own package.json: version, home page and the absolute URL of each rule's documentation.
import { readFileSync } from 'node:fs';
import { packageFile } from './package.js';

interface PackageJson {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as PackageJson;

export const PACKAGE_VERSION: string = pkg.version;

/** The project's home page (SARIF `informationUri`), from package.json `homepage`. */
export const HOMEPAGE: string | undefined = pkg.homepage;

/** `git+https://github.com/o/r.git` → `https://github.com/o/r`; undefined when it is not an http(s) URL. */
export function repositoryWebUrl(repository: PackageJson['repository']): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
}

/**
 * Folder URL of the rule docs (`<base>/<id>.md`): `SOP_DOCS_URL` when set (a fork or an agency
 * mirror), else `docs/rules` of the repository in package.json, so a fork that edits its
 * package.json points at its own docs.
 */
export function rulesDocsBase(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.SOP_DOCS_URL?.trim();
  if (override) return override.replace(/\/+$/, '');
  const web = repositoryWebUrl(pkg.repository);
  return web ? `${web}/blob/main/docs/rules` : undefined;
}

/** Absolute docs URL of a rule; a rule's `docsUrl` is relative to the package root (`docs/rules/<id>.md`). */
export function ruleDocsUrl(relative: string, env: NodeJS.ProcessEnv = process.env): string {
  if (/^https?:\/\//.test(relative)) return relative;
  const base = rulesDocsBase(env);
  const file = relative.replace(/^docs\/rules\//, '');
  return base ? `${base}/${file}` : relative;
}
