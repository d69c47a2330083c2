import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('has defaults for a fresh machine', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', SEED: 'demo' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads the values it is given', () => {
    const env = parseEnv({ PORT: '8080', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/antoan', SEED: 'none' });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/antoan', SEED: 'none' });
  });

  it('reads the operations settings', () => {
    expect(parseEnv({})).toMatchObject({ PG_POOL_SIZE: 10, MIGRATE: 'auto' });
    expect(parseEnv({ PG_POOL_SIZE: '25', MIGRATE: 'off' })).toMatchObject({ PG_POOL_SIZE: 25, MIGRATE: 'off' });
  });

  it('takes a public origin', () => {
    expect(parseEnv({ PUBLIC_URL: 'https://antoan.example' }).PUBLIC_URL).toBe('https://antoan.example');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['SEED', 'everything'],
    ['PUBLIC_URL', 'antoan.example'],
    ['PG_POOL_SIZE', '0'],
    ['MIGRATE', 'yes'],
    ['PUBLIC_URL', 'https://antoan.example/app'],
    ['PUBLIC_URL', 'ftp://antoan.example'],
  ])('refuses %s=%s with one line naming the variable', (name, value) => {
    const run = () => parseEnv({ [name]: value });
    expect(run).toThrow(EnvError);
    expect(run).toThrow(new RegExp(`^Invalid environment variable ${name}=`));
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
