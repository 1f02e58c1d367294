import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretKeyBytes } from '../config/env';

const VERSION = 'v1';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/**
 * Secrets at rest (mailbox passwords): AES-256-GCM with a random 96-bit IV, under a key from
 * the environment. The associated data names what the secret is for (a mailbox and field), so
 * a ciphertext copied into another row or column does not decrypt there.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export function createSecretBox(key: string | undefined): SecretBox {
  const bytes = key ? secretKeyBytes(key) : undefined;
  const requireKey = (): Buffer => {
    if (!bytes) throw new SecretKeyError('MAILBOX_SECRET_KEY is not set: mailbox passwords cannot be stored or read. `npm start` generates one; set it on every node.');
    return bytes;
  };
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed, context) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretKeyError('The stored secret is not in a known format.');
      const decipher = createDecipheriv('aes-256-gcm', requireKey(), Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError('A stored mailbox password cannot be decrypted: MAILBOX_SECRET_KEY differs from the key it was saved with. Enter the password again.');
      }
    },
  };
}
