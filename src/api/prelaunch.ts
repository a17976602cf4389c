// Chromium for `sop build`, started before the build's own modules load: they take ~0.2 s to load on a
// 2-core machine, and Chromium ~0.4 s to start, which a rebuild that prints one SOP otherwise waits for.
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { loadConfig } from '../config/load.js';
import type { OutputFormat } from '../core/formats.js';
import { outputDir } from '../discovery/discover.js';
import { createBrowserSession, findBrowser, type BrowserSession } from '../print/browser.js';
import { likelyToRender } from '../publish/cache/manifest.js';

export interface EarlyBrowserOptions {
  cwd: string;
  paths?: string[];
  configPath?: string;
  outDir?: string;
  formats: readonly OutputFormat[];
  env: NodeJS.ProcessEnv;
  launch?: () => Promise<Browser>;
}

/** Whether a build with these options will most likely print (then its browser is worth starting at once). */
export function buildWillPrint(opts: EarlyBrowserOptions, outDir: string): boolean {
  return opts.formats.includes('pdf') && likelyToRender(outDir) && Boolean(opts.launch || findBrowser(opts.env));
}

/**
 * A browser session already launching when the build is likely to print (PDFs asked for, sources newer
 * than the last build's manifest, a Chromium found), else undefined. Never throws: a config that cannot
 * be read is the build's to report. Give it to build({ session }), which then closes it.
 */
export function prelaunchBrowser(opts: EarlyBrowserOptions): BrowserSession | undefined {
  let outDir: string;
  try {
    const cwd = path.resolve(opts.cwd);
    outDir = opts.outDir !== undefined ? path.resolve(cwd, opts.outDir) : outputDir(loadConfig({ cwd, configPath: opts.configPath, paths: opts.paths }));
  } catch {
    return undefined;
  }
  if (!buildWillPrint(opts, outDir)) return undefined;
  const session = createBrowserSession({ env: opts.env, launch: opts.launch });
  session.get().catch(() => undefined); // a failed launch is reported when the build asks for the browser
  return session;
}
