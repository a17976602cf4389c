// One Chromium for every build of a test file: build({ launch }) gets the same browser each time (started on the first
// call, with the build's own launch: flags, pipe, temporary profile) and its close() does nothing, so the builds of a file
// do not start and stop a browser each (0.5-2 s a build on this machine); the file closes it once, in after().
// Tests of the build's own browser life (Ctrl-C, SIGKILL, no browser) keep their own launch.
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../src/print/browser.js';

export interface SharedBrowser {
  /** For build({ launch }): the shared browser, whose close() leaves it running. */
  launch: () => Promise<Browser>;
  /** Closes the browser for real (after()). */
  close: () => Promise<void>;
}

export function sharedBrowser(): SharedBrowser {
  let started: Promise<Browser> | undefined;
  let proxy: Browser | undefined;
  return {
    launch: async () => {
      const browser = await (started ??= launchBrowser());
      proxy ??= new Proxy(browser, {
        get(target, key) {
          if (key === 'close') return async () => undefined;
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return proxy;
    },
    close: async () => {
      const b = await started?.catch(() => undefined);
      started = undefined;
      proxy = undefined;
      await b?.close();
    },
  };
}
