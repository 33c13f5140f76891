import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { SupervisionFunction, Supervisor } from '../../../../common/supervision/types';
import { describeError } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { useFocusLater } from '../../ui/useFocusAfter';
import { Agenda } from './Agenda';
import { Balance } from './Balance';
import { HoursLog } from './HoursLog';
import { OpenActions } from './OpenActions';
import { useAgenda, useSessions, useSupervisors } from './queries';
import { Sessions } from './Sessions';
import { SupervisorCard } from './SupervisorCard';
import { SupervisorForm } from './SupervisorForm';
import styles from './supervision.module.css';
import { EarlierSessions } from './EarlierSessions';

/** Supervision: the people and contracts, the next agenda, what happened in each session, and the hours. */
export function SupervisionPage() {
  const id = useId();
  const supervisors = useSupervisors();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [note, setNote] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  const list = supervisors.data ?? [];
  const current = list.find((s) => s.id === chosenId) ?? list[0] ?? null;

  return (
    <div className={styles.page}>
      <h1 tabIndex={-1} ref={headingRef} className={styles.title}>
        Supervision
      </h1>
      <p className={styles.intro}>
        Somewhere to gather what you would like to bring to supervision, to note what came of it, and to keep track of
        your hours. It is yours to shape: nothing here is shared unless you choose it.
      </p>
      <div role="status" className={styles.savedStatus} data-testid="page-status">
        {note}
      </div>
      {supervisors.isError ? <Notice>{describeError(supervisors.error)}</Notice> : null}

      {supervisors.data && !list.length ? (
        <div className={styles.welcome}>
          <section className={styles.card} aria-labelledby={`${id}-welcome`}>
            <h2 id={`${id}-welcome`} className={styles.cardHeading}>
              Who do you have supervision with?
            </h2>
            <p>
              Start with the person or group you meet, and what your contract says. You can add others later: many
              people have clinical and managerial supervision side by side, or a peer group as well.
            </p>
            <p className={styles.muted}>
              Once they are here, the entries you flag to bring to supervision will be waiting, ready to shape into an
              agenda for your next session.
            </p>
          </section>
          <div className={styles.card}>
            <SupervisorForm
              initial={null}
              cancellable={false}
              focusOnOpen={false}
              onDone={(saved) => {
                if (!saved) return;
                setChosenId(saved.id);
                setNote(`${saved.name} is now in your supervisions. Next, you might start the agenda.`);
              }}
            />
          </div>
        </div>
      ) : null}

      {current ? (
        <>
          <div className={styles.switcher}>
            {list.length > 1 ? (
              <Tabs
                idPrefix={id}
                supervisors={list}
                current={current}
                onChoose={(s) => {
                  setNote('');
                  setChosenId(s.id);
                }}
              />
            ) : (
              <span />
            )}
            {adding ? null : (
              <Button variant="secondary" id={`${id}-add`} onClick={() => setAdding(true)}>
                Add a supervisor
              </Button>
            )}
          </div>
          {adding ? (
            <div className={`${styles.card} ${styles.addCard}`}>
              <SupervisorForm
                initial={null}
                onDone={(saved) => {
                  setAdding(false);
                  if (saved) {
                    setChosenId(saved.id);
                    setNote(`${saved.name} is now in your supervisions, and chosen below.`);
                    focusLater(() => document.getElementById(`${id}-tab-${saved.id}`));
                  } else {
                    focusLater(() => document.getElementById(`${id}-add`));
                  }
                }}
              />
            </div>
          ) : null}
          <div
            className={styles.columns}
            {...(list.length > 1
              ? { role: 'tabpanel', id: `${id}-panel`, 'aria-labelledby': `${id}-tab-${current.id}` }
              : {})}
          >
            {/* Keyed: each supervision starts with its own cards, with no form left open from another. */}
            <Chosen
              key={current.id}
              supervisor={current}
              onDeleted={(s) => {
                setNote(
                  `Your supervision with ${s.name} has been deleted. The sessions you recorded are kept, with their hours.`,
                );
                setChosenId(null);
                focusLater(() => headingRef.current);
              }}
            />
          </div>
        </>
      ) : null}
      <EarlierSessions />
    </div>
  );
}

function Chosen({ supervisor, onDeleted }: { supervisor: Supervisor; onDeleted: (s: Supervisor) => void }) {
  const agenda = useAgenda(supervisor.id);
  const sessions = useSessions(supervisor.id);
  const [addRequest, setAddRequest] = useState<{ fn: SupervisionFunction; n: number } | null>(null);
  const ended = supervisor.endedAt !== null;
  return (
    <>
      <div className={styles.column}>
        {ended ? null : <Agenda supervisor={supervisor} sessions={sessions.data} addRequest={addRequest} />}
        <Sessions
          supervisor={supervisor}
          agenda={agenda.data ?? []}
          sessions={sessions.data}
          loadError={sessions.error}
        />
      </div>
      <div className={styles.column}>
        <SupervisorCard supervisor={supervisor} onDeleted={onDeleted} />
        <OpenActions supervisor={supervisor} />
        <Balance
          supervisorId={supervisor.id}
          onAddItem={ended ? undefined : (fn) => setAddRequest((r) => ({ fn, n: (r?.n ?? 0) + 1 }))}
        />
        <HoursLog supervisor={supervisor} />
      </div>
    </>
  );
}

interface TabsProps {
  idPrefix: string;
  supervisors: readonly Supervisor[];
  current: Supervisor;
  onChoose: (s: Supervisor) => void;
}

/** One tab a supervision; the arrow keys move between them, as in any tab list. */
function Tabs({ idPrefix, supervisors, current, onChoose }: TabsProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = supervisors.findIndex((s) => s.id === current.id);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % supervisors.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index - 1 + supervisors.length) % supervisors.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? supervisors.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const chosen = supervisors[next]!;
    onChoose(chosen);
    document.getElementById(`${idPrefix}-tab-${chosen.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Your supervisions" className={styles.tabs} onKeyDown={onKeyDown}>
      {supervisors.map((s) => {
        const selected = s.id === current.id;
        return (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${s.id}`}
            aria-selected={selected}
            aria-controls={selected ? `${idPrefix}-panel` : undefined}
            tabIndex={selected ? 0 : -1}
            className={styles.tab}
            onClick={() => onChoose(s)}
          >
            <span className={styles.tabName}>{s.name}</span>
            {s.role || s.endedAt ? (
              <span className={styles.tabRole}>{[s.role, s.endedAt ? 'ended' : ''].filter(Boolean).join(' · ')}</span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
