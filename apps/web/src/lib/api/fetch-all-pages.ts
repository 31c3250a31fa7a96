import { MAX_PAGE_SIZE } from '@salkku/shared';

/** A page of a paged list, as every list endpoint of the API answers. */
export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Every item of a paged list (the project page's decisions and payments, the forms' organisations,
 * the filters' agreements and priority areas): the first page of MAX_PAGE_SIZE, then, when the
 * total says there is more (rarely: these lists are short), the remaining pages together, in order.
 */
export async function fetchAllPages<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const first = await fetchPage(1, MAX_PAGE_SIZE);
  const pages = first.items.length === 0 ? 1 : Math.ceil(first.total / MAX_PAGE_SIZE);
  if (pages <= 1) return first.items;
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, index) => fetchPage(index + 2, MAX_PAGE_SIZE)));
  return [first, ...rest].flatMap((page) => page.items);
}
