import { HEALTH_VALUES, type Health } from '@salkku/shared';
import { EnumField, IsoDateField, TextField, UuidField } from '../../../common/validators';

export class CreateStatusReportDto {
  @UuidField({ description: 'The project reported on' })
  projectId: string;

  @IsoDateField({ description: 'The date the report describes; not in the future' })
  reportingDate: string;

  @EnumField(HEALTH_VALUES, 'Health', { description: 'RAG health: on_track (green), at_risk (amber), off_track (red)' })
  health: Health;

  @TextField({ max: 5000, description: 'The situation and the reasons for the health' })
  summary: string;

  @TextField({ max: 5000, optional: true })
  risks?: string | null;

  @TextField({ max: 5000, optional: true })
  nextSteps?: string | null;
}
