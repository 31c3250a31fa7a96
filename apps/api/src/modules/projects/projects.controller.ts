import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { PageQuery, Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { RecordController } from '../../common/record-controller';
import { IdParam } from '../../common/routes';
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
export class ProjectsController extends RecordController({
  read: 'portfolio:read',
  write: 'portfolio:write',
  item: ProjectSummaryResponse,
  detail: ProjectDetailResponse,
  query: ListProjectsQuery,
  create: CreateProjectDto,
  update: UpdateProjectDto,
  createConflicts: true,
}) {
  constructor(readonly service: ProjectsService) {
    super();
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
    return this.service.history(id, query, actor);
  }
}
