import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { sumMoney } from '@salkku/shared';
import * as factory from './support/factories';
import { useTestApp } from './support/test-app';
import { type Json } from './support/values';

/** The resources whose records belong to a city (through their agreement), with their list and detail routes. */
const SCOPED_RESOURCES = [
  'agreements',
  'priority-areas',
  'projects',
  'funding-decisions',
  'payments',
  'milestones',
  'status-reports',
  'participants',
] as const;

/**
 * A record belongs to exactly one city after every write. These tests run the admin operations
 * that can change which city a record belongs to, and then check the invariant over everything:
 * each record is visible (in its list and by id) to the coordinators of exactly one city, nothing
 * hangs on a record of another city, and the figures of each city add up from its own records.
 */
describe('every record belongs to exactly one city', () => {
  const t = useTestApp();
  const cities: Record<'kuopio' | 'oulu' | 'joensuu', { id: string; coordinator: TestAgent }> = {} as never;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ['kuopio', 'oulu', 'joensuu'] as const) {
      const city = await factory.newOrganisation(t, { kind: 'city', name: `${name} (kaupunki)` });
      cities[name] = { id: city.id as string, coordinator: await t.as('coordinator', { cityId: city.id as string }) };
    }
    // Each city: an agreement with two priority areas, a project with a decision, a payment, a
    // milestone, a status report and a participant (the same company in every city).
    const company = await factory.newOrganisation(t, { name: 'Monessa kaupungissa Oy' });
    for (const name of ['kuopio', 'oulu', 'joensuu'] as const) {
      const agreement = await factory.newAgreement(t, { cityId: cities[name].id });
      const area = await factory.newPriorityArea(t, { agreementId: agreement.id });
      const otherArea = await factory.newPriorityArea(t, { agreementId: agreement.id });
      const project = await factory.newProject(t, { priorityAreaId: area.id });
      const decision = await factory.newFundingDecision(t, {
        agreementId: agreement.id,
        projectId: project.id,
        funderId: cities[name].id,
        amountGranted: '1000.00',
      });
      await factory.newPayment(t, { fundingDecisionId: decision.id, amount: '250.00' });
      await factory.newMilestone(t, { projectId: project.id });
      await factory.newStatusReport(t, { projectId: project.id });
      await factory.newParticipant(t, { projectId: project.id, organisationId: company.id });
      Object.assign(ids, {
        [`${name}Agreement`]: agreement.id as string,
        [`${name}Area`]: area.id as string,
        [`${name}OtherArea`]: otherArea.id as string,
        [`${name}Project`]: project.id as string,
        [`${name}Decision`]: decision.id as string,
      });
    }
  });

  async function listIds(agent: TestAgent, resource: string): Promise<string[]> {
    const res = await agent.get(`/api/${resource}?pageSize=100`).expect(200);
    return (res.body as { items: Json[] }).items.map((item) => item.id as string);
  }

  /** Checks the invariant over every scoped record in the database. */
  async function expectOneCityEach(): Promise<void> {
    const visibleTo = new Map<string, string[]>();
    for (const [name, city] of Object.entries(cities)) {
      for (const resource of SCOPED_RESOURCES) {
        for (const id of await listIds(city.coordinator, resource)) {
          visibleTo.set(`${resource}/${id}`, [...(visibleTo.get(`${resource}/${id}`) ?? []), name]);
        }
      }
    }
    const all: string[] = [];
    for (const resource of SCOPED_RESOURCES) {
      for (const id of await listIds(t.http, resource)) all.push(`${resource}/${id}`);
    }
    for (const key of all) {
      expect({ record: key, cities: visibleTo.get(key) ?? [] }).toEqual({
        record: key,
        cities: [expect.any(String)],
      });
      // By id too: 200 for its own city, 404 for every other one.
      const [owner] = visibleTo.get(key)!;
      for (const [name, city] of Object.entries(cities)) {
        const res = await city.coordinator.get(`/api/${key}`);
        expect({ record: key, city: name, status: res.status }).toEqual({
          record: key,
          city: name,
          status: name === owner ? 200 : 404,
        });
      }
    }

    // Nothing hangs on a record of another city: payments on decisions, decisions on projects.
    const cityOf = (resource: string, id: string) => visibleTo.get(`${resource}/${id}`)![0];
    for (const [, city] of Object.entries(cities)) {
      const decisions = (await city.coordinator.get('/api/funding-decisions?pageSize=100').expect(200)).body as {
        items: Array<{ id: string; projectId: string | null; agreementId: string }>;
      };
      for (const d of decisions.items) {
        if (d.projectId) expect(cityOf('projects', d.projectId)).toBe(cityOf('funding-decisions', d.id));
        expect(cityOf('agreements', d.agreementId)).toBe(cityOf('funding-decisions', d.id));
      }
    }

    // Each city's figures add up from its own records only.
    for (const [name, city] of Object.entries(cities)) {
      const decisions = (await city.coordinator.get('/api/funding-decisions?pageSize=100').expect(200)).body as {
        items: Array<{ amountGranted: string | null; status: string }>;
      };
      const payments = (await city.coordinator.get('/api/payments?pageSize=100').expect(200)).body as {
        items: Array<{ amount: string }>;
      };
      const granted = sumMoney(
        decisions.items
          .filter((d) => d.status === 'granted' || d.status === 'amended')
          .map((d) => d.amountGranted ?? '0'),
      );
      const paid = sumMoney(payments.items.map((p) => p.amount));
      const dashboard = (await city.coordinator.get('/api/dashboard').expect(200)).body as {
        fundingByFunder: Array<{ granted: string; paid: string }>;
      };
      const dashGranted = sumMoney(dashboard.fundingByFunder.map((f) => f.granted));
      const dashPaid = sumMoney(dashboard.fundingByFunder.map((f) => f.paid));
      expect({ city: name, granted: dashGranted, paid: dashPaid }).toEqual({ city: name, granted, paid });

      const projects = (await city.coordinator.get('/api/projects?pageSize=100').expect(200)).body as {
        items: Array<{ funding: { paid: string } }>;
      };
      const projectPaid = sumMoney(projects.items.map((p) => p.funding.paid));
      expect({ city: name, paid: projectPaid }).toEqual({ city: name, paid });
    }
  }

  /** PATCHes the record at `path` (as the admin) at its current version; the record as it was, and the answer. */
  async function update(path: string, change: Json, status: number): Promise<{ before: Json; res: Response }> {
    const before = (await t.http.get(path).expect(200)).body as Json;
    const res = await t.http.patch(path).set('If-Match', String(before.version)).send(change).expect(status);
    return { before, res };
  }

  it('holds for the portfolio as built', async () => {
    await expectOneCityEach();
  });

  it('refuses to move a project to another agreement, with a clear 409, and changes nothing', async () => {
    const { before, res } = await update(`/api/projects/${ids.kuopioProject}`, { priorityAreaId: ids.ouluArea }, 409);
    expect(res.body).toMatchObject({
      code: 'RULE_VIOLATION',
      problems: { priorityAreaId: [{ code: 'agreementFixed' }] },
    });
    const after = (await t.http.get(`/api/projects/${ids.kuopioProject}`).expect(200)).body as Json;
    expect(after).toEqual(before);

    // Kuopio's coordinator keeps the decision and may still pay on it; Oulu's sees none of it.
    await cities.kuopio.coordinator.get(`/api/funding-decisions/${ids.kuopioDecision}`).expect(200);
    await cities.oulu.coordinator.get(`/api/funding-decisions/${ids.kuopioDecision}`).expect(404);
    await cities.oulu.coordinator.get(`/api/projects/${ids.kuopioProject}/history`).expect(404);
    await expectOneCityEach();
  });

  it('moves a project between the priority areas of its own agreement', async () => {
    await update(`/api/projects/${ids.kuopioProject}`, { priorityAreaId: ids.kuopioOtherArea }, 200);
    await expectOneCityEach();
  });

  it('refuses to put a decision under another agreement than its project', async () => {
    const { res } = await update(
      `/api/funding-decisions/${ids.ouluDecision}`,
      { agreementId: ids.kuopioAgreement },
      400,
    );
    expect(res.body).toMatchObject({ problems: { projectId: [{ code: 'otherAgreement' }] } });
    await expectOneCityEach();
  });

  it("moves everything under an agreement when the agreement's city changes", async () => {
    await update(`/api/agreements/${ids.joensuuAgreement}`, { cityId: cities.oulu.id }, 200);
    await cities.joensuu.coordinator.get(`/api/projects/${ids.joensuuProject}`).expect(404);
    await cities.joensuu.coordinator.get(`/api/funding-decisions/${ids.joensuuDecision}`).expect(404);
    await cities.joensuu.coordinator
      .post('/api/payments')
      .send({ fundingDecisionId: ids.joensuuDecision, paidOn: '2024-04-30', amount: '10.00' })
      .expect(400);
    await cities.oulu.coordinator.get(`/api/funding-decisions/${ids.joensuuDecision}`).expect(200);
    await expectOneCityEach();
  });
});
