import { readFileSync } from 'node:fs';

/* Summarises a V8 .cpuprofile (node --cpu-prof): self time per function, heaviest first. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  selfPercent: number;
}

/** Where a frame lives, shortened: node_modules/<pkg>/…, src/…, node:internal, or (native). */
function shortUrl(url: string, line: number): string {
  if (!url) return '(native/VM)';
  const nm = url.lastIndexOf('node_modules/');
  let u = nm >= 0 ? url.slice(nm + 'node_modules/'.length) : url.replace(/^file:\/\//, '');
  // The gateway runs from dist/ or the bench's own build (bench/results/.build/): name its files src/….
  const d = /\/(?:dist|\.build)\/(?=src\/|simulator\/)/.exec(u);
  if (d && nm < 0) u = u.slice(d.index + d[0].length);
  return `${u}:${line + 1}`;
}

/**
 * Self time per node id, from the samples taken in the last `windowMs` of the profile (the measured load;
 * start-up and module loading before it are left out). Each sample's time is the delta to the next one.
 */
function selfTimes(p: CpuProfile, windowMs?: number): Map<number, number> {
  const selfUs = new Map<number, number>();
  if (!p.samples || !p.timeDeltas) return selfUs;
  const from = windowMs === undefined ? -Infinity : p.endTime - windowMs * 1000;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < from) continue;
    const id = p.samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, p.timeDeltas[i + 1] ?? 0));
  }
  return selfUs;
}

export function summariseCpuProfile(
  file: string,
  top = 15,
  windowMs?: number,
): { totalMs: number; hot: HotFunction[] } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  let selfUs = new Map<number, number>();
  if (p.samples && p.timeDeltas) {
    selfUs = selfTimes(p, windowMs);
  } else {
    const interval =
      (p.endTime - p.startTime) /
      Math.max(
        1,
        p.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0),
      );
    for (const n of p.nodes) selfUs.set(n.id, (n.hitCount ?? 0) * interval);
  }
  const byFn = new Map<string, HotFunction>();
  let totalUs = 0;
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    totalUs += us;
    const name = n.callFrame.functionName || '(anonymous)';
    const where = shortUrl(n.callFrame.url, n.callFrame.lineNumber);
    const key = `${name}@${where}`;
    const e = byFn.get(key) ?? { name, where, selfMs: 0, selfPercent: 0 };
    e.selfMs += us / 1000;
    byFn.set(key, e);
  }
  const totalMs = totalUs / 1000;
  const hot = [...byFn.values()]
    .filter((e) => e.name !== '(idle)')
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top)
    .map((e) => ({ ...e, selfPercent: totalMs ? (e.selfMs / totalMs) * 100 : 0 }));
  return { totalMs, hot };
}

/** Busy (non-idle) time of the profile, ms. */
export function busyMs(file: string, windowMs?: number): number {
  return summariseCpuProfile(file, 1_000_000, windowMs).hot.reduce((s, h) => s + h.selfMs, 0);
}

/** Self time grouped by package (or src/, node internals, GC), to say which layer costs most. */
export function selfTimeByArea(file: string, windowMs?: number): { area: string; percent: number }[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const areaOf = (n: ProfileNode): string => {
    const u = n.callFrame.url;
    if (!u) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native/VM)';
    const nm = u.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const rest = u.slice(nm + 'node_modules/'.length).split('/');
      return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? u);
    }
    if (u.startsWith('node:')) return 'node core';
    const m = /\/(?:dist|\.build)\/(src|simulator)\/([^/]+)/.exec(u);
    return m ? `gateway ${m[1]}/${m[2]}` : u;
  };
  const us = selfTimes(p, windowMs);
  const byArea = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const t = us.get(n.id) ?? 0;
    if (n.callFrame.functionName === '(idle)') continue;
    total += t;
    const a = areaOf(n);
    byArea.set(a, (byArea.get(a) ?? 0) + t);
  }
  return [...byArea.entries()]
    .map(([area, t]) => ({ area, percent: total ? (t / total) * 100 : 0 }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, 12);
}
