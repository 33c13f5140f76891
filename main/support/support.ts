/**
 * The person's side of the Support page: their own contacts, the services they chose to hide and the
 * country they chose, kept inside the encrypted journal beside the settings; and who they named beside
 * their early-warning signs. The services themselves ship with Holding (common/support/services.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  MAX_SUPPORT_CONTACTS,
  MAX_SUPPORT_TEXT,
  SUPPORT_REGIONS,
  SUPPORT_SERVICES,
  type SupportContact,
  type SupportRegion,
  type SupportView,
} from '../../common/support/services';
import type { CheckinService } from '../checkins/checkins';
import type { SettingsService } from '../settings/settings';

const CONTACTS_KEY = 'supportContacts';
const HIDDEN_KEY = 'supportHidden';
const REGION_KEY = 'supportRegion';

const text = (value: unknown): string =>
  typeof value === 'string' ? value.normalize('NFC').trim().slice(0, MAX_SUPPORT_TEXT) : '';

function asContacts(value: unknown): SupportContact[] {
  if (!Array.isArray(value)) return [];
  return value
    .flatMap((item: Partial<SupportContact> | null) =>
      item && typeof item.id === 'string' && text(item.name)
        ? [{ id: item.id, name: text(item.name), how: text(item.how), note: text(item.note) }]
        : [],
    )
    .slice(0, MAX_SUPPORT_CONTACTS);
}

const KNOWN = new Set(SUPPORT_SERVICES.map((s) => s.id));

function asHidden(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((id): id is string => KNOWN.has(id as string)))] : [];
}

function asRegion(value: unknown): SupportRegion | 'all' | null {
  return value === 'all' || (SUPPORT_REGIONS as readonly unknown[]).includes(value) ? (value as SupportRegion) : null;
}

export interface SupportChanges {
  /** The whole list, in order; an entry without an id is new. */
  contacts?: { id?: string | undefined; name: string; how: string; note: string }[] | undefined;
  hidden?: string[] | undefined;
  region?: SupportRegion | 'all' | undefined;
}

export class SupportService {
  constructor(
    private readonly settings: Pick<SettingsService, 'read' | 'keep'>,
    private readonly checkins: Pick<CheckinService, 'signs'>,
  ) {}

  get(): SupportView {
    const { settings } = this;
    return {
      contacts: asContacts(settings.read(CONTACTS_KEY)),
      fromSigns: this.checkins
        .signs()
        .filter((sign) => sign.contact.trim())
        .map((sign) => ({ sign: sign.name, contact: sign.contact.trim() })),
      hidden: asHidden(settings.read(HIDDEN_KEY)),
      region: asRegion(settings.read(REGION_KEY)),
    };
  }

  save(changes: SupportChanges): SupportView {
    const { settings } = this;
    if (changes.contacts) {
      const contacts = changes.contacts
        .map((c) => ({ id: c.id ?? randomUUID(), name: text(c.name), how: text(c.how), note: text(c.note) }))
        .filter((c) => c.name);
      settings.keep(CONTACTS_KEY, contacts.slice(0, MAX_SUPPORT_CONTACTS));
    }
    if (changes.hidden) settings.keep(HIDDEN_KEY, asHidden(changes.hidden));
    if (changes.region) settings.keep(REGION_KEY, asRegion(changes.region));
    return this.get();
  }
}
