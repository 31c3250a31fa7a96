import type { DataSource } from 'typeorm';
import { factsDriftSql, rebuildFactsSql, type FactDriftRow } from '../modules/portfolio-facts/portfolio-facts.queries';
import type { Queryable } from '../persistence/sql';

/**
 * Checking and rebuilding the facts the database keeps (project_facts, funding_decision_facts):
 * the CLI's `check-facts` and `rebuild-facts`, and what the integration tests call.
 */

/** Every stored fact that differs from a recomputation from the base tables (none when all are right). */
export async function checkFacts(db: Queryable): Promise<FactDriftRow[]> {
  const { sql, params } = factsDriftSql();
  return db.query<FactDriftRow[]>(sql, params);
}

export interface FactsRebuild {
  /** The facts that were wrong before the rebuild. */
  before: FactDriftRow[];
  /**
   * The facts still wrong after it: none, unless the database's refresh functions and the shared
   * vocabulary define the facts differently, which a rebuild cannot mend (a migration must). The
   * rebuild is then rolled back.
   */
  after: FactDriftRow[];
  projects: number;
  fundingDecisions: number;
}

/**
 * Rebuilds every fact from the base tables in one transaction: checks, rebuilds, checks again,
 * and commits only when every fact then agrees with the recomputation (otherwise it rolls back
 * and says what still differs). Concurrent writes wait for it (it holds every facts row).
 */
export async function rebuildFacts(dataSource: DataSource): Promise<FactsRebuild> {
  try {
    return await dataSource.transaction(async (manager) => {
      const before = await checkFacts(manager);
      for (const { sql, params } of rebuildFactsSql()) await manager.query(sql, params);
      const after = await checkFacts(manager);
      const [counts] = await manager.query<Array<{ projects: number; decisions: number }>>(
        `SELECT (SELECT count(*)::int FROM projects) AS projects,
                (SELECT count(*)::int FROM funding_decisions) AS decisions`,
      );
      const rebuild = { before, after, projects: counts?.projects ?? 0, fundingDecisions: counts?.decisions ?? 0 };
      if (after.length > 0) throw new RebuildRolledBack(rebuild);
      return rebuild;
    });
  } catch (error) {
    if (error instanceof RebuildRolledBack) return error.rebuild;
    throw error;
  }
}

/** Thrown inside the rebuild's transaction to roll it back when facts still differ after it. */
class RebuildRolledBack extends Error {
  constructor(readonly rebuild: FactsRebuild) {
    super('facts still differ after the rebuild');
  }
}

/** Drift rows as lines for a terminal: at most `limit`, then how many more. */
export function describeDrift(rows: readonly FactDriftRow[], limit = 50): string[] {
  const lines = rows
    .slice(0, limit)
    .map((r) => `  ${r.entity} ${r.id} ${r.fact}: stored ${r.stored ?? 'null'}, recomputed ${r.recomputed ?? 'null'}`);
  if (rows.length > limit) lines.push(`  … and ${rows.length - limit} more`);
  return lines;
}
