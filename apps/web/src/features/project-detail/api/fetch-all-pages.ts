import { MAX_PAGE_SIZE } from '@salkku/shared';

interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Every item of a paged list: the first page of MAX_PAGE_SIZE, then (rarely needed: a project
 * has far fewer payments or milestones than that) the remaining pages together.
 */
export async function fetchAllPages<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const first = await fetchPage(1, MAX_PAGE_SIZE);
  const pages = Math.ceil(first.total / MAX_PAGE_SIZE);
  if (pages <= 1) return first.items;
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, index) => fetchPage(index + 2, MAX_PAGE_SIZE)));
  return [first, ...rest].flatMap((page) => page.items);
}
