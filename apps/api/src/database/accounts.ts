import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/actor';
import { Organisation } from '../modules/organisations/organisation.entity';
import { User } from '../modules/users/user.entity';
import type { UsersService } from '../modules/users/users.service';

/**
 * Accounts that exist without an admin creating them:
 * - the first admin, from SALKKU_ADMIN_EMAIL / SALKKU_ADMIN_PASSWORD (read at start, used only
 *   while the database has no admin at all) or from `pnpm user:create-admin`;
 * - the demo users of each role, in the embedded demo mode only (never in a DATABASE_URL database).
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
