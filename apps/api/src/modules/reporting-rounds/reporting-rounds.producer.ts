import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { isoWeekOf, isReportOverdue, todayIso } from '@salkku/shared';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { queryRows } from '../../persistence/sql';
import { enqueueMail, MailProducers, type MailProducer, type OutboxEntry } from '../mail/outbox';
import { cityCoordinatorsSql, producerRoundsSql, type ProducerRoundRow } from './reporting-rounds.queries';

/** The ISO date `days` days after `date` (before it, for a negative number). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The scheduled notices of reporting rounds, written for the active coordinators of each round's
 * city while the round is open and something is still outstanding:
 * - round_reminder from the round's reminder days before the due date until the due date, once per round and user;
 * - report_overdue after the due date, once per round and user;
 * - weekly_digest of everything a coordinator's city owes, once per ISO week and user (the
 *   digest opt-out is enqueueMail's).
 * The mail worker runs it on each tick; the dedupe keys make a repeated tick write nothing.
 */
@Injectable()
export class ReportingRoundsProducer implements MailProducer, OnModuleInit {
  readonly name = 'reporting-rounds';

  constructor(
    private readonly producers: MailProducers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.producers.register(this);
  }

  async produce(manager: EntityManager, now: Date): Promise<void> {
    const today = todayIso(this.config.timeZone, now);
    const rounds = await queryRows<ProducerRoundRow>(manager, () => producerRoundsSql());
    if (rounds.length === 0) return;
    const coordinators = await queryRows<{ id: string; cityId: string }>(manager, (sql) =>
      cityCoordinatorsSql(sql, [...new Set(rounds.map((r) => r.cityId))]),
    );
    const week = isoWeekOf(today);
    const entries: OutboxEntry[] = [];
    const digests = new Map<string, Extract<OutboxEntry, { kind: 'weekly_digest' }>['params']['items']>();
    for (const round of rounds) {
      const users = coordinators.filter((c) => c.cityId === round.cityId);
      const reports = round.reports.map((r) => ({ projectName: r.projectName, reportId: r.reportId }));
      const base = {
        roundId: round.roundId,
        agreementTitle: round.agreementTitle,
        period: round.period,
        dueDate: round.dueDate,
        reports,
      };
      const overdue = today > round.dueDate;
      const reminding = !overdue && today >= addDays(round.dueDate, -round.reminderDaysBefore);
      for (const user of users) {
        if (overdue) {
          entries.push({
            kind: 'report_overdue',
            userId: user.id,
            dedupeKey: `overdue:${round.roundId}:${user.id}`,
            params: base,
          });
        } else if (reminding) {
          entries.push({
            kind: 'round_reminder',
            userId: user.id,
            dedupeKey: `reminder:${round.roundId}:${user.id}`,
            params: base,
          });
        }
        const items = digests.get(user.id) ?? [];
        for (const r of round.reports) {
          items.push({
            roundId: round.roundId,
            reportId: r.reportId,
            agreementTitle: round.agreementTitle,
            projectName: r.projectName,
            period: round.period,
            dueDate: round.dueDate,
            status: r.status,
            overdue: isReportOverdue(r.status, round.dueDate, today, true),
          });
        }
        digests.set(user.id, items);
      }
    }
    for (const [userId, items] of digests) {
      entries.push({ kind: 'weekly_digest', userId, dedupeKey: `digest:${week}:${userId}`, params: { items } });
    }
    await enqueueMail(manager, entries);
  }
}
