// Resolves each rule's severity and options for a run: rule defaults < config `rules` < API/CLI overrides.
import type { LoadedConfig, RuleSetting } from '../config/config-types.js';
import { SopConfigError } from '../core/errors.js';
import type { RuleLevel } from '../core/types.js';
import { locateInYaml } from '../yaml/positions.js';
import { configurableRuleIds, rules } from './rules/index.js';
import type { Lang, RuleSettings, RunRuleSettings } from './types.js';

const LEVELS: readonly RuleLevel[] = ['error', 'warn', 'off'];

function severityOf(level: RuleLevel): RuleSettings['severity'] {
  return level === 'warn' ? 'warning' : level;
}

function split(setting: RuleSetting): { level: RuleLevel; options?: Record<string, unknown> } {
  return Array.isArray(setting) ? { level: setting[0], options: setting[1] } : { level: setting };
}

interface Source {
  setting: RuleSetting;
  /** Set when the setting was written in the config file (errors then point there). */
  fromConfig: boolean;
}

/**
 * Effective settings of every rule. Throws SopConfigError for an unknown rule id, a bad level,
 * or options that break the rule's options schema (located in the config file when written there).
 */
export async function resolveRuleSettings(loaded: LoadedConfig, overrides: Record<string, RuleSetting> = {}, lang: Lang = 'id'): Promise<RunRuleSettings> {
  const given = new Map<string, Source[]>();
  for (const [id, setting] of Object.entries(loaded.config.rules ?? {})) given.set(id, [{ setting, fromConfig: true }]);
  for (const [id, setting] of Object.entries(overrides)) {
    if (!configurableRuleIds.includes(id)) {
      throw new SopConfigError(lang === 'en' ? `unknown rule \`${id}\`` : `aturan \`${id}\` tidak dikenal`);
    }
    given.set(id, [...(given.get(id) ?? []), { setting, fromConfig: false }]);
  }
  const out: RunRuleSettings = {};
  for (const [id, rule] of Object.entries(rules)) {
    let level = rule.meta.defaultLevel;
    let options: Record<string, unknown> = { ...(rule.meta.defaultOptions ?? {}) };
    for (const src of given.get(id) ?? []) {
      const { level: l, options: o } = split(src.setting);
      if (!LEVELS.includes(l)) {
        throw new SopConfigError(lang === 'en' ? `rule \`${id}\`: level must be error, warn or off, not \`${String(l)}\`` : `aturan \`${id}\`: tingkat harus error, warn atau off, bukan \`${String(l)}\``);
      }
      level = l;
      if (o !== undefined) {
        await checkOptions(id, o, src.fromConfig ? loaded : undefined, lang);
        options = { ...options, ...o };
      }
    }
    out[id] = { severity: severityOf(level), options };
  }
  return out;
}

async function checkOptions(id: string, options: Record<string, unknown>, loaded: LoadedConfig | undefined, lang: Lang): Promise<void> {
  const rule = rules[id];
  const where = (path: (string | number)[]) => (loaded?.source ? locateInYaml(loaded.source, ['rules', id, 1, ...path]) : undefined);
  if (!rule.meta.optionsSchema) {
    if (Object.keys(options).length === 0) return;
    const at = where([]);
    throw new SopConfigError(lang === 'en' ? `rule \`${id}\` takes no options` : `aturan \`${id}\` tidak memiliki opsi`, at?.file, at?.line, at?.column);
  }
  // Ajv is loaded only when a config actually sets options
  const [{ Ajv2020 }, { translateAjvErrors }] = await Promise.all([import('ajv/dist/2020.js'), import('../schema/translate.js')]);
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  // validated one level down, so messages read as those of a nested mapping (not of a top-level SOP key)
  const validate = ajv.compile({ type: 'object', properties: { options: rule.meta.optionsSchema } });
  if (validate({ options })) return;
  const problems = translateAjvErrors(validate.errors ?? []).map((p) => ({ ...p, path: p.path.slice(1) }));
  const first = problems[0];
  const at = first ? where(first.path) : where([]);
  const text = problems.map((p) => (lang === 'en' ? p.messageEn : p.message)).join('; ');
  throw new SopConfigError(lang === 'en' ? `options of rule \`${id}\`: ${text}` : `opsi aturan \`${id}\`: ${text}`, at?.file, at?.line, at?.column);
}
