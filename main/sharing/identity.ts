/**
 * This vault's identity and its contacts.
 * Keys are made once, stored only in the encrypted database, and never leave it; the card carries the
 * public halves. A contact is "verified" only when the person says the short fingerprints matched.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import type { ParsedInputOf } from '../../common/ipc/contract';
import type { ContactView, IdentityView } from '../../common/sharing/types';
import type { Vault } from '../vault/vault';

export type { ContactView, IdentityView };
import {
  cardOf,
  createIdentity,
  fingerprintHex,
  fingerprintOf,
  parseCard,
  type PublicIdentity,
  type SecretIdentity,
  sharingReady,
  shortFingerprint,
  tidyName,
} from './card';
import { looksAlike } from './look-alike';

interface IdentityRow {
  name: string;
  role: string;
  encryption_public: Uint8Array;
  encryption_secret: Uint8Array;
  signing_public: Uint8Array;
  signing_secret: Uint8Array;
}

interface ContactRow {
  id: string;
  name: string;
  role: string;
  encryption_key: Uint8Array;
  signing_key: Uint8Array;
  fingerprint: string;
  verified_at: string | null;
  added_at: string;
}

/** The name and role on the card, as `sharing:saveIdentity` takes them. */
export type IdentityInput = ParsedInputOf<'sharing:saveIdentity'>;

/** A contact found by their keys: who they are to this person, and whether the fingerprints were confirmed. */
export interface ContactByKeys {
  id: string;
  name: string;
  verified: boolean;
}

const bytes = (b: Uint8Array) => new Uint8Array(b);
const gone = () => new AppError('NOT_FOUND', 'That contact is no longer here.');

export class IdentityService {
  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The secret identity, for sealing and opening bundles in main; null until the person has made one. */
  secret(): SecretIdentity | null {
    const row = this.vault.db().prepare('SELECT * FROM identity WHERE id = 1').get() as IdentityRow | undefined;
    if (!row) return null;
    return {
      name: row.name,
      role: row.role,
      encryptionKey: bytes(row.encryption_public),
      encryptionSecret: bytes(row.encryption_secret),
      signingKey: bytes(row.signing_public),
      signingSecret: bytes(row.signing_secret),
    };
  }

  view(): IdentityView | null {
    const me = this.secret();
    return me
      ? { name: me.name, role: me.role, fingerprint: shortFingerprint(fingerprintOf(me)), card: cardOf(me) }
      : null;
  }

  /** Makes the identity the first time (new keys); afterwards changes only the name and role on the card. */
  async save(input: IdentityInput): Promise<IdentityView> {
    await sharingReady();
    const name = tidyName(input.name);
    const role = tidyName(input.role);
    if (!name) throw new AppError('INVALID_INPUT', 'Please give the name your supervisor knows you by.');
    if (name.length > 200 || role.length > 200) {
      throw new AppError('INVALID_INPUT', 'Please keep the name and role under 200 characters each.');
    }
    const db = this.vault.db();
    if (this.secret()) {
      db.prepare('UPDATE identity SET name = ?, role = ? WHERE id = 1').run(name, role);
    } else {
      const me = createIdentity(name, role);
      db.prepare(
        `INSERT INTO identity (id, name, role, encryption_public, encryption_secret, signing_public, signing_secret, created_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        name,
        role,
        me.encryptionKey,
        me.encryptionSecret,
        me.signingKey,
        me.signingSecret,
        this.now().toISOString(),
      );
    }
    return this.view()!;
  }

  /** Adds someone's card; refuses a malformed card, the person's own, and one already added. */
  async addContact(cardText: string): Promise<ContactView> {
    await sharingReady();
    const card = parseCard(cardText);
    const fingerprint = fingerprintHex(card);
    const me = this.secret();
    if (me && fingerprintHex(me) === fingerprint) {
      throw new AppError('INVALID_INPUT', 'That is your own card. Add the card of the person you want to share with.');
    }
    const existing = this.withFingerprint(fingerprint);
    if (existing) {
      throw new AppError('INVALID_INPUT', `You have already added ${existing.name}’s card.`);
    }
    // Two people with the same name, or names that look alike, could be mistaken for each other when choosing
    // whom to share with.
    const db = this.vault.db();
    const names = db.prepare('SELECT name FROM contacts ORDER BY added_at').pluck().all() as string[];
    const sameName = names.find((n) => n.toLowerCase() === card.name.toLowerCase());
    const tellApart =
      'If this is their new card, remove the old one first; if it is someone else, ask them to add something to their name (such as their role or town) to tell them apart.';
    if (sameName) {
      throw new AppError(
        'INVALID_INPUT',
        `You already have someone called “${sameName}” in your contacts, with a different card. ${tellApart}`,
      );
    }
    const lookAlike = names.find((n) => looksAlike(n, card.name));
    if (lookAlike) {
      throw new AppError(
        'INVALID_INPUT',
        `This card’s name looks very like ${lookAlike}, who is already in your contacts with a different card, so the two could be mistaken for each other. ${tellApart} Nothing was added.`,
      );
    }
    const id = randomUUID();
    db.prepare(
      `INSERT INTO contacts (id, name, role, encryption_key, signing_key, fingerprint, verified_at, added_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
    ).run(id, card.name, card.role, card.encryptionKey, card.signingKey, fingerprint, this.now().toISOString());
    return this.contact(id);
  }

  /** Only the person can say the fingerprints matched; un-verifying is allowed too. */
  setVerified(id: string, verified: boolean): ContactView {
    const result = this.vault
      .db()
      .prepare('UPDATE contacts SET verified_at = ? WHERE id = ?')
      .run(verified ? this.now().toISOString() : null, id);
    if (result.changes === 0) throw gone();
    return this.contact(id);
  }

  contact(id: string): ContactView {
    return toView(this.row(id));
  }

  private row(id: string): ContactRow {
    const row = this.vault.db().prepare('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
    if (!row) throw gone();
    return row;
  }

  contacts(): ContactView[] {
    return (this.vault.db().prepare('SELECT * FROM contacts ORDER BY name COLLATE NOCASE').all() as ContactRow[]).map(
      toView,
    );
  }

  /** A contact's public keys, for sealing to them or checking what they signed. */
  publicKeys(id: string): PublicIdentity & { verified: boolean } {
    const row = this.row(id);
    return {
      name: row.name,
      role: row.role,
      encryptionKey: bytes(row.encryption_key),
      signingKey: bytes(row.signing_key),
      verified: row.verified_at !== null,
    };
  }

  /**
   * The contact with these keys (their fingerprint in hex), if any: by the keys, not the name, so a contact
   * removed and added again is still the same person.
   */
  withFingerprint(fingerprint: string): ContactByKeys | null {
    const row = this.vault
      .db()
      .prepare('SELECT id, name, verified_at FROM contacts WHERE fingerprint = ?')
      .get(fingerprint) as Pick<ContactRow, 'id' | 'name' | 'verified_at'> | undefined;
    return row ? { id: row.id, name: row.name, verified: row.verified_at !== null } : null;
  }

  /** A contact's fingerprint in hex (the keys they were added with), if they are still a contact. */
  fingerprintHexOf(id: string): string | null {
    return (
      (this.vault.db().prepare('SELECT fingerprint FROM contacts WHERE id = ?').pluck().get(id) as
        string | undefined) ?? null
    );
  }

  removeContact(id: string): void {
    this.vault.db().prepare('DELETE FROM contacts WHERE id = ?').run(id);
  }
}

function toView(row: ContactRow): ContactView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    fingerprint: shortFingerprint(new Uint8Array(Buffer.from(row.fingerprint, 'hex'))),
    verified: row.verified_at !== null,
    addedAt: row.added_at,
  };
}
