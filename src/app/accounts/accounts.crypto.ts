import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { passwordFromRandomBytes } from '../../domain/accounts/index.js';

// scrypt parameters of new hashes; old hashes keep theirs (they are stored in the hash string).
const cost = { N: 16_384, r: 8, p: 1 };
const keyLength = 32;

const derive = (password: string, salt: Buffer, N: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 128 * N * r * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/** Hashes a password as `scrypt$N$r$p$salt$hash` (salt and hash in base64), with a fresh salt. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, cost.N, cost.r, cost.p);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
};

/** Whether `password` matches `stored`; a malformed hash never matches. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !N || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(N), Number(r), Number(p));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};

// Verifying against this when the login does not exist makes both answers take the same time.
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
};

/** A random password of 12 unambiguous characters, shown once to whoever set it. */
export const generatePassword = (length = 12): string => {
  for (;;) {
    const password = passwordFromRandomBytes({ randomBytes: randomBytes(length * 2), length });
    if (password) return password;
  }
};

/** A random 32-byte token, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** How a session token is stored: its sha256, so a database leak yields no usable cookies. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Compares two secrets in constant time. */
export const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};
