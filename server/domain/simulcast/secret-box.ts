import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors';

// Stream keys let anyone broadcast on the brand's channel, so they are stored sealed:
// AES-256-GCM (confidentiality and integrity) under a key derived from SECRETS_KEY, a
// fresh 96-bit nonce per value, and the purpose bound in as associated data so a
// sealed value cannot be replayed as some other kind of secret.

const VERSION = 'v1';
const AAD = Buffer.from('live-commerce:simulcast-stream-key');

/** The 32-byte AES key for a SECRETS_KEY (any string of 32+ characters, e.g. `openssl rand -base64 32`). */
export function secretsKey(secret: string): Buffer {
  return createHash('sha256').update(`live-commerce secrets v1\0${secret}`).digest();
}

/** `v1.<nonce>.<tag>.<ciphertext>`, base64url: a text column holds it. */
export function sealSecret(key: Buffer, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The plaintext; refuses (INTERNAL) a value sealed under another key or altered since. */
export function openSecret(key: Buffer, sealed: string): string {
  const [version, nonce, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !nonce || !tag || ciphertext === undefined)
    throw new AppError('INTERNAL', 'sealed secret has an unknown format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('INTERNAL', 'sealed secret does not open with this SECRETS_KEY (changed key, or altered value)');
  }
}
