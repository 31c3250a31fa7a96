import type { DataSource, EntityManager } from 'typeorm';
import { Agreement } from '../modules/agreements/agreement.entity';
import { FundingDecision } from '../modules/funding-decisions/funding-decision.entity';
import { Organisation } from '../modules/organisations/organisation.entity';
import { Participant } from '../modules/participants/participant.entity';
import { PriorityArea } from '../modules/priority-areas/priority-area.entity';
import { ProjectPartner } from '../modules/projects/project-partner.entity';
import { Project } from '../modules/projects/project.entity';
import { StatusReport } from '../modules/status-reports/status-report.entity';

/**
 * The Kuopio demo portfolio. Every fact here comes from public sources (city board minutes
 * 25.1.2021 §49 and 20.9.2021 §51, rakennerahastot.fi, businesskuopio.fi, kuopiohealth.fi);
 * see docs/DEMO-DATA.md. What is not public — budgets, periods, the health launch project's
 * formal name, business IDs, the amount of the city's co-funding — is left empty, never invented.
 * Project codes are Salkku's own short identifiers.
 */
export const DEMO_AUTHOR = 'Salkku (demo data)';

export async function loadDemoPortfolio(manager: EntityManager): Promise<void> {
  const org = (name: string, kind: Organisation['kind']) =>
    manager.getRepository(Organisation).save({ name, kind, businessId: null, country: 'FI' });

  const kuopio = await org('Kuopion kaupunki', 'city');
  const tem = await org('Työ- ja elinkeinoministeriö', 'ministry');
  const northSavo = await org('Pohjois-Savon liitto', 'regional_council');
  await org('Itä-Suomen yliopisto', 'university');
  const savonia = await org('Savonia-ammattikorkeakoulu', 'university_of_applied_sciences');
  await org('Pohjois-Savon ELY-keskus', 'other');
  await org('VTT', 'research_institute');
  await org('Kuopion yliopistollinen sairaala / Pohjois-Savon sairaanhoitopiiri', 'hospital_district');
  const kuopioHealth = await org('Kuopio Health', 'other');
  await org('Opetus- ja kulttuuriministeriö', 'ministry');
  await org('Ympäristöministeriö', 'ministry');

  const agreement = await manager.getRepository(Agreement).save({
    cityId: kuopio.id,
    title: 'Kuopion kaupungin ekosysteemisopimus 2021–2027',
    signedOn: '2021-02-09',
    validFrom: '2021-02-09',
    validTo: '2027-12-31',
  });

  const areas = manager.getRepository(PriorityArea);
  const health = await areas.save({
    agreementId: agreement.id,
    nameFi: 'Terveys- ja hyvinvointiteknologia',
    nameSv: 'Hälso- och välfärdsteknologi',
    nameEn: 'Health and wellbeing technology',
    description: null,
    subThemes: [
      'Älykkäät terveys- ja hyvinvointiratkaisut',
      'Yksilöllinen ravitsemus',
      'Terveysdatan alustat (terveystietopalvelut, E-DIH)',
    ],
  });
  const water = await areas.save({
    agreementId: agreement.id,
    nameFi: 'Vesi',
    nameSv: 'Vatten',
    nameEn: 'Water',
    description: 'Vesiosaaminen',
    subThemes: [
      'Älykkäät vesihuollon ratkaisut',
      'Vesienkäsittelyn älykkäät talteenottoprosessit ja päästöttömät laitokset',
    ],
  });

  const projects = manager.getRepository(Project);
  const waterLaunch = await projects.save({
    priorityAreaId: water.id,
    code: 'VESI-KH',
    name: 'Kuopion kaupungin ekosysteemisopimuksen vesi-painopisteen käynnistämishanke',
    summary:
      'Tavoitteena tehdä Savilahdesta Suomen houkuttelevin veden testaus- ja innovaatioympäristö vuoteen 2027 mennessä. ' +
      'Ohjausryhmä käsitteli hankkeen 13.8.2021.',
    kind: 'launch',
    leadOrganisationId: savonia.id,
    plannedStart: null,
    plannedEnd: null,
    lifecycleStatus: 'active',
    totalBudget: null,
    euraCode: null,
  });
  const healthLaunch = await projects.save({
    priorityAreaId: health.id,
    code: 'TERVEYS-KH',
    name: 'Terveys- ja hyvinvointiteknologian käynnistyshanke (Kuopio Health)',
    summary:
      'Neljä teemaa: älykkäät terveys- ja hyvinvointiratkaisut, yksilöllinen ravitsemus, terveysdatan alustat sekä ' +
      'kansallinen ja kansainvälinen markkinointi. Hankkeen virallinen nimi ei ole tässä julkinen.',
    kind: 'launch',
    leadOrganisationId: kuopioHealth.id,
    plannedStart: null,
    plannedEnd: null,
    lifecycleStatus: 'active',
    totalBudget: null,
    euraCode: null,
  });

  await manager.getRepository(ProjectPartner).save({
    projectId: waterLaunch.id,
    organisationId: kuopio.id,
    role: 'Kuntarahoittaja',
    budgetShare: null,
  });

  // The participant register of the launch projects: who takes part, as the sources name them.
  // Periods, the kind of support and its amount are not public: left empty (unknown), never guessed.
  const participants = manager.getRepository(Participant);
  const unknownParticipation = { startsOn: null, endsOn: null, supportKind: null, supportAmount: null };
  await participants.save([
    { projectId: waterLaunch.id, organisationId: savonia.id, role: 'lead', ...unknownParticipation },
    // The city co-funds the project (city board 20.9.2021 §51): it takes part as a funder, role "other".
    { projectId: waterLaunch.id, organisationId: kuopio.id, role: 'other', ...unknownParticipation },
    { projectId: healthLaunch.id, organisationId: kuopioHealth.id, role: 'lead', ...unknownParticipation },
  ]);

  const decisions = manager.getRepository(FundingDecision);
  await decisions.save({
    agreementId: agreement.id,
    projectId: null,
    funderId: tem.id,
    recipientId: northSavo.id,
    instrument: 'akke',
    decisionBody: 'Työ- ja elinkeinoministeriö',
    decisionDate: '2021-02-04',
    recordNumber: null,
    amountGranted: '200000.00',
    coFundingRate: null,
    cap: null,
    eligibleFrom: null,
    eligibleTo: null,
    status: 'granted',
    conditions: 'AKKE-rahoitus (alueiden kestävän kasvun rahoitus) ekosysteemisopimusten käynnistämiseen.',
  });
  await decisions.save({
    agreementId: agreement.id,
    projectId: waterLaunch.id,
    funderId: kuopio.id,
    recipientId: savonia.id,
    instrument: 'city_co_funding',
    decisionBody: 'Kuopion kaupunginhallitus',
    decisionDate: '2021-09-20',
    recordNumber: '§51',
    amountGranted: null,
    coFundingRate: null,
    cap: null,
    eligibleFrom: null,
    eligibleTo: null,
    status: 'granted',
    conditions: null,
  });

  // Each report is dated by the sourced event it describes, so that the 2021 report carries them:
  // the city board's co-funding decision of 20.9.2021 (§51) for Water; for Health and wellbeing
  // technology the sources say only "September 2021", so the report is as at the end of that month.
  const reports = manager.getRepository(StatusReport);
  await reports.save({
    projectId: waterLaunch.id,
    reportingDate: '2021-09-20',
    health: 'on_track',
    lifecycleStatus: 'active',
    summary:
      'Käynnistyshanke sai rahoituspäätöksensä ja käynnistyi syyskuussa 2021. Kaupunginhallitus päätti ' +
      'kuntarahoituksesta 20.9.2021 (§51).',
    risks: null,
    nextSteps: null,
    author: DEMO_AUTHOR,
    authorId: null,
  });
  await reports.save({
    projectId: healthLaunch.id,
    reportingDate: '2021-09-30',
    health: 'on_track',
    lifecycleStatus: 'active',
    summary: 'Käynnistyshanke sai rahoituspäätöksensä ja käynnistyi syyskuussa 2021.',
    risks: null,
    nextSteps: null,
    author: DEMO_AUTHOR,
    authorId: null,
  });
}

/** Loads the demo portfolio in one transaction if the database holds no organisations yet. */
export async function loadDemoPortfolioIfEmpty(
  dataSource: DataSource,
  alsoInTransaction: (manager: EntityManager) => Promise<void> = () => Promise.resolve(),
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent starts against one database: the second waits, then sees the data.
    await manager.query('SELECT pg_advisory_xact_lock(4242001)');
    const count = await manager.getRepository(Organisation).count();
    if (count > 0) return false;
    await loadDemoPortfolio(manager);
    await alsoInTransaction(manager);
    return true;
  });
}
