import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Entry points' secrets (access tokens, app secrets, auth tokens) at rest: AES-256-GCM with a
 * fresh 96-bit nonce each time (NIST SP 800-38D), stored as `v1.<nonce>.<tag>.<ciphertext>`
 * in base64url. A wrong key or a changed byte fails the tag check: nothing is ever half-read.
 */
export interface SecretBox {
  seal(secret: string): string;
  open(sealed: string): string;
  /** A MAC of `data` (HMAC-SHA256, base64url) for links we hand out, with a key of its own. */
  sign(data: string): string;
  /** Whether `signature` is sign(data), compared in constant time. */
  verify(data: string, signature: string): boolean;
}

export const createSecretBox = (key: Buffer): SecretBox => {
  if (key.length !== 32) {
    throw new Error('SECRETS_KEY must be 32 bytes (64 hex characters or 44 base64 characters)');
  }
  // Signing has a key of its own, derived from this one (HKDF, RFC 5869): one key, one purpose.
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'switchboard signed links', 32));
  const sign = (data: string) => createHmac('sha256', macKey).update(data).digest('base64url');
  return {
    sign,
    verify: (data, signature) => {
      const expected = Buffer.from(sign(data));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    seal: (secret) => {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return ['v1', nonce, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open: (sealed) => {
      const [version, nonce, tag, data] = sealed.split('.');
      if (version !== 'v1' || !nonce || !tag || data === undefined) {
        throw new Error('not a sealed secret');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
};

/** SECRETS_KEY as hex (64 characters) or base64 (32 bytes). */
export const parseSecretsKey = (value: string): Buffer => {
  const trimmed = value.trim();
  return /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
};

/**
 * The key of the data directory, made on first start (readable by this user only). Written whole to
 * a file of this call's own, then linked to its name: the link fails if another process (or call)
 * made the key first, and then that key is read. The name never holds a half-written key, so two
 * processes starting at once on one data directory get the same key.
 */
export const loadOrCreateKeyFile = async (dataDir: string): Promise<Buffer> => {
  const file = join(dataDir, 'secrets.key');
  const read = async () => parseSecretsKey(await readFile(file, 'utf8'));
  try {
    return await read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw err;
    }
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  const draft = join(dataDir, `.secrets.key.${process.pid}.${randomBytes(6).toString('hex')}`);
  await writeFile(draft, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return read();
    }
    throw err;
  } finally {
    await unlink(draft);
  }
};
