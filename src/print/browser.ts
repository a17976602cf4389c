// Finds and launches the system Chromium; puppeteer is imported lazily so `sop --help` and `sop lint` never load it.
import { newProfileDir, removeProfile, sweepStaleProfiles } from './profile.js';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
// Type-only: erased at compile time, so it does not load puppeteer.
import type { Browser } from 'puppeteer-core';
import { SopBrowserMissingError } from '../core/errors.js';

export type { Browser };

/**
 * Where Chrome/Chromium usually lives, in the order we try them after the env variables.
 * Debian/Ubuntu first because that is what the docs tell people to install.
 */
export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * Flags for headless Chromium. `--no-sandbox` is required when running as root (CI containers);
 * the rest keep the browser off the network: a build loads only `data:` URLs and the site's own
 * files, so nothing Chromium would fetch by itself is needed.
 *
 * Measured on Chromium 156 (Debian) through a counting proxy, strace and a NetLog: with only the
 * first group below, a launch asks clients2.google.com (network time), update.googleapis.com (the
 * on-demand "Optimization Guide On Device Models Manifest" component, which
 * `--disable-component-update` does not stop) and accounts.google.com (ListAccounts, three times).
 * Each flag of the second group is there because it removed one of those; the third group turns
 * off background services puppeteer also disables today, named here so a puppeteer upgrade that
 * drops one cannot bring the traffic back. test/print/zero-network.test.ts checks a whole build.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // clients2.google.com/time: the network time tracker
  '--disable-features=NetworkTimeServiceQuerying,Translate,MediaRouter,OptimizationHints',
  // update.googleapis.com: every component check (on-demand ones too) goes to a file: URL, which
  // the updater's loader refuses at once (ERR_UNKNOWN_URL_SCHEME): no socket, no DNS
  '--component-updater=url-source=file:///nonexistent/',
  // accounts.google.com/ListAccounts: sign-in's cookie check goes to port 9, which Chromium refuses
  // before opening a socket (ERR_UNSAFE_PORT)
  '--gaia-url=http://127.0.0.1:9/',
  // never a proxy from the environment (http_proxy, ...): nothing a build loads needs one
  '--no-proxy-server',
  // any host name that still gets asked fails inside the browser: no DNS query leaves
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--no-pings',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
];

export interface FindBrowserOptions {
  /** Candidate paths after the env variables; default SYSTEM_BROWSER_PATHS. */
  paths?: readonly string[];
  /** Test seam: whether a path is an executable file. */
  isExecutable?: (path: string) => boolean;
}

/** True when `path` is a regular file we may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chrome/Chromium binary to use: `PUPPETEER_EXECUTABLE_PATH`, then `CHROME_PATH`, then the usual
 * system paths; the first that exists and is executable. Undefined when there is none.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, options: FindBrowserOptions = {}): string | undefined {
  const isExec = options.isExecutable ?? isExecutableFile;
  const candidates = [env.PUPPETEER_EXECUTABLE_PATH, env.CHROME_PATH, ...(options.paths ?? SYSTEM_BROWSER_PATHS)];
  for (const candidate of candidates) {
    if (candidate && isExec(candidate)) return candidate;
  }
  return undefined;
}

/** How to get a browser, and what works without one: the tail of every browser error. */
function browserHelp(env: NodeJS.ProcessEnv, skip?: string): string[] {
  const lines: string[] = [];
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const) {
    const value = env[name];
    if (value && value !== skip) lines.push(`  ${name}=${value} tidak dapat dijalankan / is not executable.`);
  }
  lines.push(
    'Pasang / install one:',
    '  Debian/Ubuntu: apt-get install -y chromium',
    '  atau / or set PUPPETEER_EXECUTABLE_PATH (or CHROME_PATH) to a Chrome/Chromium binary.',
    'Tanpa browser tetap berjalan / works without a browser: sop lint, HTML, tabel alir SVG (SVG flow tables), sumber Mermaid (--format mermaid).',
  );
  return lines;
}

/** The message for a missing browser: what is wrong, how to fix it, and what still works without one. */
export function browserMissingMessage(env: NodeJS.ProcessEnv = process.env, badPath?: string): string {
  const head = badPath
    ? [`Chrome/Chromium tidak ditemukan atau tidak dapat dijalankan di ${badPath}.`, `Chrome/Chromium not found or not executable at ${badPath}.`]
    : ['Chrome/Chromium tidak ditemukan; PNG, PDF dan diagram Mermaid membutuhkannya.', 'Chrome/Chromium not found; PNG, PDF and Mermaid diagrams need it.'];
  return [...head, ...browserHelp(env, badPath)].join('\n');
}

/** The message for a browser binary that exists but does not start. */
export function browserFailedMessage(executablePath: string, cause: unknown, env: NodeJS.ProcessEnv = process.env): string {
  // Keep the few lines that say why (exit code, stderr); drop the Debian wrapper's harmless
  // "unexpected operator" noise and puppeteer's troubleshooting link.
  const detail = (cause instanceof Error ? cause.message : String(cause))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/unexpected operator|^TROUBLESHOOTING|^stderr:$/i.test(l))
    .slice(0, 3)
    .map((l) => `  ${l}`);
  return [
    `Chromium di ${executablePath} gagal dijalankan.`,
    `Chromium at ${executablePath} failed to start:`,
    ...detail,
    ...browserHelp(env, executablePath),
  ].join('\n');
}

/**
 * Over a pipe puppeteer sees only that the connection closed, not what the binary said: asking it
 * for its version (a second, short run) gets its own words (missing library, wrong architecture).
 */
function withOwnWords(err: unknown, executablePath: string): string {
  const first = err instanceof Error ? err.message : String(err);
  const probe = spawnSync(executablePath, ['--headless', '--version'], { encoding: 'utf8', timeout: 10_000 });
  const said = `${probe.stderr ?? ''}\n${probe.stdout ?? ''}`.trim();
  if (probe.status === 0 || !said) return first;
  return `${said.split('\n').slice(0, 2).join('\n')}\n(exit ${probe.status ?? probe.signal}) ${first}`;
}

export interface LaunchOptions {
  /** Environment to look for the browser in; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Use this binary instead of searching. */
  executablePath?: string;
  /** Test seam for findBrowser. */
  find?: FindBrowserOptions;
}

/**
 * Launches headless Chromium with the flags above and a fresh folder for its profile and temporary files
 * (profile.ts), removed once the browser has exited. Throws SopBrowserMissingError when no binary is found or it fails to start.
 */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<Browser> {
  const env = opts.env ?? process.env;
  let executablePath = opts.executablePath;
  if (executablePath !== undefined && !(opts.find?.isExecutable ?? isExecutableFile)(executablePath)) {
    throw new SopBrowserMissingError(browserMissingMessage(env, executablePath));
  }
  executablePath ??= findBrowser(env, opts.find);
  if (!executablePath) throw new SopBrowserMissingError(browserMissingMessage(env));

  // puppeteer's CommonJS build, loaded at once: it takes ~70 ms against ~105 ms for its ES modules, and an
  // import() could only progress in the turns the caller's work leaves it (sop build lints meanwhile), which
  // held Chromium's start back by ~0.2 s; Chromium's own start (~0.4 s) then runs beside that work
  const puppeteer = createRequire(import.meta.url)('puppeteer-core') as typeof import('puppeteer-core');
  // profile folders of builds that were killed (SIGKILL leaves no chance to clean up) go first
  sweepStaleProfiles();
  const folder = newProfileDir();
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      // DevTools over a pipe, not a port: when sop dies (even by SIGKILL) the pipe closes and
      // Chromium exits with it, instead of living on as an orphan
      pipe: true,
      userDataDir: folder.userDataDir,
      // Chromium's temporary files (its single-instance socket among them) go into the folder that is removed with it
      env: folder.tmpDir ? { ...process.env, TMPDIR: folder.tmpDir } : process.env,
      // puppeteer's own SIGINT handler calls process.exit(130); withBrowser/createBrowserSession
      // close the browser themselves and then let the signal do its default job.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    // The profile goes once the browser process has exited. On 'disconnected' (the pipe closed) Chromium is still
    // writing into it: the removal failed (ENOTEMPTY), and rmSync's retries, which only retry the emptied folder
    // itself, blocked the event loop 1.5 s on every close and then left the folder for the next run's sweep.
    const child = browser.process();
    if (!child) browser.once('disconnected', () => removeProfile(folder.root));
    else if (child.exitCode !== null || child.signalCode !== null) removeProfile(folder.root);
    else child.once('exit', () => removeProfile(folder.root));
    return browser;
  } catch (err) {
    removeProfile(folder.root);
    // A binary that exists but cannot start (wrong arch, missing libs, sandbox) is an environment
    // problem, not a bug in sop: reported like a missing browser, with the cause.
    throw new SopBrowserMissingError(browserFailedMessage(executablePath, withOwnWords(err, executablePath), env), { cause: err });
  }
}

export interface BrowserSessionOptions extends LaunchOptions {
  /** Test seam: how to start the browser; default launchBrowser(options). */
  launch?: () => Promise<Browser>;
}

/** A browser that starts on first use and is closed exactly once, also on SIGINT/SIGTERM. */
export interface BrowserSession {
  /** The browser, launched on the first call. */
  get(): Promise<Browser>;
  /** True once a launch was started. */
  readonly launched: boolean;
  /** Closes the browser if it was launched; safe to call more than once. */
  close(): Promise<void>;
  /** True once SIGINT/SIGTERM closed the browser: the signal ends the process as soon as it is closed. */
  readonly interrupted: boolean;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Creates a lazily launched browser. While it is open, SIGINT/SIGTERM handlers close it (so no
 * orphan Chromium or temp profile is left behind) and then re-send the signal so the process ends
 * as it would have without us, unless someone else also listens for it.
 */
export function createBrowserSession(opts: BrowserSessionOptions = {}): BrowserSession {
  let launching: Promise<Browser> | undefined;
  let closing: Promise<void> | undefined;
  let interrupted = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted = true;
    removeHandlers();
    void close().finally(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const removeHandlers = (): void => {
    for (const s of SIGNALS) process.off(s, onSignal);
  };

  const get = (): Promise<Browser> => {
    // after Ctrl-C nothing new starts: the caller waits while the browser closes and the signal ends the process
    // (a rejection here would end it as a crash, exit 1 with a stack trace, before the close is done)
    if (closing) return interrupted ? new Promise<Browser>(() => undefined) : Promise.reject(new Error('browser session already closed'));
    if (!launching) {
      for (const s of SIGNALS) process.on(s, onSignal);
      launching = (opts.launch ?? (() => launchBrowser(opts)))();
      // A failed launch leaves nothing to close: drop the handlers right away.
      launching.catch(() => removeHandlers());
    }
    return launching;
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      removeHandlers();
      if (!launching) return;
      let browser: Browser;
      try {
        browser = await launching;
      } catch {
        return;
      }
      await browser.close();
    })();
    return closing;
  };

  return {
    get,
    close,
    get launched() {
      return launching !== undefined;
    },
    get interrupted() {
      return interrupted;
    },
  };
}

/**
 * Runs `fn` with a launched browser and always closes it afterwards (also when `fn` throws, and on
 * SIGINT/SIGTERM while it runs).
 */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, opts: BrowserSessionOptions = {}): Promise<T> {
  const session = createBrowserSession(opts);
  try {
    return await fn(await session.get());
  } finally {
    await session.close();
  }
}

export interface SvgScreenshotOptions {
  /** Pixels per CSS pixel; 2 gives ~192 dpi. */
  scale?: number;
  /** Page background; the SVG may be transparent. */
  background?: string;
}

/**
 * Rasterises one SVG of a known paper size (mm) to PNG in a fresh page of `browser`. Chromium draws
 * the SVG exactly as it prints it, fonts included, which no pure-JS rasteriser here does.
 */
export async function svgToPng(browser: Browser, svg: string, widthMm: number, heightMm: number, opts: SvgScreenshotOptions = {}): Promise<Uint8Array> {
  const pxPerMm = 96 / 25.4;
  const width = Math.ceil(widthMm * pxPerMm);
  const height = Math.ceil(heightMm * pxPerMm);
  const page = await browser.newPage();
  try {
    await page.setViewport({ width, height, deviceScaleFactor: opts.scale ?? 2 });
    const html =
      '<!doctype html><html><head><meta charset="utf-8"><style>' +
      `html,body{margin:0;padding:0;background:${opts.background ?? '#fff'};}` +
      `body>svg{display:block;width:${widthMm}mm;height:${heightMm}mm;}` +
      `</style></head><body>${svg.replace(/^\s*<\?xml[^>]*>\s*/, '')}</body></html>`;
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
  } finally {
    await page.close();
  }
}
