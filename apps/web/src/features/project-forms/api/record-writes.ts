import { api, ifMatch, unwrap, type Unversioned } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

/*
 * Every write of the project forms: creating, changing and deleting a project's records. Changes
 * and deletes carry the version the form read as If-Match (lib/api/client.ts). The forms run these
 * through useRecordForm's mutations, so every portfolio view refetches after each (lib/write-invalidation.ts).
 */

type Schemas = components['schemas'];

export function createProject(body: Schemas['CreateProjectDto']) {
  return unwrap(api.POST('/api/projects', { body }));
}

export function updateProject(id: string, body: Unversioned<Schemas['UpdateProjectDto']>, version: number | undefined) {
  return unwrap(api.PATCH('/api/projects/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

export function createFundingDecision(body: Schemas['CreateFundingDecisionDto']) {
  return unwrap(api.POST('/api/funding-decisions', { body }));
}

export function updateFundingDecision(
  id: string,
  body: Unversioned<Schemas['UpdateFundingDecisionDto']>,
  version: number | undefined,
) {
  return unwrap(api.PATCH('/api/funding-decisions/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

export function deleteFundingDecision(id: string, version: number | undefined) {
  return unwrap(api.DELETE('/api/funding-decisions/{id}', { params: { path: { id }, header: ifMatch(version) } }));
}

export function createPayment(body: Schemas['CreatePaymentDto']) {
  return unwrap(api.POST('/api/payments', { body }));
}

export function updatePayment(id: string, body: Unversioned<Schemas['UpdatePaymentDto']>, version: number | undefined) {
  return unwrap(api.PATCH('/api/payments/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

export function deletePayment(id: string, version: number | undefined) {
  return unwrap(api.DELETE('/api/payments/{id}', { params: { path: { id }, header: ifMatch(version) } }));
}

export function createMilestone(body: Schemas['CreateMilestoneDto']) {
  return unwrap(api.POST('/api/milestones', { body }));
}

export function updateMilestone(
  id: string,
  body: Unversioned<Schemas['UpdateMilestoneDto']>,
  version: number | undefined,
) {
  return unwrap(api.PATCH('/api/milestones/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

export function deleteMilestone(id: string, version: number | undefined) {
  return unwrap(api.DELETE('/api/milestones/{id}', { params: { path: { id }, header: ifMatch(version) } }));
}

export function createStatusReport(body: Schemas['CreateStatusReportDto']) {
  return unwrap(api.POST('/api/status-reports', { body }));
}

export function createIndicatorTarget(body: Schemas['CreateIndicatorTargetDto']) {
  return unwrap(api.POST('/api/indicator-targets', { body }));
}

export function updateIndicatorTarget(
  id: string,
  body: Unversioned<Schemas['UpdateIndicatorTargetDto']>,
  version: number | undefined,
) {
  return unwrap(api.PATCH('/api/indicator-targets/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}

export function createIndicatorActual(body: Schemas['CreateIndicatorActualDto']) {
  return unwrap(api.POST('/api/indicator-actuals', { body }));
}

export function updateIndicatorActual(
  id: string,
  body: Unversioned<Schemas['UpdateIndicatorActualDto']>,
  version: number | undefined,
) {
  return unwrap(api.PATCH('/api/indicator-actuals/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));
}
