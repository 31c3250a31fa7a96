import { PARTICIPANT_ROLES, type ParticipantRole } from '@salkku/shared';
import { PageQuery } from '../../../common/pagination';
import { BooleanFilter, EnumFilter, IdFilter, SearchText, SortBy } from '../../../common/query-fields';

export const PARTICIPANT_SORT_KEYS = [
  'organisation',
  'role',
  'startsOn',
  'endsOn',
  'supportAmount',
  'createdAt',
] as const;

export class ListParticipantsQuery extends PageQuery {
  @IdFilter()
  projectId?: string;

  @IdFilter("Participants of the agreement's projects (through the priority area)")
  agreementId?: string;

  @IdFilter('Every participation of one organisation')
  organisationId?: string;

  @EnumFilter(PARTICIPANT_ROLES, 'ParticipantRole')
  role?: ParticipantRole;

  @BooleanFilter('true: companies without a business ID (they may be counted twice); false: the others')
  flagged?: boolean;

  @SearchText("Free text in the organisation's name")
  q?: string;

  @SortBy(PARTICIPANT_SORT_KEYS, 'organisation', "organisation: by the organisation's name")
  sort?: string;
}
