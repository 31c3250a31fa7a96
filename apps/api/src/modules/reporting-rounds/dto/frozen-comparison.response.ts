import { ApiProperty } from '@nestjs/swagger';

export class FigureChange {
  @ApiProperty({ example: 'funding.paid', description: 'The figure’s key in the frozen report’s `figures`' })
  figure: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'As frozen (null: the figure did not exist then)' })
  frozen: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'As the live data gives it now (null: gone)' })
  live: string | null;
}

export class FrozenComparisonResponse {
  @ApiProperty({ format: 'uuid' })
  roundId: string;

  @ApiProperty({ example: '2025' })
  period: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  frozenAt: string;

  @ApiProperty()
  frozenBy: string;

  @ApiProperty({ description: 'Whether any figure of the period differs now from the frozen report' })
  changed: boolean;

  @ApiProperty({ type: [FigureChange], description: 'The figures that changed since freezing, by key' })
  changes: FigureChange[];
}
