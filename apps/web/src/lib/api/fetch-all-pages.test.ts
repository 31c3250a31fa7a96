import { MAX_PAGE_SIZE } from '@salkku/shared';
import { fetchAllPages } from './fetch-all-pages';

/** A list of `total` numbers, served a page at a time; the pages asked for are kept. */
function pagedList(total: number) {
  const asked: Array<[number, number]> = [];
  const fetchPage = (page: number, pageSize: number) => {
    asked.push([page, pageSize]);
    const start = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, index) => start + index);
    return Promise.resolve({ items, total });
  };
  return { asked, fetchPage };
}

describe('fetchAllPages', () => {
  it('asks once for a list that fits one page', async () => {
    const list = pagedList(3);
    await expect(fetchAllPages(list.fetchPage)).resolves.toEqual([0, 1, 2]);
    expect(list.asked).toEqual([[1, MAX_PAGE_SIZE]]);
  });

  it('asks for the remaining pages of a longer list and keeps their order', async () => {
    const list = pagedList(2 * MAX_PAGE_SIZE + 1);
    const items = await fetchAllPages(list.fetchPage);
    expect(items).toEqual(Array.from({ length: 2 * MAX_PAGE_SIZE + 1 }, (_, index) => index));
    expect(list.asked.map(([page]) => page).sort()).toEqual([1, 2, 3]);
  });

  it('stops at an empty first page whatever the total says', async () => {
    const fetchPage = jest.fn(() => Promise.resolve({ items: [] as number[], total: 500 }));
    await expect(fetchAllPages(fetchPage)).resolves.toEqual([]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
