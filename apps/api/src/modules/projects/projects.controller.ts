import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { IfMatchVersion, requireVersion, setEtag } from '../../common/version';
import { CreateProjectDto } from './dto/create-project.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectDetailResponse, ProjectSummaryResponse } from './dto/project.response';
import { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiOkResponse({ type: Paginated(ProjectSummaryResponse) })
  @ApiErrors(400)
  list(@Query() query: ListProjectsQuery): Promise<Page<ProjectSummaryResponse>> {
    return this.projects.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProjectDetailResponse })
  @ApiErrors(400, 404)
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDetailResponse> {
    const project = await this.projects.get(id);
    setEtag(res, project.version);
    return project;
  }

  @Post()
  @ApiCreatedResponse({ type: ProjectDetailResponse })
  @ApiErrors(400, 409)
  async create(
    @Body() dto: CreateProjectDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDetailResponse> {
    const project = await this.projects.create(dto, actor);
    setEtag(res, project.version);
    return project;
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProjectDetailResponse })
  @ApiErrors(400, 404, 409, 428)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProjectDto,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDetailResponse> {
    const project = await this.projects.update(id, dto, requireVersion(ifMatch, dto.version), actor);
    setEtag(res, project.version);
    return project;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 404, 409)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() ifMatch: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.projects.remove(id, ifMatch, actor);
  }
}
