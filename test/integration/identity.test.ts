/** Identities and contacts in two vaults, and a bundle between them. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealBundle } from '../../main/sharing/bundle';
import { openBundle } from '../../main/sharing/bundle-open';
import { IdentityService } from '../../main/sharing/identity';
import { PASSPHRASE } from '../support/temp';
import { servicesPerTest } from '../support/vault';

const open = servicesPerTest();

async function twoVaults() {
  const a = await open();
  const b = await open();
  const supervisee = new IdentityService(a.vault);
  const supervisor = new IdentityService(b.vault);
  await supervisee.save({ name: ' Sam  Rivers ', role: 'Clinical psychologist' });
  await supervisor.save({ name: 'Dr Ama Mensah', role: 'Clinical supervisor' });
  return { a, b, supervisee, supervisor };
}

describe('identity and contacts', () => {
  it('makes keys once, keeps them across a lock, and changes only the name after', async () => {
    const { a, supervisee } = await twoVaults();
    const first = supervisee.view()!;
    expect(first.name).toBe('Sam Rivers');
    expect(first.fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    a.vault.lock('manual');
    await a.vault.unlock(PASSPHRASE);
    const renamed = await supervisee.save({ name: 'Sam R.', role: '' });
    expect(renamed.fingerprint).toBe(first.fingerprint);
    expect(renamed.card).not.toBe(first.card);
    await expect(supervisee.save({ name: '  ', role: '' })).rejects.toThrow(/name your supervisor knows you by/);
  });

  it('keeps the secret keys only inside the encrypted database', async () => {
    const { a, supervisee } = await twoVaults();
    const secret = Buffer.from(supervisee.secret()!.signingSecret);
    a.vault.lock('manual');
    for (const file of readdirSync(a.dataDir, { recursive: true }) as string[]) {
      const full = path.join(a.dataDir, file);
      try {
        expect(readFileSync(full).includes(secret.subarray(0, 16)), file).toBe(false);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
      }
    }
  });

  it('adds a card unverified, verifies on the person’s word, and refuses their own, a repeat and a malformed one', async () => {
    const { supervisee, supervisor } = await twoVaults();
    const contact = await supervisor.addContact(supervisee.view()!.card);
    expect(contact).toMatchObject({ name: 'Sam Rivers', verified: false, fingerprint: supervisee.view()!.fingerprint });
    expect(supervisor.setVerified(contact.id, true).verified).toBe(true);
    await expect(supervisor.addContact(supervisor.view()!.card)).rejects.toThrow(/your own card/);
    await expect(supervisor.addContact(supervisee.view()!.card)).rejects.toThrow(/already added Sam Rivers/);
    await expect(supervisor.addContact('HOLDING-CARD-1.bm90IGEgY2FyZA')).rejects.toThrow(/not a Holding identity card/);
    expect(supervisor.contacts()).toHaveLength(1);
  });

  it('carries a bundle from one vault to the other, signed by the contact’s own key', async () => {
    const { supervisee, supervisor } = await twoVaults();
    const sam = await supervisor.addContact(supervisee.view()!.card);
    const ama = await supervisee.addContact(supervisor.view()!.card);
    const bytes = sealBundle({
      kind: 'share',
      sender: supervisee.secret()!,
      recipient: supervisee.publicKeys(ama.id),
      payload: new TextEncoder().encode('{"hello":"supervision"}'),
    });
    const opened = openBundle(bytes, supervisor.secret()!);
    expect(Buffer.from(opened.header.sender.signingKey)).toEqual(Buffer.from(supervisor.publicKeys(sam.id).signingKey));
    expect(new TextDecoder().decode(opened.payload)).toBe('{"hello":"supervision"}');
  });
});
