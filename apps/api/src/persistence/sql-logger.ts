import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Marks the per-request session statement (see modules/auth/sessions.service.ts). */
export const SESSION_SQL_MARKER = '/* salkku:session */';

/**
 * TypeORM's logger for Salkku: counts every SQL statement sent to the database (the integration
 * tests assert "at most 2 statements per list or detail request" with it), logs failed and slow
 * statements, and logs every statement (at info level, with the request's id) when LOG_SQL is on.
 */
export class SqlLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('SQL');
  private statements = 0;
  private sessionStatements = 0;

  constructor(private readonly logAll: boolean) {}

  /** Statements sent since the process started. */
  get statementCount(): number {
    return this.statements;
  }

  /** Statements sent for the data of requests: all but the per-request session check. */
  get dataStatementCount(): number {
    return this.statements - this.sessionStatements;
  }

  logQuery(query: string, parameters?: unknown[]): void {
    this.statements++;
    if (query.startsWith(SESSION_SQL_MARKER)) this.sessionStatements++;
    // Parameter values are not logged: they can hold session token hashes, CSRF tokens and password hashes.
    if (this.logAll) this.logger.log(`${query}${parameters?.length ? ` -- ${parameters.length} parameters` : ''}`);
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn(`${error instanceof Error ? error.message : error} -- ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow statement (${time} ms): ${query}`);
  }

  logSchemaBuild(message: string): void {
    if (this.logAll) this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else if (this.logAll) this.logger.log(String(message));
  }
}
