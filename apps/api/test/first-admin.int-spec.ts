import { bootstrapFirstAdmin } from '../src/database/accounts';
import { UsersService } from '../src/modules/users/users.service';
import { signIn, useTestApp } from './support/test-app';

/**
 * The first admin from SALKKU_ADMIN_EMAIL / SALKKU_ADMIN_PASSWORD: created only while the database
 * has no admin at all, so the variables cannot be used later as a back door.
 */
describe('first admin from the environment', () => {
  const t = useTestApp();
  beforeAll(async () => {
    // createTestApp signs in as an admin it creates; start from a database without admins.
    await t.dataSource.query("DELETE FROM users WHERE role = 'admin'");
  });

  const env = (email: string) => ({
    SALKKU_ADMIN_EMAIL: email,
    SALKKU_ADMIN_PASSWORD: 'Ensimmäinen-ylläpitäjä-1',
    SALKKU_ADMIN_NAME: 'Ensimmäinen Ylläpitäjä',
  });

  it('creates the admin when none exists, and the admin can sign in', async () => {
    const created = await bootstrapFirstAdmin(t.dataSource, t.app.get(UsersService), env('Eka@Kaupunki.example'));
    expect(created).toBe(true);
    const admin = await signIn(t.app, 'eka@kaupunki.example', 'Ensimmäinen-ylläpitäjä-1');
    const me = await admin.get('/api/me').expect(200);
    expect(me.body.user).toMatchObject({ role: 'admin', displayName: 'Ensimmäinen Ylläpitäjä' });
  });

  it('ignores the variables once an admin exists', async () => {
    const created = await bootstrapFirstAdmin(t.dataSource, t.app.get(UsersService), env('toinen@kaupunki.example'));
    expect(created).toBe(false);
    const [row] = await t.dataSource.query<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM users WHERE email = 'toinen@kaupunki.example'",
    );
    expect(row!.n).toBe(0);
  });

  it('does nothing without both variables, and refuses a weak password', async () => {
    await t.dataSource.query("DELETE FROM users WHERE role = 'admin'");
    expect(
      await bootstrapFirstAdmin(t.dataSource, t.app.get(UsersService), { SALKKU_ADMIN_EMAIL: 'a@b.example' }),
    ).toBe(false);
    await expect(
      bootstrapFirstAdmin(t.dataSource, t.app.get(UsersService), {
        SALKKU_ADMIN_EMAIL: 'heikko@kaupunki.example',
        SALKKU_ADMIN_PASSWORD: 'password1234',
      }),
    ).rejects.toThrow(/password/);
    const [row] = await t.dataSource.query<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM users WHERE role = 'admin'",
    );
    expect(row!.n).toBe(0);
  });
});
