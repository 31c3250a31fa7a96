import { Body, Query, type Type } from '@nestjs/common';
import { ApiOperation, type ApiOperationOptions } from '@nestjs/swagger';
import type { Permission } from '@salkku/shared';
import { CurrentActor, type Actor } from './actor';
import type { Page } from './pagination';
import { CreateRoute, DeleteRoute, IdParam, ListRoute, ReadRoute, UpdateRoute } from './routes';
import { ExpectedVersion, IfMatchVersion } from './version';

/** What a resource's service offers the five routes of a record resource. */
export interface RecordService<Item, Detail, ListQuery, CreateDto, UpdateDto> {
  list(query: ListQuery, actor: Actor): Promise<Page<Item>>;
  get(id: string, actor: Actor): Promise<Detail>;
  create(dto: CreateDto, actor: Actor): Promise<Detail>;
  update(id: string, dto: UpdateDto, version: number, actor: Actor): Promise<Detail>;
  remove(id: string, version: number | undefined, actor: Actor): Promise<void>;
}

type RouteName = 'list' | 'get' | 'create' | 'update' | 'remove';

export interface RecordRoutes<Item, Detail, ListQuery, CreateDto, UpdateDto> {
  /** The permission to read (list, get) and to write (create, update, delete). */
  read: Permission;
  write: Permission;
  /** A list's item, and the one record that get, create and update answer (the item by default). */
  item: Type<Item>;
  detail?: Type<Detail>;
  query: Type<ListQuery>;
  create: Type<CreateDto>;
  update: Type<UpdateDto>;
  /** A create may be refused with 409 (a duplicate, a rule). */
  createConflicts?: boolean;
  /** The OpenAPI summary and description of each route, where it says more than its path. */
  docs?: Partial<Record<RouteName, ApiOperationOptions>>;
}

/**
 * The five routes of a record resource, written once: GET / (a page), GET /:id, POST /,
 * PATCH /:id (with the version the client read) and DELETE /:id (If-Match optional). A
 * controller extends `RecordController({...})`, gives its service as `service`, and adds what
 * is its own. Each route's body and query class is set as the parameter's type, so the
 * validation pipe and the OpenAPI document see the resource's own DTOs.
 */
export function RecordController<Item, Detail = Item, ListQuery = object, CreateDto = object, UpdateDto = object>(
  routes: RecordRoutes<Item, Detail, ListQuery, CreateDto, UpdateDto>,
) {
  const detail = routes.detail ?? routes.item;
  const doc = (name: RouteName): MethodDecorator => (routes.docs?.[name] ? ApiOperation(routes.docs[name]) : () => {});

  abstract class Routes {
    abstract readonly service: RecordService<Item, Detail, ListQuery, CreateDto, UpdateDto>;

    @ListRoute(routes.read, routes.item)
    @doc('list')
    list(@Query() query: ListQuery, @CurrentActor() actor: Actor): Promise<Page<Item>> {
      return this.service.list(query, actor);
    }

    @ReadRoute(routes.read, detail)
    @doc('get')
    get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<Detail> {
      return this.service.get(id, actor);
    }

    @CreateRoute(routes.write, detail, { conflicts: routes.createConflicts })
    @doc('create')
    create(@Body() dto: CreateDto, @CurrentActor() actor: Actor): Promise<Detail> {
      return this.service.create(dto, actor);
    }

    @UpdateRoute(routes.write, detail)
    @doc('update')
    update(
      @IdParam() id: string,
      @Body() dto: UpdateDto,
      @ExpectedVersion() version: number,
      @CurrentActor() actor: Actor,
    ): Promise<Detail> {
      return this.service.update(id, dto, version, actor);
    }

    @DeleteRoute(routes.write)
    @doc('remove')
    remove(@IdParam() id: string, @IfMatchVersion() ifMatch: number | undefined, @CurrentActor() actor: Actor) {
      return this.service.remove(id, ifMatch, actor);
    }
  }

  // TypeScript records a type parameter as Object; the pipe and OpenAPI need the resource's DTOs.
  const paramTypes: Record<RouteName, unknown[]> = {
    list: [routes.query, Object],
    get: [String, Object],
    create: [routes.create, Object],
    update: [String, routes.update, Number, Object],
    remove: [String, Object, Object],
  };
  for (const [name, types] of Object.entries(paramTypes)) {
    Reflect.defineMetadata('design:paramtypes', types, Routes.prototype, name);
  }
  return Routes;
}
