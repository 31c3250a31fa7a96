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
});
