import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { writeFileAtomic } from '../fs/atomic';
import { type KdfParams, kdfAffordable, moderateKdf, NONCE_BYTES, SALT_BYTES } from './crypto';

/**
 * The key file holds no secret in the clear: the data key wrapped twice (by the
 * passphrase-derived key and by the recovery key), the Argon2id parameters and salt,
 * and a vault id bound into each wrap as associated data.
 */
export const KEY_FILE_FORMAT = 'holding.key';
export const KEY_FILE_VERSION = 1;
/** The largest key file we will read; real ones are well under 2 KB. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

const b64 = (bytes?: number) =>
  z
    .string()
    .max(4096)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((v) => bytes === undefined || Buffer.from(v, 'base64').length === bytes, {
      message: `expected ${bytes} bytes`,
    });

const wrapSchema = z.object({ nonce: b64(NONCE_BYTES), wrappedKey: b64() }).strict();

export const keyFileSchema = z
  .object({
    format: z.literal(KEY_FILE_FORMAT),
    version: z.number().int().positive(),
    vaultId: z.uuid(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    passphrase: z
      .object({
        kdf: z
          .object({
            algorithm: z.literal('argon2id13'),
            // Bounded by kdfProblem (below), so a key file that asks too much gets a sentence of its own.
            opsLimit: z
              .number()
              .int()
              .positive()
              .max(2 ** 32 - 1),
            memLimitBytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
            salt: b64(SALT_BYTES),
          })
          .strict(),
      })
      .extend(wrapSchema.shape)
      .strict(),
    recovery: z
      .object({ kdf: z.object({ algorithm: z.literal('blake2b-256') }).strict() })
      .extend(wrapSchema.shape)
      .strict(),
  })
  .strict();

export type KeyFile = z.infer<typeof keyFileSchema>;

export async function keyFileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export async function readKeyFile(file: string): Promise<KeyFile> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_KEY_FILE_BYTES) throw new Error('too large');
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('NO_VAULT', 'There is no journal in this folder yet.');
    }
    throw keyFileInvalid();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw keyFileInvalid();
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > KEY_FILE_VERSION) {
    throw new AppError(
      'KEY_FILE_INVALID',
      'This journal was set up by a newer version of Holding. Please update Holding to open it; nothing has been changed.',
    );
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw keyFileInvalid();
  const problem = kdfProblem(parsed.data.passphrase.kdf);
  // A key file weakened by someone else must not quietly lower the protection.
  if (problem === 'weaker') throw keyFileInvalid();
  if (problem === 'too-costly') {
    throw new AppError(
      'KEY_FILE_INVALID',
      'The key file in this folder asks for far more memory and time to check a passphrase than Holding ever uses, more than a laptop can be expected to spare, so Holding has not tried it. Holding did not write it this way: it may have been changed. Your journal itself is untouched; if you have a backup, restoring it brings back a key file Holding wrote.',
    );
  }
  return parsed.data;
}

/**
 * What is wrong with a key file's Argon2id parameters, if anything: weaker than the MODERATE floor, or more
 * costly than the ceilings in crypto.ts (KDF_MAX_*). The vault and a backup's key file are checked alike.
 */
export function kdfProblem(kdf: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>): 'weaker' | 'too-costly' | null {
  const floor = moderateKdf();
  if (kdf.opsLimit < floor.opsLimit || kdf.memLimitBytes < floor.memLimitBytes) return 'weaker';
  return kdfAffordable(kdf) ? null : 'too-costly';
}

export async function writeKeyFile(file: string, keyFile: KeyFile): Promise<void> {
  keyFileSchema.parse(keyFile);
  await writeFileAtomic(file, `${JSON.stringify(keyFile, null, 2)}\n`);
}

function keyFileInvalid(): AppError {
  return new AppError(
    'KEY_FILE_INVALID',
    'The key file in this folder is damaged or not one Holding wrote, so the journal cannot be opened. If you have a backup of the folder, restoring it should help.',
  );
}
