import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import type { Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { ApiVersionedResponse, CreateRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
import { ExpectedVersion } from '../../common/version';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';
import { UserAdminService } from './user-admin.service';

/** User administration: admins only ('users:manage'). */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserAdminService) {}

  @ListRoute('users:manage', UserResponse)
  list(@Query() query: ListUsersQuery, @CurrentActor() actor: Actor): Promise<Page<UserResponse>> {
    return this.users.list(query, actor);
  }

  @ReadRoute('users:manage', UserResponse)
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(id, actor);
  }

  /** Creates a user who can sign in at once with the given password. */
  @CreateRoute('users:manage', UserResponse, { conflicts: true })
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.createUser(dto, actor);
  }

  /** Changes a user; `active: false` deactivates them and ends their sessions at once. */
  @UpdateRoute('users:manage', UserResponse)
  update(
    @IdParam() id: string,
    @Body() dto: UpdateUserDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<UserResponse> {
    return this.users.update(id, dto, version, actor);
  }

  /** Sets a new password for another user; their sessions end. */
  @Post(':id/password')
  @RequirePermission('users:manage')
  @HttpCode(200)
  @ApiVersionedResponse(UserResponse)
  @ApiErrors(400, 401, 403, 404, 409)
  resetPassword(
    @IdParam() id: string,
    @Body() dto: ResetPasswordDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserResponse> {
    return this.users.resetPassword(id, dto.password, actor);
  }
}
