import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  ERROR_CODES,
  FIELD_PROBLEM_CODES,
  type ErrorCode,
  type FieldProblemCode,
  type FieldProblemParams,
  type FieldProblems,
} from '@salkku/shared';

/** One problem of one field, as a code a client can translate. */
export class FieldProblemResponse {
  @ApiProperty({ enum: FIELD_PROBLEM_CODES, enumName: 'FieldProblemCode', example: 'tooLong' })
  code: FieldProblemCode;

  @ApiPropertyOptional({
    description: 'Values the message needs, e.g. { "max": 200 } for tooLong',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }] },
    example: { max: 200 },
  })
  params?: FieldProblemParams;
}

/** The one error body of the API. */
@ApiExtraModels(FieldProblemResponse)
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' })
  code: ErrorCode;

  @ApiProperty({ example: 'Validation failed' })
  message: string;

  @ApiPropertyOptional({
    description: 'Per-field messages (English): field path → messages',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  details?: Record<string, string[]>;

  @ApiPropertyOptional({
    description: 'The same fields as `details`, as codes to translate: field path → problems (each once)',
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(FieldProblemResponse) } },
    example: { title: [{ code: 'tooLong', params: { max: 200 } }] },
  })
  problems?: FieldProblems;

  @ApiPropertyOptional({
    description: "The request's id (also in the X-Request-Id response header and in every log line of the request)",
    example: '3f2b8c1e-7d4a-4e6b-9a51-0c2d4e6f8a1b',
  })
  requestId?: string;
}
