import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '@antoan/core';
import { Semaphore } from './limits/semaphore.js';

// Passwords are hashed with scrypt (Node's own, memory-hard): N=2^15, r=8, p=1, a 16-byte salt,
// 32-byte key. The parameters are stored with the hash so they can be raised later.

const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * scrypt runs on libuv's thread pool (4 threads), which file reads and DNS share: two at a time, so that a
 * burst of sign-ins or a batch of password changes never holds every thread; a few dozen wait, beyond that
 * the server says it is busy.
 */
const hashing = new Semaphore({
  max: 2,
  maxQueued: 64,
  busy: () =>
    new DomainError('TOO_MANY_REQUESTS', {
      vi: 'Máy chủ đang bận kiểm tra mật khẩu. Hãy thử lại sau ít giây.',
      en: 'The server is busy checking passwords. Try again in a few seconds.',
    }),
});

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return hashing.run(
    () =>
      new Promise((resolve, reject) =>
        scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );
}

/**
 * A hash with the current parameters that no password matches (a random key): verifying against it costs
 * what verifying a real one costs, so an unknown username answers as slowly as a wrong password.
 */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${randomBytes(16).toString('base64')}$${randomBytes(KEY_LENGTH).toString('base64')}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 128 * N * R * 2 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 128 * Number(n) * Number(r) * 2,
  });
  return timingSafeEqual(actual, expected);
}

/** A random secret for a session cookie or a first password. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

// Letters and digits that cannot be misread for one another when read aloud or copied from a screen: no
// 0/O/o, 1/l/I/i, 5/S/s, 2/Z/z, 8/B.
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrtuvwxy34679';

/**
 * A one-time password handed to a new user or after a reset: 12 random characters of an unambiguous
 * alphabet in three groups of four (`abcd-efgh-jkmn`, about 56 bits), easy to read out and type once; its
 * owner must replace it at the first sign-in.
 */
export function oneTimePassword(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    // 256 % 26 != 0: reject the top bytes rather than favour the first letters.
    let byte = bytes[i] ?? 255;
    while (byte >= 234) byte = randomBytes(1)[0] ?? 255;
    out += ONE_TIME_ALPHABET[byte % ONE_TIME_ALPHABET.length];
  }
  return out;
}
