// CPU sampler for build.bench.mjs: sums user+system seconds of a process and all its descendants (Chromium's too).
// Usage: node build.bench.cpu.mjs PID OUT.json   (exits when PID is gone; OUT holds {pid: seconds} of the last sample)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const root = Number(process.argv[2]);
const outFile = process.argv[3];
const CLK = 100; // USER_HZ on Linux
const seen = new Map();

function stat(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    // Fields 4 (ppid), 14 (utime) and 15 (stime) of proc(5), counted from the state field.
    return { ppid: Number(rest[1]), cpu: (Number(rest[11]) + Number(rest[12])) / CLK };
  } catch {
    return undefined;
  }
}

function sample() {
  const all = new Map();
  for (const name of readdirSync('/proc')) if (/^\d+$/.test(name)) {
    const st = stat(name);
    if (st) all.set(Number(name), st);
  }
  if (!all.has(root)) return false;
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, st] of all) if (!tree.has(pid) && tree.has(st.ppid)) {
      tree.add(pid);
      grew = true;
    }
  }
  for (const pid of tree) seen.set(pid, all.get(pid).cpu);
  return true;
}

const write = () => writeFileSync(outFile, JSON.stringify(Object.fromEntries(seen)));
// Sampling every 50 ms misses at most the last 50 ms of each short-lived process.
const timer = setInterval(() => {
  if (!sample()) {
    clearInterval(timer);
    write();
  }
}, 50);
sample();
