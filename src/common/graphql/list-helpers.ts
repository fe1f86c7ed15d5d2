import { pageInfo, type PageInfo } from './page.types';

/** The documented default order of compute lists: newest first, ties by id ascending (stable across pages). */
export function newestFirst<T extends { barrackId: string; createdAt: Date }>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      b.createdAt.getTime() - a.createdAt.getTime() ||
      (a.barrackId < b.barrackId ? -1 : a.barrackId > b.barrackId ? 1 : 0),
  );
}

export function slicePage<T>(
  sorted: readonly T[],
  page: number,
  pageSize: number,
): { items: T[]; pageInfo: PageInfo } {
  const start = (page - 1) * pageSize;
  return { items: sorted.slice(start, start + pageSize), pageInfo: pageInfo(sorted.length, page, pageSize) };
}

/** Groups items by a key (e.g. instance id), skipping items without one. */
export function groupBy<T>(list: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    if (k === null) continue;
    const g = m.get(k);
    if (g) g.push(t);
    else m.set(k, [t]);
  }
  return m;
}

/** Barrack's `search` is a substring match; names are unique per account, so an exact match is the one. */
export function exactName<T extends { name: string | null }>(list: readonly T[], name: string): T | null {
  return list.find((x) => x.name === name) ?? null;
}
