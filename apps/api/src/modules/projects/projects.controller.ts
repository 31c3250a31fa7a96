import { Body, Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { PageQuery, Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { CreateRoute, DeleteRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from '../../common/routes';
import { ExpectedVersion, IfMatchVersion } from '../../common/version';
import { CreateProjectDto } from './dto/create-project.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectHistoryItemResponse } from './dto/project-history.response';
import { ProjectDetailResponse, ProjectSummaryResponse } from './dto/project.response';
import { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectsService } from './projects.service';

/**
 * Projects of the actor's city (every city for liaisons and admins): another city's project is
 * not found (404), and a body naming another city's priority area is invalid (400).
 */
@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @ListRoute('portfolio:read', ProjectSummaryResponse)
  list(@Query() query: ListProjectsQuery, @CurrentActor() actor: Actor): Promise<Page<ProjectSummaryResponse>> {
    return this.projects.list(query, actor);
  }

  @ReadRoute('portfolio:read', ProjectDetailResponse)
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<ProjectDetailResponse> {
    return this.projects.get(id, actor);
  }

  @Get(':id/history')
  @RequirePermission('portfolio:read')
  @ApiOperation({
    summary: 'The project’s history, newest first',
    description:
      'Its audit events (changes to the project and to its partners, funding decisions, payments, milestones ' +
      'and status reports) and its status reports, merged into one timeline.',
  })
  @ApiOkResponse({ type: Paginated(ProjectHistoryItemResponse) })
  @ApiErrors(400, 401, 403, 404)
  history(
    @IdParam() id: string,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProjectHistoryItemResponse>> {
    return this.projects.history(id, query, actor);
  }

  @CreateRoute('portfolio:write', ProjectDetailResponse, { conflicts: true })
  create(@Body() dto: CreateProjectDto, @CurrentActor() actor: Actor): Promise<ProjectDetailResponse> {
    return this.projects.create(dto, actor);
  }

  @UpdateRoute('portfolio:write', ProjectDetailResponse)
  update(
    @IdParam() id: string,
    @Body() dto: UpdateProjectDto,
    @ExpectedVersion() version: number,
    @CurrentActor() actor: Actor,
  ): Promise<ProjectDetailResponse> {
    return this.projects.update(id, dto, version, actor);
  }

  @DeleteRoute('portfolio:write')
  remove(
    @IdParam() id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.projects.remove(id, ifMatch, actor);
  }
}
