import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('reads TRUST_PROXY as Express wants it: hops as a number, booleans, or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it('has sign-in throttling defaults that keep lock-outs away (see README, Sessions)', () => {
    expect(loadConfig({})).toMatchObject({
      loginFreeFailures: 5,
      loginMaxDelayMinutes: 15,
      loginMaxFailuresPerAccount: 50,
      loginMaxFailuresPerAddress: 300,
      loginThrottleMinutes: 15,
    });
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_CLIENT: '20' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_CLIENT: '20' })).toThrow(/LOGIN_MAX_FAILURES_PER_ADDRESS/);
  });

  it('creates demo users by default outside production only', () => {
    expect(loadConfig({}).demoUsers).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demoUsers).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SALKKU_DEMO_USERS: 'true' }).demoUsers).toBe(true);
    expect(() => loadConfig({ SALKKU_DEMO_USERS: 'maybe' })).toThrow(/SALKKU_DEMO_USERS/);
  });

  it('logs at info, in tests at warn, and refuses an unknown LOG_LEVEL', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('warn');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('sends no email without SMTP_URL, and with it needs the sender and the public address', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: null,
      publicUrl: 'http://localhost:3000',
      mailWorkerIntervalSeconds: 30,
      mailMaxAttempts: 10,
    });
    const mail = { SMTP_URL: 'smtp://u:secret@mail.example:587', MAIL_FROM: 'Salkku <salkku@kuopio.example>' };
    expect(loadConfig({ ...mail, PUBLIC_URL: 'https://salkku.kuopio.example/' })).toMatchObject({
      smtpUrl: 'smtp://u:secret@mail.example:587',
      mailFrom: 'Salkku <salkku@kuopio.example>',
      publicUrl: 'https://salkku.kuopio.example',
    });
    expect(() => loadConfig(mail)).toThrow(/PUBLIC_URL is required/);
    expect(() => loadConfig({ SMTP_URL: mail.SMTP_URL, PUBLIC_URL: 'https://s.example' })).toThrow(
      /MAIL_FROM is required/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail.example' })).toThrow(/SMTP_URL must be/);
    // The password in a bad SMTP_URL is not repeated in the message.
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail.example' })).not.toThrow(/secret/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL must be/);
    expect(() => loadConfig({ MAIL_FROM: 'no address' })).toThrow(/MAIL_FROM must be/);
    expect(loadConfig({ MAIL_WORKER_INTERVAL_SECONDS: '0' }).mailWorkerIntervalSeconds).toBe(0);
    expect(() => loadConfig({ MAIL_WORKER_INTERVAL_SECONDS: '-1' })).toThrow(/MAIL_WORKER_INTERVAL_SECONDS/);
    expect(() => loadConfig({ MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });
});
