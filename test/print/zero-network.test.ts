// A whole `sop build` (HTML, PDF, Mermaid) makes no network attempt: every socket call of sop and of
// the Chromium it starts is traced with strace, and an environment proxy counts what would use it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../../src/print/browser.js';
import { tempDir, writeRepo } from '../helpers/build.js';

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));

function straceWorks(): boolean {
  // strace must be installed and allowed to trace (containers without CAP_SYS_PTRACE are not)
  const r = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true'], { stdio: 'ignore' });
  return r.status === 0;
}
const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : !straceWorks() ? 'strace missing or not allowed to trace' : false;

export interface SocketCalls {
  /** Calls that put a packet on the wire: a TCP connect, a DNS connect, any send on an inet socket. */
  attempts: string[];
  /** UDP connect() calls to other ports: the kernel picks a route and sends nothing. */
  routeProbes: string[];
}

/**
 * Sorts a `strace -f -yy -e trace=connect,sendto,sendmsg,sendmmsg` log. With -yy strace names each
 * socket's protocol (`24<TCP:[...]>`, `31<UDPv6:[...]>`), so a send can be told from a route probe.
 */
export function classifySocketCalls(log: string): SocketCalls {
  const attempts: string[] = [];
  const routeProbes: string[] = [];
  for (const line of log.split('\n')) {
    const m = /^\d+\s+(connect|sendto|sendmsg|sendmmsg)\((\d+)<([^>]*)>?(.*)$/.exec(line);
    if (!m) continue;
    const [, call, , kind, rest] = m;
    const inetPeer = /sa_family=AF_INET6?\b/.test(rest!);
    const udp = /^UDP/.test(kind!);
    const tcp = /^TCP/.test(kind!);
    if (call === 'connect') {
      if (!inetPeer) continue; // unix sockets: the pipe to Chromium, D-Bus, ...
      if (udp && !/sin6?_port=htons\(53\)/.test(rest!)) routeProbes.push(line.trim());
      else attempts.push(line.trim());
    } else if (udp || tcp || inetPeer) {
      attempts.push(line.trim()); // netlink and unix sends are local
    }
  }
  return { attempts, routeProbes };
}

/** An HTTP proxy on loopback that answers 502 and remembers what it was asked for. */
async function countingProxy(): Promise<{ url: string; asked: string[]; close: () => Promise<void> }> {
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    asked.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, asked, close: () => new Promise((r) => server.close(() => r())) };
}

/** Runs `node args` under strace (children followed) and returns the classified socket calls. */
async function traced(args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string): Promise<SocketCalls & { code: number | null; stderr: string }> {
  const child = spawn('strace', ['-f', '-qq', '-yy', '-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-o', log, process.execPath, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  return { ...classifySocketCalls(readFileSync(log, 'utf8')), code, stderr };
}

describe('zero network during sop build', { skip }, () => {
  it('the trace sees a real connection attempt (control)', { timeout: 30_000 }, async () => {
    const { dir, cleanup } = tempDir('sop-net-control-');
    const proxy = await countingProxy();
    try {
      const port = new URL(proxy.url).port;
      const script = `require('node:net').connect(${port}, '127.0.0.1').on('connect', function () { this.end(); }).on('error', () => {})`;
      const r = await traced(['-e', script], dir, process.env, path.join(dir, 'trace.txt'));
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.attempts.length, 1, r.attempts.join('\n'));
      assert.match(r.attempts[0]!, new RegExp(`connect\\(\\d+<TCP:.*htons\\(${port}\\)`));
    } finally {
      await proxy.close();
      cleanup();
    }
  });

  it('HTML, PDF and Mermaid: no TCP connect, no DNS query, no datagram, nothing asked of a proxy', { timeout: 180_000 }, async () => {
    const { dir, cleanup } = tempDir('sop-net-');
    const proxy = await countingProxy();
    try {
      writeRepo(dir, { sops: [{ file: 'umum/cuti.md', nomor: '800/001/SOP/BKD/2025', nama: 'Pelayanan Cuti' }] });
      // a proxy in the environment is what Chromium on Linux would use for anything it fetches
      const env = { ...process.env, http_proxy: proxy.url, https_proxy: proxy.url, all_proxy: proxy.url, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_COLOR: '1' };
      const r = await traced([BIN, 'build', '--mermaid', '-q'], dir, env, path.join(dir, 'trace.txt'));
      assert.equal(r.code, 0, r.stderr);
      // the build really used the browser: a PDF, a Mermaid SVG and the HTML page
      for (const f of ['umum/cuti.html', 'umum/cuti.pdf', 'umum/cuti.svg', 'umum/cuti.mmd', 'index.html']) assert.ok(existsSync(path.join(dir, '_site', f)), `${f} was not built`);
      assert.match(readFileSync(path.join(dir, '_site/umum/cuti.svg'), 'utf8'), /^<svg/);
      assert.deepEqual(r.attempts, [], 'network attempts during the build');
      assert.deepEqual(proxy.asked, [], 'requests sent to the environment proxy');
      // Chromium still asks the kernel for a route to a public IPv6 address (a UDP connect, no datagram),
      // once per check: more often the longer the build takes (3 in a 9 s build under a loaded CI run, where
      // a bound of 2 failed). Each must be exactly that probe, so that a new kind of socket call shows up.
      for (const probe of r.routeProbes) assert.match(probe, /<UDPv6:.*sin6_port=htons\(443\).*"2001:4860:4860::8888"/, probe);
    } finally {
      await proxy.close();
      cleanup();
    }
  });
});
