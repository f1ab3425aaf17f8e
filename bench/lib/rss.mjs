// Peak resident memory of a process and all its descendants, sampled from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

function children(pid) {
  const out = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const c = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (c) out.push(...c.split(/\s+/).map(Number));
      } catch { /* thread gone */ }
    }
  } catch { /* process gone */ }
  return out;
}

export function rssKb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** RSS (KiB) of pid and its descendants right now. */
export function treeRssKb(pid) {
  let total = 0;
  const seen = new Set();
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop();
    if (seen.has(p)) continue;
    seen.add(p);
    total += rssKb(p);
    stack.push(...children(p));
  }
  return total;
}

/** Samples the tree every `everyMs`; stop() returns the peak in MiB. */
export function sampleTree(pid, everyMs = 50) {
  let peak = 0;
  const tick = () => { peak = Math.max(peak, treeRssKb(pid)); };
  tick();
  const timer = setInterval(tick, everyMs);
  return { stop: () => { clearInterval(timer); tick(); return peak / 1024; } };
}
