import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AgendaItem, ItemOutcome, SessionRecord, Supervisor } from '../../../../common/supervision/types';
import { holding, unwrap } from '../../api';
import { Button } from '../../ui/controls';
import { useFocusLater } from '../../ui/useFocusAfter';
import { fromLocalInput, toLocalInput } from '../checkins/format';
import { functionLabel, parseNumber, today } from './format';
import { useSaveAndRefresh } from './queries';
import { RadioChips } from '../../ui/RadioChips';
import styles from './supervision.module.css';
import { InputField, TextAreaField } from './fields';
import { FormEnd } from '../../ui/FormEnd';

interface ActionRow {
  key: number;
  text: string;
  owner: string;
  due: string;
}

interface ItemNotes {
  outcome: ItemOutcome;
  discussed: string;
  decided: string;
}

interface Draft {
  at: string;
  minutes: string;
  attendees: string;
  notes: string;
  outcomes: Record<string, ItemNotes>;
  actions: ActionRow[];
}

/** A session record half written waits here while the person looks elsewhere; the lock forgets it. */
export const sessionDraftKey = (supervisorId: string) => ['session-draft', supervisorId] as const;

interface Props {
  supervisor: Supervisor;
  agenda: readonly AgendaItem[];
  onDone: (saved: SessionRecord | null) => void;
}

/** After a session: when and how long, who was there, each agenda item's outcome, and what was agreed. */
export function SessionForm({ supervisor, agenda, onDone }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const draftKey = sessionDraftKey(supervisor.id);
  const [draft] = useState(() => queryClient.getQueryData<Draft>(draftKey));
  const [at, setAt] = useState(() => draft?.at ?? toLocalInput(new Date()));
  const [minutes, setMinutes] = useState(draft?.minutes ?? String(supervisor.sessionMinutes));
  const [attendees, setAttendees] = useState(draft?.attendees ?? '');
  const [notes, setNotes] = useState(draft?.notes ?? '');
  const [outcomes, setOutcomes] = useState<Record<string, ItemNotes>>(draft?.outcomes ?? {});
  const [actions, setActions] = useState<ActionRow[]>(draft?.actions ?? []);
  const nextKey = useRef(Math.max(0, ...(draft?.actions ?? []).map((a) => a.key)) + 1);
  useEffect(() => {
    queryClient.setQueryDefaults(['session-draft'], { gcTime: Infinity });
    queryClient.setQueryData<Draft>(sessionDraftKey(supervisor.id), {
      at,
      minutes,
      attendees,
      notes,
      outcomes,
      actions,
    });
  }, [queryClient, supervisor.id, at, minutes, attendees, notes, outcomes, actions]);
  const finish = (saved: SessionRecord | null) => {
    queryClient.removeQueries({ queryKey: sessionDraftKey(supervisor.id) });
    onDone(saved);
  };
  // After an action is added or removed: its words, the next one's, or Add an action.
  const focusLater = useFocusLater();
  const focusRow = (key: number | 'add') =>
    focusLater(() => document.getElementById(key === 'add' ? `${id}-add-action` : `${id}-action-${key}-text`));
  const [problem, setProblem] = useState<string | null>(null);

  const itemNotes = (itemId: string): ItemNotes =>
    outcomes[itemId] ?? { outcome: 'not-reached', discussed: '', decided: '' };
  const setItem = (itemId: string, change: Partial<ItemNotes>) =>
    setOutcomes((all) => ({ ...all, [itemId]: { ...itemNotes(itemId), ...all[itemId], ...change } }));

  const save = useSaveAndRefresh(
    ({ startsAt, mins }: { startsAt: string; mins: number }) =>
      unwrap(
        holding().supervision.recordSession({
          supervisorId: supervisor.id,
          startsAt,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          minutes: mins,
          attendees,
          notes,
          items: agenda.map((item) => {
            const o = itemNotes(item.id);
            return o.outcome === 'discussed'
              ? { agendaItemId: item.id, outcome: 'discussed' as const, discussed: o.discussed, decided: o.decided }
              : { agendaItemId: item.id, outcome: 'not-reached' as const, discussed: '', decided: '' };
          }),
          actions: actions.map((a) => ({ text: a.text, owner: a.owner, due: a.due || null })),
        }),
      ),
    finish,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const startsAt = fromLocalInput(at);
    if (!startsAt) {
      setProblem('Please give the date and time the session began.');
      document.getElementById(`${id}-at`)?.focus();
      return;
    }
    // Anything that is not a number goes to main as 0, so its own words explain what is needed.
    const mins = parseNumber(minutes) ?? 0;
    setProblem(null);
    save.mutate({ startsAt, mins });
  }

  const addAction = () => {
    const key = nextKey.current++;
    setActions((rows) => [...rows, { key, text: '', owner: '', due: '' }]);
    focusRow(key);
  };
  const changeAction = (key: number, change: Partial<ActionRow>) =>
    setActions((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const removeAction = (key: number) => {
    const index = actions.findIndex((r) => r.key === key);
    const next = actions[index + 1] ?? actions[index - 1];
    setActions((rows) => rows.filter((r) => r.key !== key));
    focusRow(next ? next.key : 'add');
  };
  const now = today();

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className={styles.subForm}>
      <h3 id={`${id}-h`} className={styles.formHeading}>
        Record a session with {supervisor.name}
      </h3>
      <div className={styles.formGrid}>
        <InputField
          id={`${id}-at`}
          label="Date and start time"
          type="datetime-local"
          value={at}
          onChange={setAt}
          autoFocus
        />
        <InputField
          id={`${id}-minutes`}
          label="Length, in minutes"
          type="number"
          min={1}
          max={1440}
          step={5}
          value={minutes}
          onChange={setMinutes}
        />
      </div>
      <InputField
        id={`${id}-who`}
        label="Who was there (optional)"
        autoComplete="off"
        value={attendees}
        onChange={setAttendees}
      />
      <TextAreaField id={`${id}-notes`} label="Notes (optional)" rows={3} value={notes} onChange={setNotes} />

      {agenda.length ? (
        <div className={styles.group}>
          <h4 className={styles.miniHeading}>The agenda</h4>
          <p className={styles.hint}>
            Anything not reached stays on the agenda for next time. What was discussed is kept with this session.
          </p>
          {agenda.length > 1 ? (
            <Button
              variant="quiet"
              className={styles.allDiscussed}
              onClick={() =>
                setOutcomes((all) =>
                  Object.fromEntries(
                    agenda.map((item) => [item.id, { ...itemNotes(item.id), ...all[item.id], outcome: 'discussed' }]),
                  ),
                )
              }
            >
              Mark them all as discussed
            </Button>
          ) : null}
          <ul className={styles.outcomes}>
            {agenda.map((item) => {
              const o = itemNotes(item.id);
              return (
                <li key={item.id} className={styles.outcome}>
                  <fieldset className={styles.bare}>
                    <legend className={styles.outcomeLegend}>
                      {item.title} <span className={styles.outcomeFn}>({functionLabel(item.function)})</span>
                    </legend>
                    <RadioChips
                      name={`${id}-outcome-${item.id}`}
                      options={['discussed', 'not-reached'] as const}
                      label={(value) => (value === 'discussed' ? 'Discussed' : 'Not reached')}
                      value={o.outcome}
                      onChange={(value) => setItem(item.id, { outcome: value })}
                    />
                    {o.outcome === 'discussed' ? (
                      <div className={styles.outcomeNotes}>
                        <TextAreaField
                          id={`${id}-d-${item.id}`}
                          label="What was discussed"
                          small
                          rows={2}
                          value={o.discussed}
                          onChange={(discussed) => setItem(item.id, { discussed })}
                        />
                        <TextAreaField
                          id={`${id}-c-${item.id}`}
                          label="What was decided"
                          small
                          rows={2}
                          value={o.decided}
                          onChange={(decided) => setItem(item.id, { decided })}
                        />
                      </div>
                    ) : null}
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className={styles.muted}>There was nothing on the agenda. You can still note what was talked about above.</p>
      )}

      <div className={styles.group}>
        <h4 className={styles.miniHeading}>Actions agreed</h4>
        {actions.length ? (
          <ol className={styles.actionRows}>
            {actions.map((row, i) => {
              const past = row.due !== '' && row.due < now;
              return (
                <li key={row.key} className={styles.actionRow}>
                  <fieldset className={styles.bare}>
                    <legend className="visually-hidden">Action {i + 1}</legend>
                    <div className={styles.actionFields}>
                      <InputField
                        id={`${id}-action-${row.key}-text`}
                        label="Action"
                        small
                        autoComplete="off"
                        value={row.text}
                        onChange={(text) => changeAction(row.key, { text })}
                      />
                      <InputField
                        id={`${id}-action-${row.key}-owner`}
                        label="Who will do it"
                        small
                        autoComplete="off"
                        value={row.owner}
                        onChange={(owner) => changeAction(row.key, { owner })}
                      />
                      <InputField
                        id={`${id}-action-${row.key}-due`}
                        label="Due (optional)"
                        small
                        type="date"
                        value={row.due}
                        aria-describedby={past ? `${id}-action-${row.key}-past` : undefined}
                        onChange={(due) => changeAction(row.key, { due })}
                      />
                      <Button
                        variant="quiet"
                        className={styles.removeRow}
                        aria-label={`Remove action ${i + 1}`}
                        onClick={() => removeAction(row.key)}
                      >
                        Remove
                      </Button>
                    </div>
                    {past ? (
                      <p id={`${id}-action-${row.key}-past`} className={styles.gentleSmall}>
                        This date has already gone by. That is fine, if it is what you agreed.
                      </p>
                    ) : null}
                  </fieldset>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className={styles.hint}>None yet. Open actions come back to the agenda until you mark them done.</p>
        )}
        <Button variant="secondary" id={`${id}-add-action`} onClick={addAction}>
          Add an action
        </Button>
      </div>

      <FormEnd
        problem={problem}
        sending={save}
        busyLabel="Saving…"
        submitLabel="Save session"
        onCancel={() => finish(null)}
      />
    </form>
  );
}
