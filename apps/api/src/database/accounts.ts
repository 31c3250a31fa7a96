import { Logger } from '@nestjs/common';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/actor';
import type { AppConfig } from '../config/config';
import { recordAudit } from '../modules/audit/audit';
import { verifyPassword } from '../modules/auth/passwords';
import { Session } from '../modules/auth/session.entity';
import { Organisation } from '../modules/organisations/organisation.entity';
import { User } from '../modules/users/user.entity';
import type { UsersService } from '../modules/users/users.service';

/**
 * Accounts that exist without an admin creating them:
 * - the first admin, from SALKKU_ADMIN_EMAIL / SALKKU_ADMIN_PASSWORD (read at start, used only
 *   while the database has no admin at all) or from `pnpm user:create-admin`;
 * - the demo users of each role, in the embedded demo mode only (never in a DATABASE_URL database),
 *   and in production only when SALKKU_DEMO_USERS=true (see guardDemoUsers).
 */
export const DEMO_PASSWORD = 'Salkku-demo-2026';

export const DEMO_USERS = [
  { email: 'admin@salkku.example', displayName: 'Demo Pääkäyttäjä', role: 'admin', organisation: null },
  {
    email: 'koordinaattori@salkku.example',
    displayName: 'Demo Koordinaattori',
    role: 'coordinator',
    organisation: 'Kuopion kaupunki',
  },
  { email: 'johto@salkku.example', displayName: 'Demo Johto', role: 'manager', organisation: 'Kuopion kaupunki' },
  {
    email: 'ministerio@salkku.example',
    displayName: 'Demo Yhteyshenkilö',
    role: 'liaison',
    organisation: 'Työ- ja elinkeinoministeriö',
  },
] as const;

export async function createDemoUsers(manager: EntityManager, users: UsersService): Promise<void> {
  for (const demo of DEMO_USERS) {
    const organisation = demo.organisation
      ? await manager.getRepository(Organisation).findOneByOrFail({ name: demo.organisation })
      : null;
    await users.create(manager, SYSTEM_ACTOR, {
      email: demo.email,
      displayName: demo.displayName,
      role: demo.role,
      organisationId: organisation?.id ?? null,
      password: DEMO_PASSWORD,
    });
  }
}

/** Creates an admin from the environment if the database has none. Returns whether it did. */
export async function bootstrapFirstAdmin(
  dataSource: DataSource,
  users: UsersService,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const email = env.SALKKU_ADMIN_EMAIL?.trim();
  const password = env.SALKKU_ADMIN_PASSWORD;
  if (!email || !password) return false;
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(4242003)');
    if (await manager.getRepository(User).existsBy({ role: 'admin' })) {
      new Logger('Accounts').warn(
        'SALKKU_ADMIN_EMAIL/PASSWORD ignored: an admin exists. Remove them from the environment.',
      );
      return false;
    }
    await users.create(manager, SYSTEM_ACTOR, {
      email,
      password,
      displayName: env.SALKKU_ADMIN_NAME?.trim() || email,
      role: 'admin',
    });
    new Logger('Accounts').log(`Created the first admin ${email}. Remove SALKKU_ADMIN_PASSWORD from the environment.`);
    return true;
  });
}

/**
 * Demo accounts sign in with a password published in the README. In production they exist only
 * when SALKKU_DEMO_USERS=true asks for them, and then every start says so. Without that, any
 * demo account that still has the published password (created before this rule, or by a
 * non-production start on the same data) is deactivated at start, its sessions ended.
 */
export async function guardDemoUsers(
  dataSource: DataSource,
  config: Pick<AppConfig, 'production' | 'demoUsers'>,
  embedded: boolean,
): Promise<void> {
  if (!config.production) return;
  const logger = new Logger('Accounts');
  if (config.demoUsers) {
    if (embedded) {
      logger.warn(
        `SALKKU_DEMO_USERS=true in production: the demo accounts (${DEMO_USERS.map((u) => u.email).join(', ')}) ` +
          'sign in with the password published in the README. Never use this for real data.',
      );
    } else {
      logger.warn('SALKKU_DEMO_USERS=true is ignored: a DATABASE_URL database never gets demo accounts.');
    }
    return;
  }
  const emails = DEMO_USERS.map((u) => u.email);
  const candidates = await dataSource.getRepository(User).findBy({ email: In(emails), active: true });
  const exposed: User[] = [];
  for (const user of candidates) if (await verifyPassword(user.passwordHash, DEMO_PASSWORD)) exposed.push(user);
  if (exposed.length === 0) return;
  await dataSource.transaction(async (manager) => {
    for (const user of exposed) {
      user.active = false;
      await manager.save(user);
      await manager.delete(Session, { userId: user.id });
      await recordAudit(manager, SYSTEM_ACTOR, {
        action: 'update',
        entityType: 'user',
        entityId: user.id,
        before: { active: true },
        after: { active: false },
      });
    }
  });
  logger.warn(
    `Deactivated demo accounts with the published password (${exposed.map((u) => u.email).join(', ')}): ` +
      'production never keeps them unless SALKKU_DEMO_USERS=true.',
  );
}
