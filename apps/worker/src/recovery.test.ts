import { describe, expect, it } from 'vitest';
import { deadOwnerCheck, processAlive } from './recovery.js';

describe('which owners of running job runs a starting worker knows to be gone', () => {
  const alive = new Set([100, 200]);
  const check = (me: string, explicitId: boolean) =>
    deadOwnerCheck({ me, explicitId, host: 'web-1', pid: 200, alive: (pid) => alive.has(pid) });

  it('a dead process of this host, or this very pid under another name (a restarted container)', () => {
    const isDead = check('web-1:200:abcdef', false);
    expect(isDead('web-1:300:0a1b2c')).toBe(true);
    expect(isDead('web-1:200:123456')).toBe(true);
    expect(isDead('web-1:100:0a1b2c')).toBe(false);
    expect(isDead('web-1:200:abcdef')).toBe(false);
  });

  it('its own explicit WORKER_ID (its previous life), never another host or a name it cannot read', () => {
    const isDead = check('worker-A', true);
    expect(isDead('worker-A')).toBe(true);
    expect(isDead('worker-B')).toBe(false);
    expect(isDead('web-2:300:0a1b2c')).toBe(false);
    expect(isDead('on-demand:1700000000000:k3j4h5')).toBe(false);
  });

  it('reads process liveness from the system', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 1)).toBe(false);
  });
});
