import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContactView } from '../../../../common/sharing/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useFocusLater } from '../../ui/useFocusAfter';
import { Fingerprint } from './Fingerprint';
import { day } from './format';
import { sharingKeys, useContacts } from './queries';
import { SharingCard } from './SharingCard';
import styles from './sharing.module.css';

type From = 'paste' | 'file';
type FocusTarget = { id: string; on: 'heading' | 'compare' | 'unconfirm' } | { id: null; on: 'section' | 'paste' };

/** The people this person shares with: add a card, compare fingerprints, confirm or take it back, remove. */
export function Contacts({ headingId }: { headingId: string }) {
  const id = useId();
  const queryClient = useQueryClient();
  const contacts = useContacts();
  const [card, setCard] = useState('');
  const [problem, setProblem] = useState<{ from: From; message: string } | null>(null);
  const [note, setNote] = useState('');
  const [comparing, setComparing] = useState<{ contact: ContactView; justAdded: boolean } | null>(null);
  const focusLater = useFocusLater();
  const focusAfter = (to: FocusTarget) =>
    focusLater(() =>
      to.id === null
        ? document.getElementById(to.on === 'section' ? headingId : `${id}-paste`)
        : document.getElementById(`${id}-${to.on}-${to.id}`),
    );
  const removing = useConfirm<ContactView>();
  // Taking back a confirmation is undone only by comparing fingerprints again: asked first, like Remove.
  const unconfirming = useConfirm<ContactView>();
  const list = contacts.data ?? [];

  const refresh = () => queryClient.invalidateQueries({ queryKey: sharingKeys.contacts });

  const add = useMutation({
    mutationFn: (from: From) =>
      from === 'paste'
        ? unwrap(holding().sharing.addContact({ card }))
        : unwrap(holding().sharing.addContactFromFile()),
    onMutate: () => {
      setProblem(null);
      setNote('');
    },
    onSuccess: async (contact, from) => {
      if (!contact) return; // the person closed the file dialog
      if (from === 'paste') setCard('');
      await refresh();
      setNote(`${contact.name}’s card is added.`);
      setComparing({ contact, justAdded: true });
    },
    onError: (error, from) => {
      setProblem({ from, message: describeError(error) });
      if (from === 'paste') focusAfter({ id: null, on: 'paste' });
    },
  });

  const verify = useMutation({
    mutationFn: (input: { id: string; verified: boolean }) => unwrap(holding().sharing.verifyContact(input)),
    onSuccess: async (contact) => {
      await refresh();
      // A file from them may be waiting for this (refused as not yet confirmed): asked about again now.
      if (contact.verified) void queryClient.invalidateQueries({ queryKey: sharingKeys.pending });
      setProblem(null);
      setNote(
        contact.verified
          ? `${contact.name} is confirmed. You can now share with them, and open what they send you.`
          : `${contact.name} is marked as not confirmed. Compare fingerprints again when you can; until then you cannot share with each other.`,
      );
      focusAfter({ id: contact.id, on: contact.verified ? 'heading' : 'compare' });
    },
  });

  const remove = useMutation({
    mutationFn: (contact: ContactView) => unwrap(holding().sharing.removeContact({ id: contact.id })),
    onSuccess: async (_, contact) => {
      await refresh();
      setNote(`${contact.name}’s card is removed.`);
      focusAfter({ id: null, on: 'section' });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!card.trim()) {
      setProblem({ from: 'paste', message: 'Please paste the card they sent you first.' });
      focusAfter({ id: null, on: 'paste' });
      return;
    }
    add.mutate('paste');
  };

  const pasteProblem = problem?.from === 'paste' ? problem.message : null;

  return (
    <SharingCard headingId={headingId} heading="People you share with">
      <p className={styles.lede}>
        Add the card of your supervisor, or of someone you supervise. Then compare fingerprints with them: that is how
        you both know the card really is theirs. Holding shares only with people you have confirmed, and opens only what
        they send.
      </p>
      <div role="status" className={styles.status} data-testid="contacts-status">
        {note}
      </div>
      {contacts.isError ? <Notice>{describeError(contacts.error)}</Notice> : null}
      {verify.isError ? <Notice>{describeError(verify.error)}</Notice> : null}
      {remove.isError ? <Notice>{describeError(remove.error)}</Notice> : null}

      {list.length ? (
        <ul className={styles.contacts} aria-label="Your contacts">
          {list.map((c) => (
            <li key={c.id} className={styles.contact}>
              <div className={styles.contactTop}>
                <h3 id={`${id}-heading-${c.id}`} tabIndex={-1} className={styles.contactName}>
                  {c.name}
                </h3>
                <span className={c.verified ? styles.confirmed : styles.unconfirmed} data-testid="contact-state">
                  {c.verified ? 'Confirmed' : 'Not yet confirmed'}
                </span>
              </div>
              <p className={styles.muted}>{[c.role, `added ${day(c.addedAt)}`].filter(Boolean).join(' · ')}</p>
              <p className={styles.contactFingerprint}>
                <span className={styles.muted}>Fingerprint </span>
                <Fingerprint value={c.fingerprint} size="small" />
              </p>
              {c.verified ? null : (
                <p className={styles.hint}>
                  Until you have compared fingerprints, you cannot share with {c.name} or open what they send.
                </p>
              )}
              <div className={styles.row}>
                {c.verified ? (
                  <Button
                    variant="quiet"
                    id={`${id}-unconfirm-${c.id}`}
                    disabled={verify.isPending}
                    onClick={() => unconfirming.ask(c)}
                  >
                    Mark as not confirmed<span className="visually-hidden"> ({c.name})</span>
                  </Button>
                ) : (
                  <Button
                    variant="secondary"
                    id={`${id}-compare-${c.id}`}
                    onClick={() => setComparing({ contact: c, justAdded: false })}
                  >
                    Compare fingerprints<span className="visually-hidden"> with {c.name}</span>
                  </Button>
                )}
                <Button variant="quiet" onClick={() => removing.ask(c)}>
                  Remove<span className="visually-hidden"> {c.name}’s card</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : contacts.data ? (
        <p className={styles.empty}>No one yet. When you add someone’s card, they will be listed here.</p>
      ) : null}

      <form onSubmit={submit} noValidate className={styles.addForm} aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`} className={styles.smallHeading}>
          Add someone’s card
        </h3>
        <div className={styles.field}>
          <label htmlFor={`${id}-paste`} className={styles.label}>
            Paste their card
          </label>
          <span id={`${id}-paste-hint`} className={styles.hint}>
            The text they sent you, beginning “HOLDING-CARD”.
          </span>
          <textarea
            id={`${id}-paste`}
            className={`${styles.textarea} ${styles.cardText}`}
            rows={3}
            value={card}
            onChange={(e) => {
              setCard(e.target.value);
              if (problem?.from === 'paste') setProblem(null);
            }}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={pasteProblem ? true : undefined}
            aria-describedby={`${id}-paste-hint${pasteProblem ? ` ${id}-paste-error` : ''}`}
          />
          {pasteProblem ? (
            <span id={`${id}-paste-error`} role="alert" className={styles.fieldError}>
              {pasteProblem}
            </span>
          ) : null}
        </div>
        <div className={styles.row}>
          <Button type="submit" disabled={add.isPending}>
            Add card
          </Button>
          <span className={styles.muted}>or</span>
          <Button variant="secondary" disabled={add.isPending} onClick={() => add.mutate('file')}>
            Open a card file…
          </Button>
        </div>
        {problem?.from === 'file' ? <Notice>{problem.message}</Notice> : null}
      </form>

      {comparing ? (
        <CompareDialog
          contact={comparing.contact}
          justAdded={comparing.justAdded}
          busy={verify.isPending}
          onMatch={() => {
            verify.mutate({ id: comparing.contact.id, verified: true });
            setComparing(null);
          }}
          onNotYet={() => {
            if (comparing.justAdded) {
              setNote(
                `${comparing.contact.name}’s card is added, not yet confirmed. Compare fingerprints with them whenever you are ready.`,
              );
            }
            focusAfter({ id: comparing.contact.id, on: 'compare' });
            setComparing(null);
          }}
        />
      ) : null}

      <ConfirmAction
        confirm={unconfirming}
        title={(c) => `Mark ${c.name} as not confirmed?`}
        confirmLabel="Mark as not confirmed"
        onConfirm={(c) => verify.mutate({ id: c.id, verified: false })}
      >
        {(c) => (
          <>
            <p>
              Until you compare fingerprints with {c.name} again, you will not be able to share with each other, or open
              what they send you.
            </p>
            <p>Do this if you are no longer sure the card is really theirs. Nothing already shared is removed.</p>
          </>
        )}
      </ConfirmAction>

      <ConfirmAction
        confirm={removing}
        title={(c) => `Remove ${c.name}’s card?`}
        confirmLabel="Remove card"
        onConfirm={(c) => remove.mutate(c)}
      >
        {(c) => (
          <>
            <p>
              You will no longer be able to share with {c.name}, or open what they send you, unless you add their card
              again and compare fingerprints once more.
            </p>
            <p>Anything you have already shared with each other stays in Holding.</p>
          </>
        )}
      </ConfirmAction>
    </SharingCard>
  );
}

interface CompareProps {
  contact: ContactView;
  justAdded: boolean;
  busy: boolean;
  onMatch: () => void;
  onNotYet: () => void;
}

/** The fingerprint check, as a modal question: only the person can say the groups matched. */
function CompareDialog({ contact, justAdded, busy, onMatch, onNotYet }: CompareProps) {
  return (
    <ConfirmDialog
      open
      className={styles.compareDialog}
      before={justAdded ? <p className={styles.added}>{contact.name}’s card is added.</p> : null}
      title={`Compare fingerprints with ${contact.name}`}
      cancelLabel="Not yet"
      confirmLabel="They match"
      busy={busy}
      onCancel={onNotYet}
      onConfirm={onMatch}
    >
      {contact.role ? <p className={styles.muted}>{contact.role}</p> : null}
      <p className={styles.label}>The fingerprint of the card you added</p>
      <Fingerprint value={contact.fingerprint} />
      <div className={styles.dialogText}>
        <p>
          Ask {contact.name} to read out the four groups under “Your fingerprint” in their Holding, in person or on a
          call, and compare them with these, character by character.
        </p>
        <p>
          Only confirm if every character matches. If anything is different, the card may not be theirs: choose Not yet,
          and ask them to send it again.
        </p>
      </div>
    </ConfirmDialog>
  );
}
