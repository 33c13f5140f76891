import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeMinutes, minutesOf } from '../../../../common/supervision/hours';
import type { Supervisor } from '../../../../common/supervision/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { useFocusLater } from '../../ui/useFocusAfter';
import { day, FREQUENCY_LABELS, TYPE_LABELS } from './format';
import { refreshSupervision } from './queries';
import { SupervisorForm } from './SupervisorForm';
import styles from './supervision.module.css';

interface Props {
  supervisor: Supervisor;
  onDeleted: (supervisor: Supervisor) => void;
}

/** The relationship and its contract: who, how often, how long, and the minimum each month. */
export function SupervisorCard({ supervisor, onDeleted }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const deleting = useConfirm<Supervisor>();
  const focusLater = useFocusLater();
  const returnFocus = (to: 'edit' | 'end') => focusLater(() => document.getElementById(`${id}-${to}`));

  const setEnded = useMutation({
    mutationFn: (ended: boolean) => unwrap(holding().supervision.setEnded({ id: supervisor.id, ended })),
    onSuccess: async (saved) => {
      await refreshSupervision(queryClient);
      setNote(
        saved.endedAt
          ? `Your supervision with ${saved.name} is marked as ended. Its sessions, actions and hours all stay here, and you can resume it whenever you need to.`
          : `Your supervision with ${saved.name} is under way again.`,
      );
      returnFocus('end');
    },
  });

  const remove = useMutation({
    mutationFn: (s: Supervisor) => unwrap(holding().supervision.deleteSupervisor({ id: s.id })),
    onSuccess: async (_, s) => {
      await refreshSupervision(queryClient);
      onDeleted(s);
    },
  });

  const minimum = supervisor.minHoursPerMonth
    ? `${describeMinutes(minutesOf(supervisor.minHoursPerMonth))} a month`
    : 'None agreed';

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className={styles.cardHeading}>
        Supervision with {supervisor.name}
      </h2>
      <div role="status" className={styles.quietStatus}>
        {note}
      </div>
      {editing ? (
        <SupervisorForm
          initial={supervisor}
          headingLevel={3}
          onDone={(saved) => {
            if (saved) setNote(`The details for ${saved.name} are saved.`);
            setEditing(false);
            returnFocus('edit');
          }}
        />
      ) : (
        <>
          {supervisor.endedAt ? (
            <p className={styles.endedNote}>
              Ended on {day(supervisor.endedAt)}. Everything you recorded stays here for you to look back on.
            </p>
          ) : null}
          <dl className={styles.details}>
            {supervisor.role ? (
              <>
                <dt>Role</dt>
                <dd>{supervisor.role}</dd>
              </>
            ) : null}
            <dt>Type</dt>
            <dd>{TYPE_LABELS[supervisor.type]}</dd>
            <dt>How often</dt>
            <dd>{FREQUENCY_LABELS[supervisor.frequency]}</dd>
            <dt>Minimum</dt>
            <dd>{minimum}</dd>
            <dt>Usual session</dt>
            <dd>{describeMinutes(supervisor.sessionMinutes)}</dd>
            {supervisor.focusAreas.length ? (
              <>
                <dt>Focus areas</dt>
                <dd>{supervisor.focusAreas.join(', ')}</dd>
              </>
            ) : null}
            <dt>Since</dt>
            <dd>{day(supervisor.startDate)}</dd>
          </dl>
          <div className={styles.row}>
            <Button variant="secondary" id={`${id}-edit`} onClick={() => setEditing(true)}>
              Edit details
            </Button>
            <Button
              variant="quiet"
              id={`${id}-end`}
              disabled={setEnded.isPending}
              onClick={() => setEnded.mutate(!supervisor.endedAt)}
            >
              {supervisor.endedAt ? 'Resume this supervision' : 'End this supervision'}
            </Button>
            <Button variant="quiet" onClick={() => deleting.ask(supervisor)}>
              Delete
            </Button>
          </div>
        </>
      )}
      {setEnded.isError ? <Notice>{describeError(setEnded.error)}</Notice> : null}
      {remove.isError ? <Notice>{describeError(remove.error)}</Notice> : null}
      <ConfirmAction
        confirm={deleting}
        title={(s) => `Delete your supervision with ${s.name}?`}
        confirmLabel="Delete supervision"
        onConfirm={(s) => remove.mutate(s)}
      >
        {(s) => (
          <>
            <p>
              The sessions you have already recorded keep their notes, actions and hours, under the name {s.name}. The
              agenda for your next session will go.
            </p>
            <p>If the supervision has simply come to an end, you could end it instead and keep the agenda too.</p>
          </>
        )}
      </ConfirmAction>
    </section>
  );
}
