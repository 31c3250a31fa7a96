/**
 * The accounts the tests sign in with: the embedded demo mode's demo users (README), which the
 * global setup creates on a PostgreSQL database too (the CLI for the admin, the admin API for the
 * others), so the tests are the same in both modes.
 */
export type Role = 'admin' | 'coordinator' | 'manager' | 'liaison';

export interface Account {
  role: Role;
  email: string;
  displayName: string;
  /** The organisation a coordinator, manager or liaison belongs to (by name). */
  organisation: string | null;
}

export const PASSWORD = 'Salkku-demo-2026';

export const ACCOUNTS: Record<Role, Account> = {
  admin: { role: 'admin', email: 'admin@salkku.example', displayName: 'Demo Pääkäyttäjä', organisation: null },
  coordinator: {
    role: 'coordinator',
    email: 'koordinaattori@salkku.example',
    displayName: 'Demo Koordinaattori',
    organisation: 'Kuopion kaupunki',
  },
  manager: {
    role: 'manager',
    email: 'johto@salkku.example',
    displayName: 'Demo Johto',
    organisation: 'Kuopion kaupunki',
  },
  liaison: {
    role: 'liaison',
    email: 'ministerio@salkku.example',
    displayName: 'Demo Yhteyshenkilö',
    organisation: 'Työ- ja elinkeinoministeriö',
  },
};

/** The demo portfolio's launch projects (Kuopio). */
export const LAUNCH_PROJECT_CODES = ['VESI-KH', 'TERVEYS-KH'] as const;
