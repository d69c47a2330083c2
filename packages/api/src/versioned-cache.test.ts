import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versioned-cache.js';

describe('VersionedCache', () => {
  it('keeps at most maxEntries values, the least recently used out first, and empties on a new version', async () => {
    let version: string | null = 'v1';
    let computed = 0;
    const cache = new VersionedCache<string>(() => version, 2);
    const read = (key: string) =>
      cache.get(key, () => {
        computed += 1;
        return Promise.resolve(`${key}@${version}`);
      });

    await read('a');
    await read('b');
    expect(await read('a')).toBe('a@v1'); // a is now the most recently used
    expect(computed).toBe(2);
    await read('c'); // evicts b, the least recently used
    expect(cache.size).toBe(2);
    await read('a');
    expect(computed).toBe(3);
    await read('b');
    expect(computed).toBe(4);

    version = 'v2';
    expect(await read('a')).toBe('a@v2');
    expect(computed).toBe(5);
    expect(cache.size).toBe(1);

    version = null; // no version: nothing kept, every read computes
    await read('a');
    await read('a');
    expect(computed).toBe(7);
  });
});
