/**
 * Query keys of the project page. They start with 'projects' (the projects feature's
 * `projectKeys.all`), so a mutation that invalidates every project query also refreshes an open
 * project page; everything about one project shares the prefix `projectDetailKeys.project(id)`.
 */
export const projectDetailKeys = {
  all: ['projects', 'detail'] as const,
  project: (projectId: string) => [...projectDetailKeys.all, projectId] as const,
  summary: (projectId: string) => [...projectDetailKeys.project(projectId), 'summary'] as const,
  fundingDecisions: (projectId: string) => [...projectDetailKeys.project(projectId), 'funding-decisions'] as const,
  payments: (projectId: string) => [...projectDetailKeys.project(projectId), 'payments'] as const,
  milestones: (projectId: string) => [...projectDetailKeys.project(projectId), 'milestones'] as const,
  statusReports: (projectId: string) => [...projectDetailKeys.project(projectId), 'status-reports'] as const,
  indicators: (projectId: string) => [...projectDetailKeys.project(projectId), 'indicators'] as const,
  histories: (projectId: string) => [...projectDetailKeys.project(projectId), 'history'] as const,
  history: (projectId: string, page: number) => [...projectDetailKeys.histories(projectId), page] as const,
};
