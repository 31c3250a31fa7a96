import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message = 'server message') => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection (raw, from the pool)', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', pgError('ECONNRESET')],
    ['a connect timeout', pgError('ETIMEDOUT')],
    [
      'a refused connect to every address of a host (AggregateError)',
      Object.assign(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
    ],
    [
      '"Connection terminated unexpectedly" inside a QueryFailedError',
      wrapped(new Error('Connection terminated unexpectedly')),
    ],
    ["the pool's connect timeout", new Error('timeout exceeded when trying to connect')],
    ['admin shutdown 57P01', wrapped(pgError('57P01'))],
    ['crash shutdown 57P02', wrapped(pgError('57P02'))],
    ['cannot connect now 57P03', pgError('57P03')],
    ['too many connections 53300', pgError('53300')],
    ['connection failure 08006', wrapped(pgError('08006'))],
    ['a cause chain', new Error('outer', { cause: pgError('ECONNREFUSED') })],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(pgError('23505'))],
    ['a syntax error', wrapped(pgError('42601'))],
    ['a plain error', new Error('something else')],
    ['no error object', 'ECONNREFUSED'],
    ['null', null],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
