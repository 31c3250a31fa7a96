/**
 * What the project page and the project forms agree on (two features that do not import each
 * other): where a form is, and what a form tells the project page when it sends the user back.
 */

/** The notices a form leaves for the project page (their words: `savedNoticeKey`). */
export type SavedNotice =
  | 'project'
  | 'created'
  | 'status'
  | 'decision'
  | 'payment'
  | 'milestone'
  | 'report'
  | 'participant'
  | 'decisionDeleted'
  | 'paymentDeleted'
  | 'milestoneDeleted'
  | 'participantDeleted';

/** The words of a notice: projectForms.saved.<notice>, and the participant register's own under participants. */
export function savedNoticeKey(
  notice: SavedNotice,
):
  | `projectForms.saved.${Exclude<SavedNotice, 'participant' | 'participantDeleted'>}`
  | 'participants.saved'
  | 'participants.deleted' {
  if (notice === 'participant') return 'participants.saved';
  if (notice === 'participantDeleted') return 'participants.deleted';
  return `projectForms.saved.${notice}`;
}

/**
 * Router state of the way back after a save or a delete: the project page announces the notice,
 * and a form's leave guard does not ask about unsaved changes on the way.
 */
export interface ProjectFormsState {
  projectFormSaved?: SavedNotice;
}

/** The notice a save or delete left in the router state, if any. */
export function savedNoticeOf(state: unknown): SavedNotice | undefined {
  return (state as ProjectFormsState | null)?.projectFormSaved;
}

/** The decision's edit form with the amount granted focused: where a payment on an unknown amount starts. */
export function recordAmountPath(projectId: string, decisionId: string): string {
  return `/projects/${projectId}/funding-decisions/${decisionId}/edit?focus=amountGranted`;
}
