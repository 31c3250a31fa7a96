/**
 * What can be wrong with one field of a request, as a stable code. The API reports it next to its
 * English message (`problems` in the error body); the web app translates the code, so rewording
 * an API message never loses its translation. Codes only grow: a client that meets a code it does
 * not know shows the API's message instead.
 */
export declare const FIELD_PROBLEM_CODES: readonly ["required", "tooShort", "tooLong", "tooSmall", "tooLarge", "tooMany", "invalidFormat", "invalidEmail", "invalidDate", "invalidAmount", "invalidPercent", "invalidBusinessId", "notAllowed", "unknownField", "notFound", "notCity", "outOfScope", "otherAgreement", "duplicate", "dateOrder", "periodTooLong", "inFuture", "onlyWhenDone", "illegalTransition", "exceedsGranted", "belowPaid", "notPayable", "grantedUnknown", "inUse", "staleVersion", "versionMismatch", "ownAccount", "commonPassword", "personalPassword", "wrongPassword", "invalid"];
export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];
/** Numbers or words a problem's text needs, e.g. `{ max: 200 }` for tooLong. */
export type FieldProblemParams = Record<string, number | string>;
export interface FieldProblem {
    code: FieldProblemCode;
    params?: FieldProblemParams;
}
/** Field path (as in `details`, e.g. `partners.0.organisationId`) → its problems. */
export type FieldProblems = Record<string, FieldProblem[]>;
export declare function isFieldProblemCode(value: unknown): value is FieldProblemCode;
