import { useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeMinutes } from '../../../../common/supervision/hours';
import type { AgendaItem, SessionRecord, Supervisor } from '../../../../common/supervision/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ShowMore, usePaged } from '../../ui/ShowMore';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { useFocusLater } from '../../ui/useFocusAfter';
import { useNavigation } from '../frame/navigation';
import { FeedbackBeside } from '../sharing/FeedbackBeside';
import { ActionLine } from './ActionLine';
import { functionLabel, sessionDay, sessionWhen } from './format';
import { refreshSupervision } from './queries';
import { SessionForm, sessionDraftKey } from './SessionForm';
import styles from './supervision.module.css';

const PAGE = 3;

interface Props {
  supervisor: Supervisor;
  agenda: readonly AgendaItem[];
  sessions: readonly SessionRecord[] | undefined;
  loadError: unknown;
}

/** Recording a session once it has happened, and the record of each one, newest first. */
export function Sessions({ supervisor, agenda, sessions, loadError }: Props) {
  const id = useId();
  const navigation = useNavigation();
  const queryClient = useQueryClient();
  // Open again if a record was left half written (after a look at an entry, say).
  const [recording, setRecording] = useState(
    () => queryClient.getQueryData(sessionDraftKey(supervisor.id)) !== undefined,
  );
  const [note, setNote] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  const focusHeading = () => focusLater(() => headingRef.current);
  const deleting = useConfirm<SessionRecord>();

  const remove = useMutation({
    mutationFn: (s: SessionRecord) => unwrap(holding().supervision.deleteSession({ id: s.id })),
    onSuccess: async (_, s) => {
      await refreshSupervision(queryClient);
      setNote(`The session from ${sessionWhen(s)} has been deleted.`);
      focusHeading();
    },
  });

  const list = sessions ?? [];
  const paged = usePaged(list, PAGE);
  const ended = supervisor.endedAt !== null;

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1} className={styles.cardHeading}>
        Sessions
      </h2>
      <div role="status" className={styles.savedStatus} data-testid="sessions-status">
        {note}
      </div>
      {recording ? (
        <SessionForm
          supervisor={supervisor}
          agenda={agenda}
          onDone={(saved) => {
            setRecording(false);
            if (saved) {
              setNote(
                `Your session on ${sessionDay(saved)} is recorded. Anything not reached, and any open actions, are on the agenda for next time.`,
              );
              focusHeading();
            } else {
              focusLater(() => document.getElementById(`${id}-record`));
            }
          }}
        />
      ) : ended ? null : (
        <>
          <p className={styles.muted}>Once a session has happened, note what came of each item and what was agreed.</p>
          <div className={styles.row}>
            <Button
              id={`${id}-record`}
              onClick={() => {
                setNote('');
                setRecording(true);
              }}
            >
              Record a session
            </Button>
          </div>
        </>
      )}
      {loadError ? <Notice>{describeError(loadError)}</Notice> : null}
      {remove.isError ? <Notice>{describeError(remove.error)}</Notice> : null}
      {sessions && !list.length ? (
        <p className={styles.empty}>Your sessions will be kept here once you record them, the newest first.</p>
      ) : null}
      {list.length ? (
        <ol className={styles.sessions} aria-label="Recorded sessions, newest first">
          {paged.visible.map((s) => (
            <li key={s.id} className={styles.session} data-session={s.id}>
              <h3 className={styles.sessionWhen}>{sessionWhen(s)}</h3>
              <p className={styles.sessionMeta}>
                {describeMinutes(s.minutes)}
                {s.attendees ? ` · With ${s.attendees}` : ''}
              </p>
              {s.notes ? <p className={styles.sessionNotes}>{s.notes}</p> : null}
              <FeedbackBeside sourceId={s.id} compact />
              {s.items.length ? (
                <ul className={styles.sessionItems} aria-label={`Agenda items on ${sessionDay(s)}`}>
                  {s.items.map((item, i) => (
                    <li key={i} className={styles.sessionItem}>
                      <span className={styles.sessionItemTitle}>{item.title}</span>{' '}
                      <span className={styles.outcomeTag} data-outcome={item.outcome}>
                        {item.outcome === 'discussed' ? 'Discussed' : 'Not reached'}
                      </span>{' '}
                      <span className={styles.itemSmall}>{functionLabel(item.function)}</span>
                      {item.excerpt ? <blockquote className={styles.excerpt}>{item.excerpt}</blockquote> : null}
                      {item.notes ? (
                        <p className={styles.sessionLine}>
                          <span className={styles.itemLabel}>Notes:</span> {item.notes}
                        </p>
                      ) : null}
                      {item.discussed ? (
                        <p className={styles.sessionLine}>
                          <span className={styles.itemLabel}>Discussed:</span> {item.discussed}
                        </p>
                      ) : null}
                      {item.decided ? (
                        <p className={styles.sessionLine}>
                          <span className={styles.itemLabel}>Decided:</span> {item.decided}
                        </p>
                      ) : null}
                      {/* Feedback on the agenda item stays beside it once discussed; one not reached is still on the agenda, with its feedback. */}
                      {item.outcome === 'discussed' && item.agendaItemId ? (
                        <FeedbackBeside sourceId={item.agendaItemId} compact about={item.title} />
                      ) : null}
                      {item.sourceEntryId ? (
                        <Button
                          variant="quiet"
                          aria-label={`Open the entry for “${item.title}”`}
                          onClick={() => item.sourceEntryId && navigation.openEntry(item.sourceEntryId)}
                        >
                          Open the entry
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {s.actions.length ? (
                <div className={styles.sessionActions}>
                  <h4 className={styles.miniHeading}>Actions</h4>
                  <ul className={styles.actionList}>
                    {s.actions.map((a) => (
                      <li key={a.id}>
                        <ActionLine action={a} onNote={setNote} />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className={styles.row}>
                <Button
                  variant="quiet"
                  aria-label={`Delete the session from ${sessionWhen(s)}`}
                  onClick={() => deleting.ask(s)}
                >
                  Delete
                </Button>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      <ShowMore paged={paged}>Show older sessions</ShowMore>
      <ConfirmAction
        confirm={deleting}
        title="Delete this session?"
        confirmLabel="Delete session"
        onConfirm={(s) => remove.mutate(s)}
      >
        {(s) => (
          <>
            <p>
              The record of your session on {sessionWhen(s)} will be removed for good, with the actions agreed in it,
              and its time will no longer count towards your hours.
            </p>
            <p>The agenda stays as it is now, apart from those actions.</p>
          </>
        )}
      </ConfirmAction>
    </section>
  );
}
