import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@salkku/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery, sortValues, queryBoolean } from '../../../common/pagination';

export const USER_SORT_KEYS = ['email', 'displayName', 'createdAt'] as const;

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Free text on email or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: Boolean, description: 'true: active users only; false: deactivated only' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @ApiPropertyOptional({ enum: sortValues(USER_SORT_KEYS), default: 'email' })
  @IsOptional()
  @IsIn(sortValues(USER_SORT_KEYS))
  sort?: string;
}
