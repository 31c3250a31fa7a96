import { changedFigures, frozenCsv, FROZEN_REPORT_FORMAT, type FrozenDocument } from './frozen-document';

const document = {
  format: FROZEN_REPORT_FORMAT,
  round: {
    id: 'r',
    agreementId: 'a',
    period: '2025',
    dueDate: '2026-01-31',
    openedAt: 'x',
    openedBy: 'Koordinaattori',
  },
  frozenAt: '2026-02-01T10:00:00.000Z',
  frozenBy: 'Koordinaattori',
  missing: [{ reportId: 'p2', project: { id: 'b', code: 'B-1', name: 'B' }, status: 'owed' }],
  figures: { 'funding.paid': '1234.50', 'indicator.RCO07.2025': '-2', 'project.A-1.health': null },
  periodReports: [
    {
      id: 'p1',
      project: { id: 'a', code: 'A-1', name: 'A' },
      status: 'approved',
      health: 'on_track',
      healthReasons: null,
      achievements: '=HYPERLINK("x")',
      risks: 'Aikataulu; budjetti',
      nextSteps: '-5 päivää',
      lifecycleStatus: 'active',
      submittedAt: null,
      submittedBy: null,
      approvedAt: null,
      approvedBy: null,
    },
  ],
} as unknown as FrozenDocument;

describe('frozen report CSV', () => {
  it('writes the Finnish Excel profile: BOM, semicolons, decimal comma, formulas neutralised', () => {
    const text = frozenCsv(document, 'fi-excel', 'fi').toString('utf8');
    expect(text.startsWith('\uFEFFOsio;Tieto;Arvo\r\n')).toBe(true);
    expect(text).toContain('Luku;funding.paid;1234,50\r\n');
    // A negative number stays a number; text that starts like a formula gets an apostrophe.
    expect(text).toContain('Luku;indicator.RCO07.2025;-2\r\n');
    expect(text).toContain(`Kausiraportti;A-1.achievements;"'=HYPERLINK(""x"")"\r\n`);
    expect(text).toContain("Kausiraportti;A-1.nextSteps;'-5 päivää\r\n");
    expect(text).toContain('Kausiraportti;A-1.risks;"Aikataulu; budjetti"\r\n');
    expect(text).toContain('Luku;project.A-1.health;\r\n');
    expect(text).toContain('Puuttuu;B-1;owed\r\n');
  });

  it('writes the standard profile: no BOM, commas, decimal point', () => {
    const text = frozenCsv(document, 'standard', 'en').toString('utf8');
    expect(text.startsWith('Section,Item,Value\r\n')).toBe(true);
    expect(text).toContain('Figure,funding.paid,1234.50\r\n');
    expect(text).toContain('Period report,A-1.risks,Aikataulu; budjetti\r\n');
  });
});

describe('comparison of figures', () => {
  it('lists the figures that differ, appeared or disappeared, by key', () => {
    expect(changedFigures({ a: '1', b: '2', c: null, d: '4' }, { a: '1', b: '3', c: null, e: '5' })).toEqual([
      { figure: 'b', frozen: '2', live: '3' },
      { figure: 'd', frozen: '4', live: null },
      { figure: 'e', frozen: null, live: '5' },
    ]);
  });
});
