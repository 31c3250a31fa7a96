import { diffPartners, type PartnerState, type StoredPartner } from './partner-diff';

const stored = (
  id: string,
  organisationId: string,
  role: string | null = null,
  budgetShare: string | null = null,
): StoredPartner => ({
  id,
  organisationId,
  role,
  budgetShare,
});
const wanted = (
  organisationId: string,
  role: string | null = null,
  budgetShare: string | null = null,
): PartnerState => ({
  organisationId,
  role,
  budgetShare,
});

describe('diffPartners', () => {
  it.each([
    { name: 'nothing to nothing', from: [], to: [], remove: [], update: [], insert: [] },
    { name: 'all new', from: [], to: [wanted('a')], remove: [], update: [], insert: [wanted('a')] },
    {
      name: 'all removed',
      from: [stored('1', 'a'), stored('2', 'b')],
      to: [],
      remove: ['1', '2'],
      update: [],
      insert: [],
    },
    {
      name: 'unchanged, in another order',
      from: [stored('1', 'a', 'x'), stored('2', 'b')],
      to: [wanted('b'), wanted('a', 'x')],
      remove: [],
      update: [],
      insert: [],
    },
    {
      name: 'role and share changes update the same row',
      from: [stored('1', 'a', 'x', '10.00'), stored('2', 'b', 'y')],
      to: [wanted('a', 'x', '12.00'), wanted('b', null)],
      remove: [],
      update: [
        { id: '1', role: 'x', budgetShare: '12.00' },
        { id: '2', role: null, budgetShare: null },
      ],
      insert: [],
    },
    {
      name: 'remove, update and insert together',
      from: [stored('1', 'a'), stored('2', 'b', 'old')],
      to: [wanted('b', 'new'), wanted('c')],
      remove: ['1'],
      update: [{ id: '2', role: 'new', budgetShare: null }],
      insert: [wanted('c')],
    },
  ])('$name', ({ from, to, remove, update, insert }) => {
    expect(diffPartners(from, to)).toEqual({ remove, update, insert });
  });
});
