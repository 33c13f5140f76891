import { type FormEvent, useId } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { AUTO_LOCK_CHOICES, type JournalPreviews, type SideMenu } from '../../../../common/ipc/contract';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { FormEnd } from '../../ui/FormEnd';
import { PassphraseChangeFields, usePassphraseChange } from '../../ui/NewPassphraseFields';
import { BackupsSection } from '../backup/BackupsSection';
import { ImportSection } from '../import/ImportSection';
import { EverythingSection } from '../export/EverythingSection';
import { NewRecoveryKeySection } from '../vault/NewRecoveryKeySection';
import { ReencryptSection } from '../vault/ReencryptSection';
import { LookOutSection } from './LookOutSection';
import { HIDE_SHORTCUT } from '../../ui/Curtain';
import { useLayout } from '../frame/layout';
import { useSettings, useUpdateSettings } from './queries';
import { RadioChips } from '../../ui/RadioChips';
import styles from './settings.module.css';

const minutesLabel = (m: number) =>
  m === 0 ? 'Never' : m === 1 ? 'After 1 minute' : m === 60 ? 'After 1 hour' : `After ${m} minutes`;

export function SettingsPage({ onLock, onRestore }: { onLock: () => void; onRestore: () => void }) {
  return (
    <>
      <h1 tabIndex={-1}>Settings</h1>
      <LockingSection onLock={onLock} />
      <OnScreenSection />
      <BackupsSection onRestore={onRestore} />
      <ImportSection />
      <EverythingSection />
      <LookOutSection />
      <ChangePassphraseSection />
      <NewRecoveryKeySection />
      <ReencryptSection />
      <AboutSection />
    </>
  );
}

const PREVIEW_CHOICES: { value: JournalPreviews; label: string; hint: string }[] = [
  {
    value: 'not-client',
    label: 'Except for client material',
    hint: 'Entries you mark as containing client material show their title only.',
  },
  { value: 'none', label: 'Titles only', hint: 'No entry shows its first lines in the list.' },
  { value: 'all', label: 'For every entry', hint: 'The first lines of every entry show under its title.' },
];

const MENU_CHOICES: { value: SideMenu; label: string; hint: string }[] = [
  {
    value: 'auto',
    label: 'Automatic',
    hint: 'Names in a wide window; icons only in a small one, leaving more room to write.',
  },
  { value: 'full', label: 'Always names', hint: 'Each part of Holding shows its name, whatever the window’s size.' },
  { value: 'icons', label: 'Always icons', hint: 'Icons only; hover or Tab to one to see its name.' },
];

/** What shows on screen for anyone who might glance at it: previews in the journal list, and the quick hide. */
function OnScreenSection() {
  const id = useId();
  const settings = useSettings();
  const update = useUpdateSettings((journalPreviews: JournalPreviews) => ({ journalPreviews }));
  const current = settings.data?.journalPreviews;
  const layout = useLayout();
  const menu = layout.sideMenu;
  return (
    <section className={styles.section} aria-labelledby={`${id}-h`} data-testid="on-screen-section">
      <h2 id={`${id}-h`}>On screen</h2>
      <p className={styles.muted}>
        For moments when someone else might see your screen: on a ward, on a train, at the kitchen table.
      </p>
      <fieldset
        className={styles.fieldset}
        disabled={!settings.data || update.isPending}
        aria-describedby={`${id}-previews-hint`}
      >
        <legend>Show the first lines of entries in the journal list</legend>
        <RadioChips
          name={`${id}-previews`}
          options={PREVIEW_CHOICES.map((choice) => choice.value)}
          label={(value) => PREVIEW_CHOICES.find((choice) => choice.value === value)!.label}
          value={current}
          onChange={(value) => update.mutate(value)}
        />
        <p id={`${id}-previews-hint`} className={styles.muted}>
          {PREVIEW_CHOICES.find((choice) => choice.value === current)?.hint ?? ''}
        </p>
      </fieldset>
      {update.isError ? <Notice>{describeError(update.error)}</Notice> : null}
      <fieldset className={styles.fieldset} disabled={!menu} aria-describedby={`${id}-menu-hint`}>
        <legend>The side menu</legend>
        <RadioChips
          name={`${id}-menu`}
          options={MENU_CHOICES.map((choice) => choice.value)}
          label={(value) => MENU_CHOICES.find((choice) => choice.value === value)!.label}
          value={menu}
          onChange={(value) => layout.choose({ sideMenu: value })}
        />
        <p id={`${id}-menu-hint`} className={styles.muted}>
          {MENU_CHOICES.find((choice) => choice.value === menu)?.hint ?? ''}
        </p>
      </fieldset>
      <p className={styles.muted}>
        <strong>{HIDE_SHORTCUT}</strong> (or <strong>Hide screen</strong> under the menu) puts a plain screen over
        Holding at once, without locking it; <strong>Show Holding</strong> brings it back.
      </p>
    </section>
  );
}

function LockingSection({ onLock }: { onLock: () => void }) {
  const selectId = useId();
  const settings = useSettings();
  const update = useUpdateSettings((autoLockMinutes: number) => ({ autoLockMinutes }));
  return (
    <section className={styles.section} aria-labelledby={`${selectId}-h`}>
      <h2 id={`${selectId}-h`}>Locking</h2>
      <p className={styles.muted}>
        Holding locks itself when your computer sleeps or its screen locks, and after the time you choose here without
        activity.
      </p>
      <div className={styles.row}>
        <label htmlFor={selectId}>Lock automatically</label>
        <select
          id={selectId}
          className={styles.select}
          value={settings.data?.autoLockMinutes ?? ''}
          disabled={!settings.data || update.isPending}
          onChange={(e) => update.mutate(Number(e.target.value))}
        >
          {AUTO_LOCK_CHOICES.map((m) => (
            <option key={m} value={m}>
              {minutesLabel(m)}
            </option>
          ))}
        </select>
        <span aria-live="polite" className={styles.muted}>
          {update.isSuccess ? 'Saved.' : ''}
        </span>
      </div>
      {update.isError ? <Notice>{describeError(update.error)}</Notice> : null}
      <div className={styles.gap} />
      <Button variant="secondary" onClick={onLock}>
        Lock now
      </Button>
    </section>
  );
}

function ChangePassphraseSection() {
  const passphrase = usePassphraseChange();
  const id = useId();
  const change = useMutation({
    mutationFn: () => unwrap(holding().vault.changePassphrase({ current: passphrase.current, next: passphrase.next })),
    onSuccess: () => passphrase.clear(),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const ready = passphrase.check();
    change.reset();
    if (ready) change.mutate();
  }
  return (
    <section className={styles.section} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Change your passphrase</h2>
      <p className={styles.muted}>
        Your recovery key keeps working as before. A copy of your journal or its key file made before (such as a backup)
        still opens with the old passphrase; re-encrypting your journal, below, is what ends that.
      </p>
      <form onSubmit={submit} noValidate aria-label="Change your passphrase">
        <PassphraseChangeFields
          label="New passphrase"
          confirmLabel="Type the new passphrase once more"
          {...passphrase.fields}
        />
        <FormEnd sending={change} submitLabel="Change passphrase" busyLabel="Changing…">
          {change.isSuccess ? (
            <Notice tone="info">Your passphrase has been changed. Use the new one next time you unlock.</Notice>
          ) : null}
        </FormEnd>
      </form>
    </section>
  );
}

function AboutSection() {
  const id = useId();
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => unwrap(holding().app.info()) });
  return (
    <section className={styles.section} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Where your journal lives</h2>
      <p className={styles.muted}>
        Your journal is one encrypted file and a key file in this folder; neither can be read without your passphrase or
        recovery key. To keep a copy somewhere safe, use Backups above rather than copying this folder while Holding is
        open.
      </p>
      {info.data ? <div className={styles.path}>{info.data.dataDir}</div> : null}
      {info.data ? (
        <p className={`${styles.muted} ${styles.version}`}>
          Holding {info.data.version}
          {info.data.host === 'browser-shell' ? ', running in the browser shell' : ''}.
        </p>
      ) : null}
    </section>
  );
}
