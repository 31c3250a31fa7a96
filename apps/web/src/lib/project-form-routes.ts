/**
 * What the project page and the project forms agree on (two features that do not import each
 * other): where a form is, and what a form tells the project page when it sends the user back.
 */

/** The notices a form leaves for the project page (projectForms.saved.<notice>). */
export type SavedNotice =
  | 'project'
  | 'created'
  | 'status'
  | 'decision'
  | 'payment'
  | 'milestone'
  | 'report'
  | 'decisionDeleted'
  | 'paymentDeleted'
  | 'milestoneDeleted'
  | 'indicatorTarget'
  | 'indicatorActual';

/**
 * Router state of the way back after a save or a delete: the project page announces the notice,
 * and a form's leave guard does not ask about unsaved changes on the way.
 */
export interface ProjectFormsState {
  projectFormSaved?: SavedNotice;
}

/** The text of a notice: the indicator forms' under indicatorForms.saved, the others' under projectForms.saved. */
export function savedNoticeKey(notice: SavedNotice) {
  if (notice === 'indicatorTarget') return 'indicatorForms.saved.target' as const;
  if (notice === 'indicatorActual') return 'indicatorForms.saved.actual' as const;
  return `projectForms.saved.${notice}` as const;
}

/** The notice a save or delete left in the router state, if any. */
export function savedNoticeOf(state: unknown): SavedNotice | undefined {
  return (state as ProjectFormsState | null)?.projectFormSaved;
}

/** The decision's edit form with the amount granted focused: where a payment on an unknown amount starts. */
export function recordAmountPath(projectId: string, decisionId: string): string {
  return `/projects/${projectId}/funding-decisions/${decisionId}/edit?focus=amountGranted`;
}

/** The indicator forms of a project (issue 12): a target set or edited, an actual reported or corrected. */
export const indicatorFormPaths = {
  newTarget: (projectId: string, indicatorId?: string) =>
    `/projects/${projectId}/indicators/targets/new${indicatorId ? `?indicatorId=${indicatorId}` : ''}`,
  editTarget: (projectId: string, targetId: string) => `/projects/${projectId}/indicators/targets/${targetId}/edit`,
  newActual: (projectId: string, choice: { indicatorId?: string; period?: string } = {}) => {
    const search = new URLSearchParams();
    if (choice.indicatorId) search.set('indicatorId', choice.indicatorId);
    if (choice.period) search.set('period', choice.period);
    const query = search.toString();
    return `/projects/${projectId}/indicators/actuals/new${query ? `?${query}` : ''}`;
  },
  editActual: (projectId: string, actualId: string) => `/projects/${projectId}/indicators/actuals/${actualId}/edit`,
};
