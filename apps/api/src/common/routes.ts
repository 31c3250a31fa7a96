import { applyDecorators, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Permission } from '@salkku/shared';
import { ApiErrors } from './api-errors';
import { Paginated } from './pagination';
import { RequirePermission } from './permissions';

/**
 * The routes of a resource, each written once: its method and path, the permission it needs,
 * its answer and its errors in the OpenAPI document. A controller method carries one of these
 * and says nothing else but what is its own (an ApiOperation, its parameters, its body).
 */

/** The `:id` of a route: a UUID, else 400. */
export const IdParam = (): ParameterDecorator => Param('id', ParseUUIDPipe);

/** The ETag the versioned answers carry (set by VersionEtagInterceptor). */
const ETAG_HEADER = {
  ETag: {
    description: 'The version of the record, e.g. "3": send it back as If-Match to change or delete it',
    schema: { type: 'string' },
  },
};

/** A 200 answer that is one versioned record, with its ETag. */
export const ApiVersionedResponse = (type: Type): MethodDecorator => ApiOkResponse({ type, headers: ETAG_HEADER });

/** GET /: a page of the resource, filtered by the route's query. */
export const ListRoute = (permission: Permission, item: Type): MethodDecorator =>
  applyDecorators(
    Get(),
    RequirePermission(permission),
    ApiOkResponse({ type: Paginated(item) }),
    ApiErrors(400, 401, 403),
  );

/** GET /:id: one record in the caller's scope (another city's is 404, like a missing one). */
export const ReadRoute = (permission: Permission, type: Type): MethodDecorator =>
  applyDecorators(Get(':id'), RequirePermission(permission), ApiVersionedResponse(type), ApiErrors(400, 401, 403, 404));

/** POST /: a new record (201). `conflicts`: it may be refused with 409 (a duplicate, a rule). */
export const CreateRoute = (
  permission: Permission,
  type: Type,
  options: { conflicts?: boolean } = {},
): MethodDecorator =>
  applyDecorators(
    Post(),
    RequirePermission(permission),
    ApiCreatedResponse({ type, headers: ETAG_HEADER }),
    ApiErrors(400, 401, 403, ...(options.conflicts ? [409] : [])),
  );

/**
 * PATCH /:id (or `path`): changes a record; the handler takes the version it read with
 * @ExpectedVersion() (If-Match or the body's version; 428 without either, 409 when stale).
 */
export const UpdateRoute = (permission: Permission, type: Type, path = ':id'): MethodDecorator =>
  applyDecorators(
    Patch(path),
    RequirePermission(permission),
    ApiVersionedResponse(type),
    ApiErrors(400, 401, 403, 404, 409, 428),
  );

/** DELETE /:id (204): If-Match is optional here; a stale one is a 409, as is a record still in use. */
export const DeleteRoute = (permission: Permission): MethodDecorator =>
  applyDecorators(
    Delete(':id'),
    RequirePermission(permission),
    HttpCode(204),
    ApiNoContentResponse(),
    ApiErrors(400, 401, 403, 404, 409),
  );
