import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
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

  @Get()
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: Paginated(UserResponse) })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListUsersQuery, @CurrentActor() actor: Actor): Promise<Page<UserResponse>> {
    return this.users.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(id, actor);
  }

  /** Creates a user who can sign in at once with the given password. */
  @Post()
  @RequirePermission('users:manage')
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 409)
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.createUser(dto, actor);
  }

  /** Changes a user; `active: false` deactivates them and ends their sessions at once. */
  @Patch(':id')
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409, 428)
  update(
    @Param('id', ParseUUIDPipe) id: string,
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
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  resetPassword(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResetPasswordDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserResponse> {
    return this.users.resetPassword(id, dto.password, actor);
  }
}
