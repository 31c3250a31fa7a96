/**
 * What can be wrong with one field of a request, as a stable code. The API reports it next to its
 * English message (`problems` in the error body); the web app translates the code, so rewording
 * an API message never loses its translation. Codes only grow: a client that meets a code it does
 * not know shows the API's message instead.
 */
export const FIELD_PROBLEM_CODES = [
  /** Missing, null, or cleared although the field is required. */
  'required',
  /** Text shorter than `min` characters. */
  'tooShort',
  /** Text longer than `max` characters. */
  'tooLong',
  /** A number below `min`. */
  'tooSmall',
  /** A number above `max`. */
  'tooLarge',
  /** A list with more than `max` items. */
  'tooMany',
  /** Not the expected kind of value or pattern (a string, a whole number, a uuid, a code…). */
  'invalidFormat',
  'invalidEmail',
  /** Not a calendar date YYYY-MM-DD. */
  'invalidDate',
  /** Not an amount of euros such as "1234.50" (or not above zero where that is required). */
  'invalidAmount',
  /** Not a percentage 0–100 with at most two decimals. */
  'invalidPercent',
  /** Not a Finnish business ID (Y-tunnus) with a valid check digit. */
  'invalidBusinessId',
  /** Not one of the allowed choices. */
  'notAllowed',
  /** A field the request may not contain at all. */
  'unknownField',
  /** The referenced record does not exist (or is not visible to the caller). */
  'notFound',
  /** The referenced organisation must be a city. */
  'notCity',
  /** The referenced city is outside the caller's own. */
  'outOfScope',
  /** The referenced project belongs to another agreement. */
  'otherAgreement',
  /** A project's priority area must stay within the project's agreement. */
  'agreementFixed',
  /** Another record already has this value. */
  'duplicate',
  /** An end date before its start date. */
  'dateOrder',
  /** A period longer than allowed (`max` years). */
  'periodTooLong',
  /** A date after today where only past or present dates make sense. */
  'inFuture',
  /** A completion date on a milestone that is not done. */
  'onlyWhenDone',
  /** A status change the lifecycle does not allow (`from` is the current status). */
  'illegalTransition',
  /** Payments would exceed the amount granted (`remaining` is what can still be paid). */
  'exceedsGranted',
  /** The amount granted would fall below what has already been paid (`paid`). */
  'belowPaid',
  /** Payments under a funding decision that is not granted yet. */
  'notPayable',
  /** Payments under a funding decision whose granted amount is not known. */
  'grantedUnknown',
  /** The record is still referenced by `count` other records. */
  'inUse',
  /** Someone else changed the record since it was read (`current` is its version now). */
  'staleVersion',
  /** If-Match and the body's version disagree. */
  'versionMismatch',
  /** Admins may not deactivate, re-role or reset the password of their own account here. */
  'ownAccount',
  'commonPassword',
  /** The password contains the user's email address or name. */
  'personalPassword',
  'wrongPassword',
  /** Text with a control character (U+0000–U+001F other than tab and line breaks in multi-line texts). */
  'controlCharacter',
  /** Not an indicator value such as "15" or "37.5" (at most 4 decimals). */
  'invalidIndicatorValue',
  /** Not a reporting period: a year ("2025") or a half-year ("2025-H1"). */
  'invalidPeriod',
  /** A period not of the agreement's reporting periodicity (`periodicity`: year or half_year). */
  'wrongPeriodicity',
  /** A period after the current one (`current` is the current period). */
  'periodInFuture',
  /** The indicator is derived from the participant register: its values are never entered. */
  'derived',
  /** The indicator is another agreement's own (it must be common or the holder agreement's own). */
  'notAgreementIndicator',
  /** A unit name given although the unit is not "other". */
  'onlyForUnitOther',
  /** A percentage indicator whose aggregation is not "latest" (percentages never sum). */
  'percentIsLatest',
  /** Both a project and an agreement given where exactly one holder is wanted. */
  'oneHolder',
  /** A target year before its baseline year. */
  'yearOrder',
  /** A milestone year outside the years between the baseline and the target (`from`, `to`). */
  'outsideTargetYears',
  /** A date outside the reporting period it belongs to (`from`, `to`: the period's first and last day). */
  'outsidePeriod',
  /** The referenced record belongs to another project than the period report's. */
  'otherProject',
  /** A reporting round already exists for this agreement and period. */
  'roundExists',
  /** The reporting round is closed: its reports and settings no longer change. */
  'roundClosed',
  /** The period report is submitted or approved and cannot be edited (`status`). */
  'reportReadOnly',
  /** Nobody approves or returns a report they submitted themselves. */
  'ownSubmission',
  /** The report is not submitted, so it cannot be approved or returned (`status`). */
  'notSubmitted',
  /** Reports of the round are not approved yet (`count`); close with acceptMissing to close anyway. */
  'reportsOutstanding',
  /** The project is not active in the round's period (`period`). */
  'notInPeriod',
  /** Breaks a rule of the data model that has no more specific code. */
  'invalid',
] as const;

export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

/** Numbers or words a problem's text needs, e.g. `{ max: 200 }` for tooLong. */
export type FieldProblemParams = Record<string, number | string>;

export interface FieldProblem {
  code: FieldProblemCode;
  params?: FieldProblemParams;
}

/** Field path (as in `details`, e.g. `partners.0.organisationId`) → its problems. */
export type FieldProblems = Record<string, FieldProblem[]>;

export function isFieldProblemCode(value: unknown): value is FieldProblemCode {
  return typeof value === 'string' && (FIELD_PROBLEM_CODES as readonly string[]).includes(value);
}
