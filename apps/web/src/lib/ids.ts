const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id in a URL parameter, lower-cased, or undefined when it is not a uuid: a mistyped link or
 * an old bookmark is ignored rather than sent to the API, which would refuse the whole request.
 */
export function uuidParam(value: string | null | undefined): string | undefined {
  return value != null && UUID.test(value) ? value.toLowerCase() : undefined;
}
