import { useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExportSelection, Resolutions } from '../../../../common/export/types';
import type { ContactView } from '../../../../common/sharing/types';
import { describeError, holding, HoldingError, unwrap } from '../../api';
import { useFocusAfter } from '../../ui/useFocusAfter';
import { SaveOutcome, SaveRow } from './SaveControls';
import { Button, Notice } from '../../ui/controls';
import { useNavigation } from '../frame/navigation';
import { listOf } from '../sharing/format';
import { sharingKeys, useContacts, useIdentity } from '../sharing/queries';
import styles from './export.module.css';

interface Props {
  selection: ExportSelection;
  resolutions: Resolutions;
  /** The check's name for what it read: the share must match it, as a save must. */
  fingerprint: string;
  /** Something changed since the check: read it again. */
  onChanged: () => void;
  /** Why sharing cannot happen yet (the same reasons as saving); null when it can. */
  waitingFor: string | null;
  /** The preview is catching up with the latest decisions. */
  updating: boolean;
  onStartAgain: () => void;
}

type Outcome = { kind: 'shared'; name: string; fileName: string; folder: string } | { kind: 'cancelled' };

const contactLabel = (c: ContactView) => (c.role.trim() ? `${c.name} (${c.role.trim()})` : c.name);

/**
 * Beside saving: the same checked, de-identified export, sealed to a supervisor whose fingerprint the person
 * has confirmed, and saved as a file for them to send. Main checks again, exactly as for a save.
 */
export function ShareWithSupervisor({
  selection,
  resolutions,
  fingerprint,
  onChanged,
  waitingFor,
  updating,
  onStartAgain,
}: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const navigation = useNavigation();
  const identity = useIdentity();
  const contacts = useContacts();
  const [chosenId, setChosenId] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const setFocusAfter = useFocusAfter({ status: statusRef, problem: problemRef });

  const share = useMutation({
    mutationFn: (contact: ContactView) =>
      unwrap(holding().sharing.share({ selection, resolutions, fingerprint, contactId: contact.id })),
    onMutate: () => setOutcome(null),
    onError: (error) => {
      setFocusAfter('problem');
      if (error instanceof HoldingError && error.code === 'CHANGED') onChanged();
    },
    onSuccess: ({ path, folder, share: sent }, contact) => {
      setOutcome(
        path && folder && sent
          ? {
              kind: 'shared',
              name: sent.contactName || contact.name,
              fileName: sent.fileName,
              folder,
            }
          : { kind: 'cancelled' },
      );
      setFocusAfter('status');
      // A share is recorded in main only once it is written: nothing to refresh after a cancel.
      if (path) {
        void queryClient.invalidateQueries({ queryKey: sharingKeys.sent });
        void queryClient.invalidateQueries({ queryKey: sharingKeys.waitingReplies });
      }
    },
  });

  const all = contacts.data ?? [];
  // Replies go only to the person whose comments they answer: the share goes to them, or not at all.
  const repliesTo = selection.replies ? all.find((c) => c.id === selection.replies) : undefined;
  const confirmed = all.filter((c) => c.verified && (!selection.replies || c.id === selection.replies));
  const unconfirmed = all.filter((c) => !c.verified);
  const chosen = confirmed.find((c) => c.id === chosenId) ?? confirmed[0];
  const loading = identity.isPending || contacts.isPending;
  const problem = identity.isError ? identity.error : contacts.isError ? contacts.error : null;

  const goToShared = (
    <Button variant="secondary" onClick={() => navigation.goTo('shared')}>
      Go to Sharing
    </Button>
  );
  // True only while Holding stays unlocked: the draft can hold identifying details, so a lock forgets it.
  const waits = (
    <p className={styles.hint}>What you have chosen and decided here will wait for you while Holding stays unlocked.</p>
  );

  let body;
  if (problem) {
    body = <Notice>{describeError(problem)}</Notice>;
  } else if (loading) {
    body = <p className={styles.muted}>Looking for your supervisor’s card…</p>;
  } else if (!identity.data) {
    body = (
      <div className={styles.shareSetUp} data-testid="share-set-up">
        <p>
          To share, you first need your own identity card, and your supervisor’s card with its fingerprint compared
          between the two of you. You can set both up in Sharing.
        </p>
        <div className={styles.shareRow}>{goToShared}</div>
        {waits}
      </div>
    );
  } else if (!chosen) {
    body = (
      <div className={styles.shareSetUp} data-testid="share-set-up">
        {unconfirmed.length ? (
          <p>
            Waiting for you to compare fingerprints: {listOf(unconfirmed.map((c) => c.name))}. Once you have read them
            through together and confirmed they match, in Sharing, you can share here.
          </p>
        ) : (
          <p>
            Add your supervisor’s card in Sharing and compare fingerprints with them. Once you have confirmed they
            match, you can share with them here.
          </p>
        )}
        <div className={styles.shareRow}>{goToShared}</div>
        {waits}
      </div>
    );
  } else {
    body = (
      <>
        <div className={styles.field}>
          <label htmlFor={`${id}-to`} className={styles.smallLabel}>
            Share with
          </label>
          <select
            id={`${id}-to`}
            className={`${styles.input} ${styles.shareSelect}`}
            value={chosen.id}
            disabled={share.isPending}
            onChange={(e) => {
              setChosenId(e.target.value);
              setOutcome(null);
            }}
          >
            {confirmed.map((c) => (
              <option key={c.id} value={c.id}>
                {contactLabel(c)}
              </option>
            ))}
          </select>
        </div>
        {repliesTo ? (
          <p className={styles.hint} data-testid="share-replies-to">
            Your replies to {repliesTo.name}’s comments are in this share, so it goes to {repliesTo.name}. You can see
            them in the preview, under “Your reply to a comment”. {repliesTo.name} will need an up-to-date Holding to
            open a share with replies: an older one will ask them to update first.
          </p>
        ) : null}
        {unconfirmed.length && !selection.replies ? (
          <p className={styles.hint} data-testid="share-unconfirmed">
            Waiting for you to compare fingerprints: {listOf(unconfirmed.map((c) => c.name))}. You can do that in{' '}
            <Button variant="quiet" className={styles.inlineLink} onClick={() => navigation.goTo('shared')}>
              Sharing
            </Button>
            .
          </p>
        ) : null}
        <SaveRow
          id={id}
          className={styles.shareRow}
          label={`Seal and save for ${chosen.name}…`}
          busyLabel="Sealing…"
          busy={share.isPending}
          waitingFor={waitingFor}
          disabled={updating}
          done={outcome?.kind === 'shared'}
          onPress={() => share.mutate(chosen)}
          onStartAgain={onStartAgain}
        />
      </>
    );
  }

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`} data-testid="share-with-supervisor">
      <h2 id={`${id}-h`}>Share with your supervisor</h2>
      <p className={styles.hint}>
        The same checked, de-identified content as the preview, sealed so that only the person you choose can open it.
        It is saved as a file for you to send them however you usually do, such as by e-mail or on a shared drive.
        Holding itself sends nothing.
      </p>
      {body}
      <SaveOutcome statusRef={statusRef} problemRef={problemRef} testId="share-status" error={share.error}>
        {outcome?.kind === 'shared' ? (
          <>
            <p>
              Sealed for {outcome.name} and saved as <span className={styles.fileName}>{outcome.fileName}</span>. Send
              that file to them however you usually share files.
            </p>
            <p className={styles.where}>
              It is in the folder <span className={styles.fileName}>{outcome.folder}</span>
            </p>
          </>
        ) : outcome?.kind === 'cancelled' ? (
          'Nothing was saved, and nothing was shared.'
        ) : null}
      </SaveOutcome>
    </section>
  );
}
