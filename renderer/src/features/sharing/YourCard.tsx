import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IdentityView } from '../../../../common/sharing/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice, TextField } from '../../ui/controls';
import { useFocusLater } from '../../ui/useFocusAfter';
import { Fingerprint } from './Fingerprint';
import { sharingKeys, useIdentity } from './queries';
import styles from './sharing.module.css';

/** This person's card: made once, then shown with its fingerprint to read aloud, to copy, or to save as a file. */
export function YourCard({
  headingId,
  onSaved,
}: {
  headingId: string;
  /** The card was made or changed: whatever the page said was missing is there now. */
  onSaved?: () => void;
}) {
  const identity = useIdentity();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();

  const me = identity.data;
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        Your card
      </h2>
      {identity.isError ? <Notice>{describeError(identity.error)}</Notice> : null}
      <div role="status" className={styles.status} data-testid="card-status">
        {note}
      </div>
      {identity.data === null ? (
        <>
          <p className={styles.lede}>
            To share with a supervisor, or to receive what someone you supervise shares with you, Holding makes you a
            card: your name, your role and a set of keys. You give your card to the other person and they give you
            theirs. Then only they can open what you send them, and they can be sure it came from you.
          </p>
          <p className={styles.muted}>
            The card holds only the public half of your keys. The private half stays in your journal, encrypted, and
            never leaves this computer.
          </p>
          <IdentityForm
            initial={null}
            onDone={(saved) => {
              if (!saved) return;
              onSaved?.();
              // The form goes once the card is made, taking focus with it: the card's first action takes it instead.
              focusLater(() => copyButton.current);
              setNote(`Your card is made. Next, give it to the person you want to share with.`);
            }}
          />
        </>
      ) : null}
      {me ? (
        editing ? (
          <IdentityForm
            initial={me}
            onDone={(saved) => {
              if (saved) {
                onSaved?.();
                setNote('Your name and role are saved on your card.');
              }
              focusLater(() => editButton.current);
              setEditing(false);
            }}
          />
        ) : (
          <CardView
            me={me}
            onEdit={() => setEditing(true)}
            editButton={editButton}
            copyButton={copyButton}
            onNote={setNote}
          />
        )
      ) : null}
    </section>
  );
}

function CardView({
  me,
  onEdit,
  editButton,
  copyButton,
  onNote,
}: {
  me: IdentityView;
  onEdit: () => void;
  editButton: RefObject<HTMLButtonElement | null>;
  copyButton: RefObject<HTMLButtonElement | null>;
  onNote: (note: string) => void;
}) {
  const id = useId();
  const cardText = useRef<HTMLTextAreaElement>(null);
  const [copyNote, setCopyNote] = useState('');
  const save = useMutation({
    mutationFn: () => unwrap(holding().sharing.saveCard()),
    onSuccess: ({ path }) => {
      if (path) onNote(`Your card is saved as “${path}”. Send that file to the other person however suits you both.`);
    },
  });

  async function copy() {
    setCopyNote('');
    try {
      await navigator.clipboard.writeText(me.card);
      setCopyNote('Copied. You can paste your card into an e-mail or a message.');
    } catch {
      cardText.current?.select();
      setCopyNote('Copying did not work here. The card is selected above: please copy it by hand (Ctrl+C, or ⌘C).');
    }
  }

  return (
    <>
      <dl className={styles.who}>
        <div>
          <dt>Name</dt>
          <dd data-testid="card-name">{me.name}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd data-testid="card-role">{me.role || <span className={styles.muted}>None given</span>}</dd>
        </div>
      </dl>
      <div className={styles.fingerprintBox}>
        <h3 id={`${id}-fp`} className={styles.smallHeading}>
          Your fingerprint
        </h3>
        <Fingerprint value={me.fingerprint} />
        <p className={styles.hint}>
          When someone adds your card, read these four groups to them, aloud or on a call. If every character matches
          what they see, they know the card really is yours.
        </p>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-card`} className={styles.label}>
          Your card, to send
        </label>
        <span id={`${id}-card-hint`} className={styles.hint}>
          Send this text, or the card as a file, to the person you want to share with. It is safe to send by e-mail:
          there is nothing secret in it.
        </span>
        <textarea
          id={`${id}-card`}
          ref={cardText}
          className={`${styles.textarea} ${styles.cardText}`}
          readOnly
          rows={4}
          value={me.card}
          aria-describedby={`${id}-card-hint`}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className={styles.row}>
        <Button variant="secondary" ref={copyButton} onClick={() => void copy()}>
          Copy card
        </Button>
        <Button variant="secondary" disabled={save.isPending} onClick={() => save.mutate()}>
          Save card as a file…
        </Button>
        <Button variant="quiet" ref={editButton} onClick={onEdit}>
          Change name or role
        </Button>
      </div>
      <div aria-live="polite" className={styles.inlineNote} data-testid="copy-status">
        {copyNote}
      </div>
      {save.isError ? <Notice>{describeError(save.error)}</Notice> : null}
    </>
  );
}

function IdentityForm({
  initial,
  onDone,
}: {
  initial: IdentityView | null;
  onDone: (saved: IdentityView | null) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState(initial?.role ?? '');
  const nameRef = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: () => unwrap(holding().sharing.saveIdentity({ name, role })),
    onSuccess: (saved) => {
      queryClient.setQueryData(sharingKeys.identity, saved);
      onDone(saved);
    },
    onError: () => nameRef.current?.focus(),
  });

  useEffect(() => {
    if (initial) nameRef.current?.focus();
  }, [initial]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={initial ? 'Change your name or role' : 'Make your card'}>
      <div className={styles.formGrid}>
        <TextField
          ref={nameRef}
          label="Your name"
          hint="As the people you share with know you."
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          autoComplete="name"
          error={save.isError ? describeError(save.error) : null}
        />
        <TextField
          label="Your role (optional)"
          hint="For example, Clinical psychologist."
          value={role}
          onChange={(e) => setRole(e.target.value)}
          maxLength={200}
          autoComplete="organization-title"
        />
      </div>
      {initial ? (
        <p className={styles.hint}>
          Your keys and fingerprint stay the same, so anyone who already has your card can still exchange files with
          you. They keep the name they saved for you.
        </p>
      ) : null}
      <div className={styles.row}>
        <Button type="submit" disabled={save.isPending}>
          {initial ? 'Save changes' : 'Make my card'}
        </Button>
        {initial ? (
          <Button variant="secondary" onClick={() => onDone(null)}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
