import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** A failed query as it may be logged: the statement and what PostgreSQL said, never the values bound to it or written in it. */
export function describeQueryError(error: unknown, query: string): string {
  const { code, constraint, table } = (error ?? {}) as { code?: unknown; constraint?: unknown; table?: unknown };
  const where = [typeof table === 'string' ? `table ${table}` : '', typeof constraint === 'string' ? `constraint ${constraint}` : ''].filter(Boolean).join(', ');
  // PostgreSQL's message may quote the offending value ("invalid input syntax for type uuid: …"): only its SQLSTATE leaves.
  // A statement may carry its values as literals (an inbox claim, a write sent with the COMMIT): those leave as '…'.
  const statement = query.replace(/'(?:[^']|'')*'/g, "'…'").replace(/\s+/g, ' ');
  return `query failed (SQLSTATE ${typeof code === 'string' ? code : 'unknown'}${where ? `, ${where}` : ''}): ${statement.slice(0, 500)}`;
}

/**
 * TypeORM's logger for the services: failed queries and migrations only, and a failed query without
 * its parameters, which carry passport numbers, names and record values.
 */
export class QueryErrorLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Successful queries are not logged: their parameters are personal data, and they are many.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(describeQueryError(error, query));
  }

  logQuerySlow(): void {
    // Slowness is measured by the benchmark and the metrics, not logged with parameters.
  }

  logSchemaBuild(): void {
    // Schemas are built by migrations only, which are logged.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
