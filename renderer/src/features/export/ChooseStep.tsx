import {
  type Dispatch,
  Fragment,
  type ReactNode,
  type Ref,
  type SetStateAction,
  useEffect,
  useId,
  useState,
} from 'react';
import type { EntrySummary } from '../../../../common/journal/types';
import { ONE_SHARE_CARRIES, type WaitingReplies } from '../../../../common/sharing/types';
import { describeMinutes } from '../../../../common/supervision/hours';
import type { Supervisor } from '../../../../common/supervision/types';
import { describeError } from '../../api';
import { Button, Notice, TextField } from '../../ui/controls';
import { entryTitle } from '../../ui/EntryPicker';
import { sessionDay } from '../supervision/format';
import { useAgenda, useSupervisors } from '../supervision/queries';
import { type Draft, itemCount } from './draft';
import { EntryChooser } from './EntryChooser';
import { LookOutNote } from './LookOutNote';
import { useAllSessions } from './queries';
import { useWaitingReplies } from '../sharing/queries';
import { SelectionPanel } from './SelectionPanel';
import styles from './export.module.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SESSIONS_SHOWN = 6;

interface Props {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  onCheck: () => void;
  onReset: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}

/** What stands in the way of checking, in the person's terms; empty when the check can run. */
export function problemsWith(draft: Draft): string[] {
  const problems: string[] = [];
  if (!itemCount(draft)) problems.push('Choose at least one thing to include.');
  for (const e of draft.entries) {
    if (e.part && !e.excerpt.trim()) {
      problems.push(
        `“${entryTitle(e)}” is set to share just a part, and the part is still empty. Paste in the passage, or choose the whole entry.`,
      );
    }
  }
  if (draft.hours.on) {
    if (!draft.hours.supervisorId) problems.push('Please choose whose hours to include.');
    if (!MONTH.test(draft.hours.from) || !MONTH.test(draft.hours.to))
      problems.push('Please give the first and last month of the hours log.');
    else if (draft.hours.from > draft.hours.to)
      problems.push('The hours log’s first month comes after its last. Could you swap them round?');
  }
  if (draft.checkins.on) {
    if (!DAY.test(draft.checkins.from) || !DAY.test(draft.checkins.to))
      problems.push('Please give the first and last day of the check-ins.');
    else if (draft.checkins.from > draft.checkins.to)
      problems.push('The check-ins’ first day comes after the last. Could you swap them round?');
  }
  return problems;
}

/** Step one: a title, and the things to include, ticked from each part of Holding. */
export function ChooseStep({ draft, setDraft, onCheck, onReset, headingRef }: Props) {
  const id = useId();
  const problems = problemsWith(draft);
  const toggleEntry = (entry: EntrySummary, on: boolean) =>
    setDraft((d) => ({
      ...d,
      entries: on
        ? d.entries.some((e) => e.id === entry.id)
          ? d.entries
          : [
              ...d.entries,
              {
                id: entry.id,
                title: entry.title,
                kind: entry.kind,
                clientMaterial: entry.containsClientMaterial,
                part: false,
                excerpt: '',
              },
            ]
        : d.entries.filter((e) => e.id !== entry.id),
    }));

  return (
    <>
      <LookOutNote onDismissed={() => document.getElementById(`${id}-h`)?.focus()} />
      <div className={styles.columns}>
        <section className={`${styles.card} ${styles.column}`} aria-labelledby={`${id}-h`}>
          <h2 id={`${id}-h`} tabIndex={-1} ref={headingRef}>
            Choose what to include
          </h2>
          <p className={styles.muted}>
            Tick whatever you would like to take to supervision. Nothing leaves Holding until you have checked it, seen
            it and saved it.
          </p>
          <TextField
            label="Title"
            hint="It goes at the top of the document and names the file. The check reads it too."
            value={draft.title}
            maxLength={300}
            autoComplete="off"
            onChange={(e) => {
              const title = e.target.value;
              setDraft((d) => ({ ...d, title }));
            }}
          />
          <EntryChooser chosenIds={draft.entries.map((e) => e.id)} onToggle={toggleEntry} />
          <RepliesChooser draft={draft} setDraft={setDraft} />
          <SupervisionChooser draft={draft} setDraft={setDraft} />
          <PrivateChooser draft={draft} setDraft={setDraft} />
        </section>
        <div className={styles.column}>
          <SelectionPanel draft={draft} setDraft={setDraft} onReset={onReset} />
          {/* Stays in view while the person ticks their way down a long list. */}
          <div className={`${styles.card} ${styles.sticky}`}>
            {problems.length && itemCount(draft) ? (
              <ul className={styles.problems} id={`${id}-why`}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              <p className={styles.muted} id={`${id}-why`}>
                {problems.length
                  ? 'Once you have chosen something, the check looks through it for anything that could identify someone.'
                  : 'The check looks for NHS numbers, dates of birth, postcodes, phone numbers, e-mail addresses, the names and places on your list in Settings, and anything that reads like a person’s name.'}
              </p>
            )}
            <Button disabled={problems.length > 0} aria-describedby={`${id}-why`} onClick={onCheck}>
              Check for identifying details
            </Button>
          </div>
        </div>
      </div>
    </>
  );
}

function SupervisionChooser({ draft, setDraft }: { draft: Draft; setDraft: Dispatch<SetStateAction<Draft>> }) {
  const id = useId();
  const supervisors = useSupervisors();
  const sessions = useAllSessions();
  const [allSessions, setAllSessions] = useState(false);
  const list = supervisors.data ?? [];
  const sessionList = sessions.data ?? [];
  const shownSessions = allSessions ? sessionList : sessionList.slice(0, SESSIONS_SHOWN);
  const toggle = (key: 'agendas' | 'sessions', value: string, on: boolean) =>
    setDraft((d) => ({
      ...d,
      [key]: on ? [...d[key].filter((v) => v !== value), value] : d[key].filter((v) => v !== value),
    }));
  const current = list.filter((s) => s.endedAt === null);

  return (
    <section className={styles.block} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className={styles.blockHeading}>
        From supervision
      </h3>
      {supervisors.isError ? <Notice>{describeError(supervisors.error)}</Notice> : null}
      {sessions.isError ? <Notice>{describeError(sessions.error)}</Notice> : null}
      {supervisors.data && !list.length ? (
        <p className={styles.muted}>
          Once you have added a supervisor in Supervision, the agenda for your next session, your session records and
          your hours can come along too.
        </p>
      ) : null}
      {current.length ? (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Agendas for your next session</legend>
          {current.map((s) => (
            <AgendaCheck
              key={s.id}
              supervisor={s}
              checked={draft.agendas.includes(s.id)}
              onChange={(on) => toggle('agendas', s.id, on)}
            />
          ))}
        </fieldset>
      ) : null}
      {sessionList.length ? (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Session records</legend>
          {shownSessions.map((s) => (
            <IncludeCheck
              key={s.id}
              checked={draft.sessions.includes(s.id)}
              onChange={(on) => toggle('sessions', s.id, on)}
            >
              <span>
                {sessionDay(s)} with {s.supervisorName}
                <span className={styles.checkMeta}>
                  {' '}
                  · {describeMinutes(s.minutes)}, {s.items.length} {s.items.length === 1 ? 'item' : 'items'}
                </span>
              </span>
            </IncludeCheck>
          ))}
          {sessionList.length > SESSIONS_SHOWN && !allSessions ? (
            <Button variant="quiet" onClick={() => setAllSessions(true)}>
              Show all {sessionList.length} sessions
            </Button>
          ) : null}
        </fieldset>
      ) : null}
      {list.length ? (
        <div className={styles.group}>
          <IncludeCheck
            checked={draft.hours.on}
            onChange={(on) =>
              setDraft((d) => ({
                ...d,
                hours: {
                  ...d.hours,
                  on,
                  supervisorId: list.some((s) => s.id === d.hours.supervisorId)
                    ? d.hours.supervisorId
                    : (current[0] ?? list[0])!.id,
                },
              }))
            }
          >
            <span className={styles.checkStrong}>The hours log</span>
          </IncludeCheck>
          {draft.hours.on ? (
            <DateRange
              type="month"
              range={draft.hours}
              onChange={(change) => setDraft((d) => ({ ...d, hours: { ...d.hours, ...change } }))}
            >
              <div className={styles.field}>
                <label htmlFor={`${id}-sup`} className={styles.smallLabel}>
                  Whose hours
                </label>
                <select
                  id={`${id}-sup`}
                  className={styles.input}
                  value={draft.hours.supervisorId}
                  onChange={(e) => {
                    const supervisorId = e.target.value;
                    setDraft((d) => ({ ...d, hours: { ...d.hours, supervisorId } }));
                  }}
                >
                  {list.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
            </DateRange>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** Replies to shares sent before this Holding's card was made (a journal brought from another computer). */
function EarlierCardNote({ waiting: w }: { waiting: WaitingReplies }) {
  return (
    <p className={styles.muted} data-testid="replies-earlier-card">
      {w.earlier === 1 ? 'A reply' : `${w.earlier} replies`} to {w.contactName} cannot go:{' '}
      {w.earlier === 1 ? 'it answers' : 'they answer'} a share sent from Holding on another computer, before your card
      here was made, so {w.contactName}’s Holding could not match {w.earlier === 1 ? 'it' : 'them'}. You could bring{' '}
      {w.earlier === 1 ? 'it' : 'them'} to supervision instead.
    </p>
  );
}

/**
 * Replies the person wrote under a supervisor's comments (on Sharing), waiting to go back with a share to
 * that supervisor: offered here, ticked by the person, then checked and previewed with everything else.
 */
/** When more replies wait than one share carries (ONE_SHARE_CARRIES). */
const nextShareNote = (carried: number, left: number) =>
  `${carried} go in this share; ${left === 1 ? 'the other one waits' : `the other ${left} wait`} safely for your next (${ONE_SHARE_CARRIES})`;

function RepliesChooser({ draft, setDraft }: { draft: Draft; setDraft: Dispatch<SetStateAction<Draft>> }) {
  const id = useId();
  const waiting = useWaitingReplies();
  const list = waiting.data ?? [];
  // Replies ticked earlier that have gone since (with the share just made) are no longer offered, or chosen.
  const gone =
    !!waiting.data && !!draft.replies && !waiting.data.some((w) => w.contactId === draft.replies && w.count > 0);
  useEffect(() => {
    if (gone) setDraft((d) => ({ ...d, replies: '' }));
  }, [gone, setDraft]);
  if (waiting.isError) return <Notice>{describeError(waiting.error)}</Notice>;
  if (!list.length) return null;
  const chosen = draft.replies ?? '';
  return (
    <section className={styles.block} aria-labelledby={`${id}-h`} data-testid="replies-chooser">
      <h3 id={`${id}-h`} className={styles.blockHeading}>
        Your replies to comments
      </h3>
      <p id={`${id}-note`} className={styles.muted}>
        Replies you wrote under your supervisor’s comments, in Sharing. They go back with a share to the person whose
        comments they answer, alongside at least one other thing you choose here.
      </p>
      <div className={styles.group}>
        {list.map((w) =>
          w.earlier && !w.count ? (
            <EarlierCardNote key={w.contactName} waiting={w} />
          ) : w.contactId ? (
            <Fragment key={w.contactId}>
              <IncludeCheck
                checked={chosen === w.contactId}
                describedBy={`${id}-note`}
                onChange={(on) => {
                  const contactId = w.contactId!;
                  setDraft((d) => ({
                    ...d,
                    replies: on ? contactId : d.replies === contactId ? '' : (d.replies ?? ''),
                  }));
                }}
              >
                <span>
                  <span className={styles.checkStrong}>
                    {w.count === 1 ? 'My reply' : `My ${w.count} replies`} to {w.contactName}
                  </span>
                  <span className={styles.checkMeta}>
                    {' '}
                    · this share then goes to {w.contactName}
                    {w.nextShare < w.count ? ` · ${nextShareNote(w.nextShare, w.count - w.nextShare)}` : null}
                  </span>
                </span>
              </IncludeCheck>
              {w.earlier ? <EarlierCardNote waiting={w} /> : null}
            </Fragment>
          ) : (
            <p key={w.contactName} className={styles.muted}>
              {w.count === 1 ? 'A reply' : `${w.count} replies`} to {w.contactName} {w.count === 1 ? 'is' : 'are'}{' '}
              waiting, but {w.contactName} is no longer among the people you share with. Add their card again in Sharing
              to send {w.count === 1 ? 'it' : 'them'}.
            </p>
          ),
        )}
      </div>
    </section>
  );
}

/** A tick box with what it includes beside it, level with its first line. */
function IncludeCheck({
  checked,
  onChange,
  describedBy,
  children,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  describedBy?: string;
  children: ReactNode;
}) {
  return (
    <label className={styles.check}>
      <input
        type="checkbox"
        className={styles.checkbox}
        checked={checked}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.checked)}
      />
      {children}
    </label>
  );
}

function AgendaCheck({
  supervisor,
  checked,
  onChange,
}: {
  supervisor: Supervisor;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const agenda = useAgenda(supervisor.id);
  const count = agenda.data?.length;
  return (
    <IncludeCheck checked={checked} onChange={onChange}>
      <span>
        With {supervisor.name}
        {count !== undefined ? (
          <span className={styles.checkMeta}>
            {' '}
            · {count ? `${count} ${count === 1 ? 'item' : 'items'} so far` : 'nothing on it yet'}
          </span>
        ) : null}
      </span>
    </IncludeCheck>
  );
}

function RangeField({
  type,
  label,
  value,
  min,
  max,
  onChange,
}: {
  type: 'month' | 'date';
  label: string;
  value: string;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.smallLabel}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        className={styles.input}
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * The first and last month or day of what to include, side by side after any other fields of the row (children);
 * neither box lets its end pass the other's.
 */
function DateRange({
  type,
  range,
  onChange,
  children,
}: {
  type: 'month' | 'date';
  range: { from: string; to: string };
  onChange: (change: { from: string } | { to: string }) => void;
  children?: ReactNode;
}) {
  return (
    <div className={styles.range}>
      {children}
      <RangeField type={type} label="From" value={range.from} max={range.to} onChange={(from) => onChange({ from })} />
      <RangeField type={type} label="To" value={range.to} min={range.from} onChange={(to) => onChange({ to })} />
    </div>
  );
}

function PrivateChooser({ draft, setDraft }: { draft: Draft; setDraft: Dispatch<SetStateAction<Draft>> }) {
  const id = useId();
  return (
    <section className={styles.block} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className={styles.blockHeading}>
        Check-ins and warning signs
      </h3>
      <p id={`${id}-note`} className={styles.privateNote}>
        These are private by default. They go into an export only if you tick them here, and they are checked like
        everything else.
      </p>
      <div className={styles.group}>
        <IncludeCheck
          checked={draft.checkins.on}
          describedBy={`${id}-note`}
          onChange={(on) => setDraft((d) => ({ ...d, checkins: { ...d.checkins, on } }))}
        >
          <span className={styles.checkStrong}>Include my check-ins</span>
        </IncludeCheck>
        {draft.checkins.on ? (
          <DateRange
            type="date"
            range={draft.checkins}
            onChange={(change) => setDraft((d) => ({ ...d, checkins: { ...d.checkins, ...change } }))}
          />
        ) : null}
      </div>
      <IncludeCheck
        checked={draft.signs}
        describedBy={`${id}-note`}
        onChange={(signs) => setDraft((d) => ({ ...d, signs }))}
      >
        <span className={styles.checkStrong}>Include my early warning signs and what helps</span>
      </IncludeCheck>
    </section>
  );
}
