import { z } from 'zod';
import {
  BACKUP_FREQUENCIES,
  BACKUP_KEEPS,
  type BackupFrequency,
  type BackupKeep,
  type BackupPreview,
  type BackupRecord,
  type BackupStatus,
  type ChosenBackup,
} from '../backup/types';
import { isRealDay } from '../days';
import type { ImportPreview, ImportRecord, UndoResult } from '../import/types';
import type { Checkin, SuggestionView, WarningSign } from '../checkins/types';
import {
  MAX_SUPPORT_CONTACTS,
  MAX_SUPPORT_TEXT,
  SUPPORT_REGIONS,
  SUPPORT_SERVICES,
  type SupportView,
} from '../support/services';
import { MAX_TERM_LENGTH, MAX_TERMS } from '../deid/lists';
import type { ChosenExportFile, EverythingExported } from '../export/everything';
import {
  EXPORT_FORMATS,
  type ExportCheck,
  type ExportPreview,
  type ExportRecord,
  type ExportSelection,
} from '../export/types';
import {
  type ContactView,
  type FeedbackComment,
  type IdentityView,
  type ImportResult,
  MAX_COMMENT_LENGTH,
  type PendingOpen,
  type ReceivedShare,
  type ReceivedShareSummary,
  type SentShare,
  type WaitingReplies,
  SHARE_REF,
} from '../sharing/types';
import type { HoursMonth } from '../supervision/hours';
import type {
  Action,
  AgendaItem,
  BalanceView,
  EntryInSupervision,
  FlaggedEntry,
  OpenAction,
  SessionRecord,
  Supervisor,
} from '../supervision/types';
import type { Entry, EntryPage, LinkedEntry, Revision, RevisionSummary, SaveResult, TagCount } from '../journal/types';
import { ENTRY_KINDS } from '../journal/types';
import type { Template } from '../journal/templates';
import { MAX_PASSPHRASE_LENGTH } from '../limits';
import type { Result } from '../result';
import type { PromptView } from '../two-truths/prompts';
import { type Channel, CHANNELS, type EventName } from './names';

export { CHANNELS, EVENTS, type Channel, type EventName } from './names';

/**
 * The one IPC contract. Each channel is `domain:action` with a zod schema for its input
 * and a phantom type for its output. Main validates every input against it; the bridge
 * builder derives the renderer's `window.holding` API from it.
 */
const output = <T>() => undefined as unknown as T;

interface ChannelSpec {
  input: z.ZodType;
  output: unknown;
}

const passphrase = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);
// Generous: people may paste the key with spaces, line breaks or hyphens.
const recoveryKey = z.string().min(1).max(200);
const none = z.undefined();
// Our own sentences travel as custom issues (the router passes only those on, not zod's wording).
const termList = z
  .array(
    z
      .string()
      .refine((t) => t.length <= MAX_TERM_LENGTH, `A name or place can be up to ${MAX_TERM_LENGTH} characters.`),
  )
  .refine((list) => list.length <= MAX_TERMS, 'The list can hold up to 2,000 names or places.');

export type VaultState = 'none' | 'locked' | 'unlocked';
export type LockReason =
  | 'manual'
  | 'shortcut'
  | 'idle'
  | 'suspend'
  | 'screen-lock'
  | 'window-restarted'
  /** The worker that holds the journal stopped unexpectedly and was started again, locked. */
  | 'restarted';

export interface VaultStatus {
  state: VaultState;
  /** Why the vault was last locked, so the unlock screen can say so gently. */
  lastLockReason: LockReason | null;
  /** While unlocked: the journal opened is older than the one this computer last opened (a notice only). */
  olderCopy?: OlderCopy;
}

/** When this computer last opened a newer copy of the journal, and when the copy now open was last opened. */
export interface OlderCopy {
  lastOpenedHere: string;
  thisCopyLastOpened: string | null;
}

export interface Settings {
  /** 0 means never. */
  autoLockMinutes: number;
  /** The person's own names and places for the de-identification check: private, never exported. */
  deidNames: string[];
  deidPlaces: string[];
  /** Where backups go: only ever set from the folder dialog (backup:chooseFolder), never by the window. */
  backupFolder: string | null;
  backupFrequency: BackupFrequency;
  backupKeep: BackupKeep;
  /** What the journal list shows under each title, for anyone who might glance at the screen. */
  journalPreviews: JournalPreviews;
  /** The side menu in full, as icons only, or (until the person chooses) icons only in a narrow window. */
  sideMenu: SideMenu;
  /** Whether the journal's list of entries folds away while an entry is open, giving the writing the width. */
  entryList: EntryListLayout;
}

/** 'all': the start of every entry; 'not-client': not for entries marked as client material; 'none': titles only. */
export const JOURNAL_PREVIEWS = ['all', 'not-client', 'none'] as const;
export type JournalPreviews = (typeof JOURNAL_PREVIEWS)[number];

/** 'auto': in full, narrowed to icons when the window is narrow; 'full' and 'icons': as the person chose. */
export const SIDE_MENUS = ['auto', 'full', 'icons'] as const;
export type SideMenu = (typeof SIDE_MENUS)[number];

/** 'shown': the list beside the entry; 'folded': folded away while an entry is open. */
export const ENTRY_LIST_LAYOUTS = ['shown', 'folded'] as const;
export type EntryListLayout = (typeof ENTRY_LIST_LAYOUTS)[number];

export interface AppInfo {
  version: string;
  dataDir: string;
  /** Which host is running: the desktop app or the browser shell used for development and tests. */
  host: 'electron' | 'browser-shell';
}

const isoDay = z.string().refine(isRealDay, { message: 'That date does not look right. Please use a real day.' });
const entryId = z.uuid();
const byEntry = z.object({ id: entryId }).strict();
const templateId = z.string().min(1).max(100);
const optionalFlag = z.boolean().nullable().optional();
// Long enough for anything a person would type; the services check the real limits and say so kindly.
const text = (max = 100_000) => z.string().max(max);
const promptId = z.string().min(1).max(100);
const recordId = z.uuid();
const isoTime = z.iso.datetime({ offset: true });
// A two-truths entry's title is made from its truths, in main.
const entryMeta = {
  id: entryId,
  eventDate: isoDay.nullable(),
  tags: z.array(z.string().max(200)).max(100),
  bringToSupervision: z.boolean(),
  containsClientMaterial: z.boolean(),
  pinned: z.boolean(),
};
const linkPair = z.object({ fromId: entryId, toId: entryId }).strict();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const monthRange = { from: month, to: month };
const exportSelection = z
  .object({
    title: text(300),
    entries: z
      .array(z.object({ id: entryId, excerpt: text(100_000).nullable() }).strict())
      .refine((list) => list.length <= 2000, 'An export can hold up to 2,000 entries. Please choose fewer.'),
    agendas: z.array(recordId).max(50),
    sessions: z.array(recordId).max(2000),
    hours: z
      .object({ supervisorId: recordId, ...monthRange })
      .strict()
      .nullable(),
    checkins: z.object({ from: isoDay, to: isoDay }).strict().nullable(),
    signs: z.boolean(),
    lookFor: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
    replies: recordId.optional(),
  })
  .strict();
/** The selection the window builds and the one main checks are one shape: this fails to compile if they part. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SELECTION_MATCHES_CONTRACT: Same<z.output<typeof exportSelection>, ExportSelection> = true;
/** The check's name for exactly what it read (see ExportCheck.fingerprint). */
const fingerprint = z.string().min(1).max(200);
const resolution = z.discriminatedUnion('action', [
  z.object({ action: z.literal('redact') }).strict(),
  z.object({ action: z.literal('pseudonym') }).strict(),
  z
    .object({
      action: z.literal('keep'),
      reason: z
        .string()
        .trim()
        .refine((r) => r.length > 0, 'Please say why this can stay.')
        .refine((r) => r.length <= 500, 'Please keep the reason under 500 characters.'),
    })
    .strict(),
]);
const fewKeys = <T extends z.ZodType>(value: T) =>
  z.record(z.string().max(1000), value).refine((r) => Object.keys(r).length <= 50_000, 'Too many decisions at once.');
const resolutions = z
  .object({
    byValue: fewKeys(resolution),
    byFinding: fewKeys(resolution),
    pseudonyms: fewKeys(
      z
        .string()
        .trim()
        .refine((p) => p.length > 0, 'A pseudonym cannot be empty.')
        .refine((p) => p.length <= 60, 'Please keep a pseudonym under 60 characters.'),
    ),
    split: z.array(z.string().max(1000)).max(50_000).optional(),
    same: fewKeys(z.string().max(1000)).optional(),
  })
  .strict();
const agendaFields = z
  .object({
    title: text(5000),
    question: text(),
    notes: text(),
    function: z.string().max(40),
    sevenEyed: z.number().nullable(),
    graces: z.array(z.string().max(40)).max(30),
    priority: z.string().max(40),
    minutes: z.number(),
  })
  .strict();
const bySupervisor = z.object({ supervisorId: recordId }).strict();
/** What opens a backup; the window names the file by the id main gave it (backup:chooseFile), never by path. */
const supportText = z.string().max(MAX_SUPPORT_TEXT);
const supportChanges = z
  .object({
    contacts: z
      .array(z.object({ id: recordId.optional(), name: supportText, how: supportText, note: supportText }).strict())
      .max(MAX_SUPPORT_CONTACTS),
    hidden: z.array(z.enum(SUPPORT_SERVICES.map((s) => s.id) as [string, ...string[]])).max(SUPPORT_SERVICES.length),
    region: z.enum([...SUPPORT_REGIONS, 'all']),
  })
  .partial()
  .strict();

const openBackup = z
  .object({
    file: z.uuid(),
    secret: z.union([z.object({ passphrase }).strict(), z.object({ recoveryKey }).strict()]),
  })
  .strict();

export const ENTRY_SORTS = ['updated', 'created', 'event', 'title', 'relevance'] as const;

export const AUTO_LOCK_CHOICES = [0, 1, 2, 5, 10, 15, 30, 60] as const;

export const contract = {
  'app:info': { input: none, output: output<AppInfo>() },
  /** The window's answer to app:flushRequested: everything typed has been saved. */
  'app:flushed': { input: none, output: output<null>() },
  /** Open a link from an entry in the web browser or e-mail program, after main asks the person. */
  'app:openExternal': {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: output<{ opened: boolean }>(),
  },
  /** Stops long work running on a channel (an export check); the call answers CANCELLED. */
  'app:cancel': {
    input: z.object({ channel: z.enum(CHANNELS) }).strict(),
    output: output<null>(),
  },
  'vault:status': { input: none, output: output<VaultStatus>() },
  'vault:create': {
    input: z.object({ passphrase }).strict(),
    output: output<{ recoveryKey: string }>(),
  },
  'vault:unlock': { input: z.object({ passphrase }).strict(), output: output<VaultStatus>() },
  'vault:unlockWithRecoveryKey': {
    input: z.object({ recoveryKey }).strict(),
    output: output<VaultStatus>(),
  },
  'vault:lock': { input: none, output: output<VaultStatus>() },
  /** The person has read the notice that the journal open is an older copy: it goes until the next unlock. */
  'vault:olderCopySeen': { input: none, output: output<VaultStatus>() },
  'vault:changePassphrase': {
    input: z.object({ current: passphrase, next: passphrase }).strict(),
    output: output<null>(),
  },
  /**
   * A new recovery key to replace the old, after the passphrase; shown once, like the first. Nothing is written
   * until vault:keepRecoveryKey names its token: until then the old recovery key goes on working.
   */
  'vault:newRecoveryKey': {
    input: z.object({ passphrase }).strict(),
    output: output<{ recoveryKey: string; token: string }>(),
  },
  /** The person has confirmed the new recovery key (two groups typed back): it replaces the old one. */
  'vault:keepRecoveryKey': {
    input: z.object({ token: z.uuid() }).strict(),
    output: output<null>(),
  },
  /**
   * The person chose not to go on ("Not now", "Keep my old recovery key"): a new recovery key or re-encryption
   * shown but not confirmed is forgotten at once, its keys wiped in the worker. Its token is then refused.
   */
  'vault:dropPending': { input: none, output: output<null>() },
  /**
   * Re-encrypt the journal, first half: after the current passphrase, a new data key, a new passphrase (`next`,
   * which may be the same) and a new recovery key are made and held in the worker; nothing is written. The
   * recovery key is shown and confirmed before vault:reencrypt.
   */
  'vault:prepareReencrypt': {
    input: z.object({ current: passphrase, next: passphrase }).strict(),
    output: output<{ recoveryKey: string; token: string }>(),
  },
  /** Re-encrypt the journal, second half: rewritten under the new key, checked, swapped in (reports progress). */
  'vault:reencrypt': {
    input: z.object({ token: z.uuid() }).strict(),
    output: output<VaultStatus>(),
  },
  'vault:resetPassphrase': {
    input: z.object({ recoveryKey, next: passphrase }).strict(),
    output: output<VaultStatus>(),
  },
  'settings:get': { input: none, output: output<Settings>() },
  'settings:update': {
    input: z
      .object({
        autoLockMinutes: z
          .number()
          .int()
          .refine((n) => (AUTO_LOCK_CHOICES as readonly number[]).includes(n), {
            message: 'Choose one of the offered auto-lock times.',
          }),
        deidNames: termList,
        deidPlaces: termList,
        journalPreviews: z.enum(JOURNAL_PREVIEWS),
        sideMenu: z.enum(SIDE_MENUS),
        entryList: z.enum(ENTRY_LIST_LAYOUTS),
      })
      .partial()
      .strict(),
    output: output<Settings>(),
  },
  'journal:list': {
    input: z
      .object({
        query: z.string().max(1000).optional(),
        kind: z.enum(ENTRY_KINDS).nullable().optional(),
        trash: z.boolean().optional(),
        from: isoDay.nullable().optional(),
        to: isoDay.nullable().optional(),
        tags: z.array(z.string().max(100)).max(30).optional(),
        templateId: templateId.nullable().optional(),
        bringToSupervision: optionalFlag,
        containsClientMaterial: optionalFlag,
        pinned: optionalFlag,
        sort: z.enum(ENTRY_SORTS).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    output: output<EntryPage>(),
  },
  'journal:get': { input: byEntry, output: output<Entry>() },
  'journal:create': {
    input: z
      .object({
        templateId: templateId.nullable().optional(),
        title: z.string().max(300).optional(),
        eventDate: isoDay.nullable().optional(),
      })
      .strict(),
    output: output<Entry>(),
  },
  'journal:save': {
    input: z
      .object({
        id: entryId,
        title: z.string().max(300),
        // Any shape is accepted here and rebuilt from the allow-list in main before it is stored.
        body: z.unknown(),
        eventDate: isoDay.nullable(),
        tags: z.array(z.string().max(200)).max(100),
        bringToSupervision: z.boolean(),
        containsClientMaterial: z.boolean(),
        pinned: z.boolean(),
      })
      .strict(),
    output: output<SaveResult>(),
  },
  'journal:trash': { input: byEntry, output: output<null>() },
  'journal:restore': { input: byEntry, output: output<null>() },
  'journal:deleteForever': { input: byEntry, output: output<null>() },
  'journal:emptyTrash': { input: none, output: output<{ count: number }>() },
  'journal:revisions': { input: byEntry, output: output<RevisionSummary[]>() },
  'journal:revision': { input: z.object({ id: z.number().int().positive() }).strict(), output: output<Revision>() },
  'journal:restoreRevision': {
    input: z.object({ entryId, revisionId: z.number().int().positive() }).strict(),
    output: output<Entry>(),
  },
  'journal:tags': { input: none, output: output<TagCount[]>() },
  'journal:links': { input: byEntry, output: output<LinkedEntry[]>() },
  'journal:link': { input: linkPair, output: output<LinkedEntry[]>() },
  'journal:unlink': { input: linkPair, output: output<LinkedEntry[]>() },
  'twoTruths:prompts': { input: none, output: output<PromptView[]>() },
  'twoTruths:savePrompt': {
    input: z.object({ id: promptId.optional(), theme: z.string().max(40), a: text(2000), b: text(2000) }).strict(),
    output: output<PromptView>(),
  },
  'twoTruths:hidePrompt': {
    input: z.object({ id: promptId, hidden: z.boolean() }).strict(),
    output: output<PromptView>(),
  },
  /** Deletes one of the person's own prompts, or puts a built-in one back as it was. */
  'twoTruths:removePrompt': { input: z.object({ id: promptId }).strict(), output: output<null>() },
  'twoTruths:create': {
    input: z.object({ promptId: promptId.nullable().optional() }).strict(),
    output: output<Entry>(),
  },
  'twoTruths:save': {
    input: z
      .object({
        ...entryMeta,
        fields: z
          .object({
            truthA: text(),
            contextA: text(),
            truthB: text(),
            contextB: text(),
            honouring: text(),
            promptId: promptId.nullable(),
          })
          .strict(),
      })
      .strict(),
    output: output<SaveResult>(),
  },
  'checkins:list': {
    input: z.object({ from: isoTime.nullable().optional(), to: isoTime.nullable().optional() }).strict(),
    output: output<Checkin[]>(),
  },
  'checkins:save': {
    input: z
      .object({
        id: recordId.optional(),
        at: isoTime,
        capacity: z.number(),
        energy: z.number().nullable(),
        sleep: z.number().nullable(),
        load: z.number().nullable(),
        helping: text(20_000),
        hard: text(20_000),
        signIds: z.array(recordId).max(200),
        entryId: entryId.nullable(),
      })
      .strict(),
    output: output<Checkin>(),
  },
  'checkins:delete': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  'checkins:suggestions': { input: none, output: output<SuggestionView[]>() },
  'checkins:dismiss': { input: z.object({ key: z.string().min(1).max(300) }).strict(), output: output<null>() },
  /** Starts a journal entry, flagged for supervision, from a suggestion; the suggestion is then set aside. */
  'checkins:bringToSupervision': {
    /** `supervisorId`: whose agenda it joins; by default the first supervision under way. */
    input: z.object({ key: z.string().min(1).max(300), supervisorId: recordId.nullable().optional() }).strict(),
    /** The journal entry made, and the supervisor whose next agenda it joined, if there is one. */
    output: output<{ entry: Entry; supervisorName: string | null }>(),
  },
  'signs:list': { input: none, output: output<WarningSign[]>() },
  /** The person's own side of the Support page: their contacts, who they named beside their signs, their choices. */
  'support:get': { input: none, output: output<SupportView>() },
  'support:save': { input: supportChanges, output: output<SupportView>() },
  'signs:save': {
    input: z
      .object({ id: recordId.optional(), name: text(5000), whatHelps: text(20_000), contact: text(5000) })
      .strict(),
    output: output<WarningSign>(),
  },
  'signs:delete': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  'signs:reorder': { input: z.object({ ids: z.array(recordId).max(200) }).strict(), output: output<WarningSign[]>() },
  'supervision:supervisors': { input: none, output: output<Supervisor[]>() },
  'supervision:saveSupervisor': {
    input: z
      .object({
        id: recordId.optional(),
        name: text(5000),
        role: text(5000),
        type: z.string().max(40),
        frequency: z.string().max(40),
        minHoursPerMonth: z.number(),
        sessionMinutes: z.number(),
        focusAreas: z.array(z.string().max(1000)).max(100),
        startDate: z.string().max(40),
      })
      .strict(),
    output: output<Supervisor>(),
  },
  'supervision:setEnded': {
    input: z.object({ id: recordId, ended: z.boolean() }).strict(),
    output: output<Supervisor>(),
  },
  'supervision:deleteSupervisor': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  'supervision:agenda': { input: bySupervisor, output: output<AgendaItem[]>() },
  'supervision:addItem': {
    input: z
      .object({
        supervisorId: recordId,
        item: agendaFields,
        source: z
          .discriminatedUnion('kind', [
            z.object({ kind: z.literal('scratch') }).strict(),
            z.object({ kind: z.literal('entry'), entryId, excerpt: text().nullable() }).strict(),
            z.object({ kind: z.literal('trend') }).strict(),
          ])
          .optional(),
      })
      .strict(),
    output: output<AgendaItem>(),
  },
  'supervision:updateItem': {
    input: z.object({ id: recordId, item: agendaFields }).strict(),
    output: output<AgendaItem>(),
  },
  'supervision:removeItem': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  'supervision:reorder': {
    input: z.object({ supervisorId: recordId, ids: z.array(recordId).max(500) }).strict(),
    output: output<AgendaItem[]>(),
  },
  'supervision:flagged': {
    input: bySupervisor,
    output: output<FlaggedEntry[]>(),
  },
  'supervision:recordSession': {
    input: z
      .object({
        supervisorId: recordId,
        startsAt: isoTime,
        timeZone: z.string().max(100),
        minutes: z.number(),
        attendees: text(),
        notes: text(),
        items: z
          .array(
            z
              .object({
                agendaItemId: recordId,
                outcome: z.enum(['discussed', 'not-reached']),
                discussed: text(),
                decided: text(),
              })
              .strict(),
          )
          .max(500),
        actions: z.array(z.object({ text: text(), owner: text(), due: isoDay.nullable() }).strict()).max(200),
      })
      .strict(),
    output: output<SessionRecord>(),
  },
  'supervision:sessions': {
    input: z.object({ supervisorId: recordId.nullable() }).strict(),
    output: output<SessionRecord[]>(),
  },
  'supervision:deleteSession': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  'supervision:setActionDone': {
    input: z.object({ id: recordId, done: z.boolean() }).strict(),
    output: output<Action>(),
  },
  'supervision:openActions': {
    input: z.object({ supervisorId: recordId.nullable() }).strict(),
    output: output<OpenAction[]>(),
  },
  'supervision:balance': { input: bySupervisor, output: output<BalanceView>() },
  'supervision:hours': {
    input: z.object({ supervisorId: recordId, ...monthRange }).strict(),
    output: output<HoursMonth[]>(),
  },
  /** Main asks where to save (the system's save dialog in the app), then writes the file whole or not at all. */
  'supervision:exportHoursCsv': {
    input: z.object({ supervisorId: recordId, ...monthRange }).strict(),
    output: output<{ path: string | null }>(),
  },
  'supervision:forEntry': {
    input: byEntry,
    output: output<EntryInSupervision>(),
  },
  /** The hours log as a PDF for the person's records (no client material: months, times, the supervisor's name). */
  'supervision:exportHoursPdf': {
    input: z.object({ supervisorId: recordId, ...monthRange }).strict(),
    output: output<{ path: string | null }>(),
  },
  /** Reads the selection and runs the de-identification check on it. */
  'export:check': { input: exportSelection, output: output<ExportCheck>() },
  /** Exactly what would leave, with the decisions so far applied. */
  'export:preview': {
    input: z.object({ selection: exportSelection, resolutions, fingerprint }).strict(),
    output: output<ExportPreview>(),
  },
  /** Checks again, refuses while anything is undecided, asks where to save, writes whole or not at all. */
  'export:save': {
    input: z.object({ selection: exportSelection, resolutions, fingerprint, format: z.enum(EXPORT_FORMATS) }).strict(),
    output: output<{ path: string | null; record: ExportRecord | null }>(),
  },
  'export:records': { input: none, output: output<ExportRecord[]>() },
  /** "Export everything": asks where to save the zip (the system's save dialog); null if the person cancelled. */
  'export:chooseEverythingFile': { input: none, output: output<ChosenExportFile | null>() },
  /**
   * Writes the whole journal, unencrypted, to the chosen file, with the revision history when asked (long:
   * app:progress, stopped by app:cancel). The window names the file by the id main gave it, never by path.
   */
  'export:everything': {
    input: z.object({ file: z.uuid(), history: z.boolean() }).strict(),
    output: output<EverythingExported>(),
  },
  /**
   * "Show in folder": the file manager opens on a file Holding saved, named by its export record or by the
   * id "Export everything" was given. Never a path from the window, so it can only show what Holding wrote.
   */
  'export:showInFolder': {
    input: z.union([z.object({ record: recordId }).strict(), z.object({ everything: z.uuid() }).strict()]),
    output: output<null>(),
  },
  /** This vault's identity card, or null until the person makes one. */
  'sharing:identity': { input: none, output: output<IdentityView | null>() },
  /** Makes the identity the first time (new keys); afterwards changes the name and role on the card. */
  'sharing:saveIdentity': {
    input: z.object({ name: z.string().max(200), role: z.string().max(200) }).strict(),
    output: output<IdentityView>(),
  },
  /** Saves the card as a small file to send. */
  'sharing:saveCard': { input: none, output: output<{ path: string | null }>() },
  'sharing:contacts': { input: none, output: output<ContactView[]>() },
  /** Adds a pasted card; refuses a malformed card, the person's own, or one already added. */
  'sharing:addContact': { input: z.object({ card: z.string().max(8192) }).strict(), output: output<ContactView>() },
  /** Asks for a card file, then adds it; null if the person cancelled. */
  'sharing:addContactFromFile': { input: none, output: output<ContactView | null>() },
  /** Only the person can say the fingerprints matched. */
  'sharing:verifyContact': {
    input: z.object({ id: recordId, verified: z.boolean() }).strict(),
    output: output<ContactView>(),
  },
  'sharing:removeContact': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  /** Checks again like a save, seals the settled export to a verified contact, asks where, writes it. */
  'sharing:share': {
    input: z.object({ selection: exportSelection, resolutions, fingerprint, contactId: recordId }).strict(),
    /** Where the file went, and its folder to tell the person (main knows the platform's separators). */
    output: output<{ path: string | null; folder: string | null; share: SentShare | null }>(),
  },
  'sharing:sent': { input: none, output: output<SentShare[]>() },
  /** Asks for a bundle file, then verifies, decrypts and stores it whole; null if the person cancelled. */
  'sharing:import': { input: none, output: output<ImportResult | null>() },
  /** A bundle the system asked Holding to open (file association), waiting for the person's yes. */
  'sharing:pending': { input: none, output: output<PendingOpen | null>() },
  'sharing:importPending': { input: z.object({ id: recordId }).strict(), output: output<ImportResult>() },
  'sharing:dismissPending': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  'sharing:received': { input: none, output: output<ReceivedShareSummary[]>() },
  'sharing:receivedShare': { input: z.object({ id: recordId }).strict(), output: output<ReceivedShare>() },
  /** A comment on one item (ref), or the overall comment (ref null); an empty body removes it. */
  'sharing:saveComment': {
    input: z
      .object({
        shareId: recordId,
        ref: z.string().regex(SHARE_REF).nullable(),
        body: z.string().refine((b) => b.length <= MAX_COMMENT_LENGTH, 'A comment can be up to 20,000 characters.'),
      })
      .strict(),
    output: output<ReceivedShare>(),
  },
  /** Seals the comments back to the person who shared, signed; asks where to save it. */
  'sharing:sendFeedback': {
    input: z.object({ shareId: recordId }).strict(),
    /** Where the file went: its name and folder, to tell the person (main knows the platform's separators). */
    output: output<{
      path: string | null;
      fileName: string | null;
      folder: string | null;
      share: ReceivedShareSummary | null;
    }>(),
  },
  'sharing:removeReceived': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  /** The supervisor's comments on one of the person's own entries, agenda items or sessions. */
  'sharing:feedbackFor': { input: z.object({ sourceId: recordId }).strict(), output: output<FeedbackComment[]>() },
  /**
   * A reply under a comment in feedback received (ref: the item's reference, null for the overall comment). It
   * waits for the next share to that supervisor; the share it answers comes back, with the reply in it.
   */
  'sharing:addReply': {
    input: z
      .object({
        feedbackId: recordId,
        ref: z.string().regex(SHARE_REF).nullable(),
        body: z
          .string()
          .refine((b) => b.trim().length > 0, 'Please write your reply first.')
          .refine((b) => b.length <= MAX_COMMENT_LENGTH, 'A reply can be up to 20,000 characters.'),
      })
      .strict(),
    output: output<SentShare>(),
  },
  /** Takes back a reply that has not gone yet. */
  'sharing:removeReply': { input: z.object({ id: recordId }).strict(), output: output<null>() },
  /** Replies waiting for the next share, by the person they go to. */
  'sharing:waitingReplies': { input: none, output: output<WaitingReplies[]>() },
  'templates:list': { input: none, output: output<Template[]>() },
  'templates:save': {
    input: z
      .object({
        id: templateId.optional(),
        name: z.string().max(120),
        description: z.string().max(500),
        sections: z.array(z.object({ heading: z.string().max(120), prompt: z.string().max(500) }).strict()).max(20),
      })
      .strict(),
    output: output<Template>(),
  },
  'templates:duplicate': { input: z.object({ id: templateId }).strict(), output: output<Template>() },
  'templates:delete': { input: z.object({ id: templateId }).strict(), output: output<null>() },
  /** The folder, the choices, the last checked backup, the last failure and any note for the Journal page. */
  'backup:status': { input: none, output: output<BackupStatus>() },
  /** Asks for a folder (the system's folder dialog) and keeps it; `chosen` is false if the person cancelled. */
  'backup:chooseFolder': { input: none, output: output<{ chosen: boolean; status: BackupStatus }>() },
  'backup:setPreferences': {
    input: z
      .object({ frequency: z.enum(BACKUP_FREQUENCIES), keep: z.enum(BACKUP_KEEPS) })
      .partial()
      .strict(),
    output: output<BackupStatus>(),
  },
  /** Makes a backup now and checks it by restoring it (long: app:progress, stopped by app:cancel). */
  'backup:now': { input: none, output: output<{ record: BackupRecord; status: BackupStatus }>() },
  /** The checked backups Holding has made of this journal, newest first. */
  'backup:list': { input: none, output: output<BackupRecord[]>() },
  /** "Show in folder": the file manager opens on a backup Holding made, named by its record, never by a path. */
  'backup:showInFolder': { input: z.object({ record: recordId }).strict(), output: output<null>() },
  /** Sets the Journal page's note aside for a few days. */
  'backup:dismissNote': { input: none, output: output<BackupStatus>() },
  /** Forgets the reminder of a journal a restore set aside (named by when it was restored); the folder stays. */
  'backup:forgetSetAside': { input: z.object({ restoredAt: isoTime }).strict(), output: output<BackupStatus>() },
  /** Asks which backup file to restore (works locked, and with no journal yet); null if the person cancelled. */
  'backup:chooseFile': { input: none, output: output<ChosenBackup | null>() },
  /** Opens the chosen backup with the secret and says what it holds; changes nothing. Works locked. */
  'backup:inspect': { input: openBackup, output: output<BackupPreview>() },
  /**
   * Restores the chosen backup (long: app:progress, app:cancel). A journal already here is first set aside
   * whole, never overwritten; afterwards the restored journal is open.
   */
  'backup:restore': {
    input: openBackup,
    output: output<{ setAsideFolder: string | null; status: VaultStatus }>(),
  },
  /**
   * Asks which file (a zip, or a JSON or Markdown file) to bring in from another journal, recognises it,
   * reads it and says what importing it would do; writes nothing (long: app:progress, app:cancel). Null if
   * the person cancelled.
   */
  'import:chooseFile': { input: none, output: output<ImportPreview | null>() },
  /** The same for a folder of Markdown notes. */
  'import:chooseFolder': { input: none, output: output<ImportPreview | null>() },
  /** Imports what was read, named by the preview's id, as one batch (long: app:progress, app:cancel). */
  'import:run': { input: z.object({ id: z.uuid() }).strict(), output: output<ImportRecord>() },
  /** Past imports, newest first. */
  'import:list': { input: none, output: output<ImportRecord[]>() },
  /** Removes the entries an import added, keeping any the person has changed since. */
  'import:undo': { input: z.object({ id: z.uuid() }).strict(), output: output<UndoResult>() },
} as const satisfies Record<Channel, ChannelSpec>;

export type Contract = typeof contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

/** Events main pushes to the renderer. */
export interface EventMap {
  'vault:locked': { reason: LockReason };
  /** Main is about to lock or close: save what is being typed, then call app:flushed. */
  'app:flushRequested': { reason: 'lock' | 'close' };
  /** The system asked Holding to open a bundle file: ask the person (sharing:pending says which). */
  'sharing:openRequested': PendingOpen;
  /** How far long work on a channel has gone (an export check): `done` of `total` steps. */
  'app:progress': Progress;
}

export interface Progress {
  channel: Channel;
  done: number;
  total: number;
  /**
   * The step under way is one piece of work that cannot say how far it has got (one long SQL statement): the
   * window shows a bar that moves without a value, never a share it cannot know.
   */
  unmeasured?: boolean;
  /** Set while an unlock brings the journal up to date after an update of Holding (its migrations). */
  update?: UpdateProgress;
}

/** What a report may say beyond how far it has got. */
export type ProgressDetail = Pick<Progress, 'unmeasured' | 'update'>;

/** What bringing the journal up to date involves, the same in every report of one unlock. */
export interface UpdateProgress {
  /** How many entries the search index is built from, when the update rebuilds it (the long step); else null. */
  searchIndexEntries: number | null;
}

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type ActionOf<C, D extends string> = C extends `${D}:${infer A}` ? A : never;
type Call<C extends Channel> =
  undefined extends InputOf<C>
    ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
    : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

/** `window.holding`: domain functions only. */
export type HoldingApi = {
  [D in DomainOf<Channel>]: { [A in ActionOf<Channel, D>]: Call<Extract<`${D}:${A}`, Channel>> };
} & {
  events: {
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  };
};
