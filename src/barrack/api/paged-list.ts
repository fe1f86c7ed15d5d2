import type { components } from '../contract/barrack-api.types';
import type { BarrackResult } from '../http/barrack-call';

type Pagination = components['schemas']['Pagination'];

/** Barrack's largest page: whole-account reads use it so 100 resources cost one call. */
export const MAX_PAGE_SIZE = 100;
/** A runaway guard: an account with more than 100 x 100 items of one kind is not read whole. */
const MAX_PAGES = 100;

/**
 * Reads every page of a Barrack list. `fetchPage` asks for one page; `items` picks the array from it.
 * Stops at the last page Barrack reports (or at a short page when it reports none).
 */
export async function collectPages<P extends { pagination?: Pagination }, I>(
  fetchPage: (page: number, pageSize: number) => Promise<BarrackResult<P>>,
  items: (data: P) => I[] | undefined,
): Promise<I[]> {
  const all: I[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await fetchPage(page, MAX_PAGE_SIZE);
    const got = items(res.data) ?? [];
    all.push(...got);
    const totalPages = res.data.pagination?.total_pages;
    if (totalPages !== undefined ? page >= totalPages : got.length < MAX_PAGE_SIZE) break;
  }
  return all;
}
