import { type Dispatch, type SetStateAction, useId, useRef, useState } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { itemsPhrase } from '../../../../common/export/items';
import { plainTextOf } from '../../../../common/journal/doc';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { entryTitle, KIND_LABELS } from '../../ui/EntryPicker';
import { useFocusLater } from '../../ui/useFocusAfter';
import { day, monthLabel, sessionDay } from '../supervision/format';
import { agendaQuery, useSupervisors } from '../supervision/queries';
import { type ChosenEntry, type Draft, itemCount } from './draft';
import { useAllSessions } from './queries';
import styles from './export.module.css';

interface Props {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  onReset: () => void;
}

/** A line in the selection that is not an entry: what it is, and how to take it out. */
interface OtherItem {
  key: string;
  label: string;
  detail: string | null;
  private: boolean;
  remove: (d: Draft) => Draft;
}

/** "March 2026 to May 2026", once both ends of a range are given; null until then. */
const rangeWords = (range: { from: string; to: string }, format: (value: string) => string) =>
  range.from && range.to ? `${format(range.from)} to ${format(range.to)}` : null;

/** Everything chosen so far, in the order it will appear: entries as arranged, then the rest. */
export function SelectionPanel({ draft, setDraft, onReset }: Props) {
  const id = useId();
  const supervisors = useSupervisors();
  const sessions = useAllSessions();
  const startAfresh = useConfirm();
  const [note, setNote] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After a move or a removal, focus goes to a button that is still there (or, failing that, the heading).
  const focusLater = useFocusLater();
  const focusOn = (elementId: string | 'heading') =>
    focusLater(() => (elementId === 'heading' ? null : document.getElementById(elementId)) ?? headingRef.current);

  const nameOf = (supervisorId: string) =>
    supervisors.data?.find((s) => s.id === supervisorId)?.name ?? 'your supervisor';
  const others: OtherItem[] = [
    ...draft.agendas.map((sid) => ({
      key: `agenda-${sid}`,
      label: `Agenda for your next session with ${nameOf(sid)}`,
      detail: 'As it stands when you save',
      private: false,
      remove: (d: Draft) => ({ ...d, agendas: d.agendas.filter((a) => a !== sid) }),
    })),
    ...draft.sessions.map((sessionId) => {
      const s = sessions.data?.find((x) => x.id === sessionId);
      return {
        key: `session-${sessionId}`,
        label: s ? `Supervision on ${sessionDay(s)} with ${s.supervisorName}` : 'A supervision session',
        detail: 'Session record',
        private: false,
        remove: (d: Draft) => ({ ...d, sessions: d.sessions.filter((x) => x !== sessionId) }),
      };
    }),
    ...(draft.hours.on
      ? [
          {
            key: 'hours',
            label: `Hours with ${nameOf(draft.hours.supervisorId)}`,
            detail: rangeWords(draft.hours, monthLabel),
            private: false,
            remove: (d: Draft) => ({ ...d, hours: { ...d.hours, on: false } }),
          },
        ]
      : []),
    ...(draft.checkins.on
      ? [
          {
            key: 'checkins',
            label: 'My check-ins',
            detail: rangeWords(draft.checkins, day),
            private: true,
            remove: (d: Draft) => ({ ...d, checkins: { ...d.checkins, on: false } }),
          },
        ]
      : []),
    ...(draft.signs
      ? [
          {
            key: 'signs',
            label: 'My early warning signs and what helps',
            detail: null,
            private: true,
            remove: (d: Draft) => ({ ...d, signs: false }),
          },
        ]
      : []),
  ];
  // Each agenda counts what is on it, as the check and the share will.
  const agendas = useQueries({ queries: draft.agendas.map(agendaQuery) });
  const agendaSizes = Object.fromEntries(
    draft.agendas.flatMap((sid, i) => {
      const items = agendas[i]?.data;
      return items ? [[sid, items.length]] : [];
    }),
  );
  const count = itemCount(draft, agendaSizes);
  const clientMaterial = draft.entries.filter((e) => e.clientMaterial);
  const removeIds = [...draft.entries.map((e) => `${id}-rm-${e.id}`), ...others.map((o) => `${id}-rm-${o.key}`)];
  /** Focus the next item's Remove, or the previous one's at the end, or the heading when none are left. */
  const focusAfterRemoving = (index: number) => focusOn(removeIds[index + 1] ?? removeIds[index - 1] ?? 'heading');

  const updateEntry = (entryId: string, change: Partial<ChosenEntry>) =>
    setDraft((d) => ({ ...d, entries: d.entries.map((e) => (e.id === entryId ? { ...e, ...change } : e)) }));
  const move = (index: number, by: -1 | 1) => {
    const entry = draft.entries[index]!;
    const to = index + by;
    setDraft((d) => {
      const list = [...d.entries];
      const [moved] = list.splice(index, 1);
      list.splice(to, 0, moved!);
      return { ...d, entries: list };
    });
    setNote(`“${entryTitle(entry)}” is now number ${to + 1} of ${draft.entries.length}.`);
    // At either end the button used is gone; the other one takes focus.
    const atEnd = to === 0 || to === draft.entries.length - 1;
    focusOn(`${id}-${atEnd ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}-${entry.id}`);
  };

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        Your selection
      </h2>
      <div role="status" className={styles.quietStatus}>
        {note}
      </div>
      {!count ? (
        <p className={styles.muted}>Nothing chosen yet. What you tick appears here, in the order it will be in.</p>
      ) : (
        <>
          <p className={styles.muted}>
            {itemsPhrase(count)}. Entries come first, in the order you arrange them here; then agendas, sessions, hours,
            check-ins and warning signs.
          </p>
          {clientMaterial.length ? (
            <Notice>
              {clientMaterial.length === 1 ? (
                <>
                  <strong>“{entryTitle(clientMaterial[0]!)}”</strong> is marked as containing client material.
                </>
              ) : (
                <>
                  {clientMaterial.length} entries are marked as containing client material:{' '}
                  {clientMaterial.map((e, i) => (
                    <span key={e.id}>
                      {i ? ', ' : ''}
                      <strong>“{entryTitle(e)}”</strong>
                    </span>
                  ))}
                  .
                </>
              )}{' '}
              The check will look for names and details, but no check catches everything. Please read{' '}
              {clientMaterial.length === 1 ? 'it' : 'them'} through with care, or share just a part.
            </Notice>
          ) : null}
          <ol className={styles.selection} aria-label="Chosen, in order">
            {draft.entries.map((entry, index) => (
              <ChosenEntryItem
                key={entry.id}
                idPrefix={id}
                entry={entry}
                index={index}
                total={draft.entries.length}
                onChange={(change) => updateEntry(entry.id, change)}
                onMove={(by) => move(index, by)}
                onRemove={() => {
                  setDraft((d) => ({ ...d, entries: d.entries.filter((e) => e.id !== entry.id) }));
                  setNote(`“${entryTitle(entry)}” is out of the selection.`);
                  focusAfterRemoving(index);
                }}
              />
            ))}
            {others.map((item, i) => (
              <li key={item.key} className={styles.selected}>
                <div className={styles.selectedTop}>
                  <div className={styles.selectedText}>
                    <span className={styles.selectedTitle}>{item.label}</span>
                    <span className={styles.selectedMeta}>
                      {[item.detail, item.private ? 'private unless you include it' : null].filter(Boolean).join(' · ')}
                    </span>
                  </div>
                  <div className={styles.selectedActions}>
                    <Button
                      variant="quiet"
                      id={`${id}-rm-${item.key}`}
                      aria-label={`Remove “${item.label}”`}
                      onClick={() => {
                        setDraft(item.remove);
                        setNote(`“${item.label}” is out of the selection.`);
                        focusAfterRemoving(draft.entries.length + i);
                      }}
                    >
                      Remove
                    </Button>
                  </div>
                </div>
              </li>
            ))}
          </ol>
          <Button variant="quiet" onClick={() => startAfresh.ask()}>
            Start afresh
          </Button>
        </>
      )}
      <ConfirmAction
        confirm={startAfresh}
        title="Start afresh?"
        confirmLabel="Start afresh"
        onConfirm={() => {
          onReset();
          setNote('Everything is cleared, ready for a new export.');
          focusOn('heading');
        }}
      >
        <p>
          This clears what you have chosen and any decisions from the check. Nothing in your journal changes, and
          nothing is deleted.
        </p>
      </ConfirmAction>
    </section>
  );
}

interface ItemProps {
  idPrefix: string;
  entry: ChosenEntry;
  index: number;
  total: number;
  onChange: (change: Partial<ChosenEntry>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function ChosenEntryItem({ idPrefix, entry, index, total, onChange, onMove, onRemove }: ItemProps) {
  const id = `${idPrefix}-${entry.id}`;
  const title = entryTitle(entry);
  const queryClient = useQueryClient();
  const [filling, setFilling] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const excerptRef = useRef<HTMLTextAreaElement>(null);

  /** The whole text in the box, to trim down to the part that matters. */
  const fillWholeText = async () => {
    setFilling(true);
    setProblem(null);
    try {
      const full = await queryClient.fetchQuery({
        queryKey: ['export', 'entry', entry.id],
        queryFn: () => unwrap(holding().journal.get({ id: entry.id })),
      });
      onChange({ excerpt: plainTextOf(full.body) });
      excerptRef.current?.focus();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setFilling(false);
    }
  };

  return (
    <li className={styles.selected}>
      <div className={styles.selectedTop}>
        <div className={styles.selectedText}>
          <span className={styles.selectedTitle}>{title}</span>
          <span className={styles.selectedMeta}>
            {KIND_LABELS[entry.kind]}
            {entry.clientMaterial ? <span className={styles.clientTag}> · contains client material</span> : null}
          </span>
        </div>
        <div className={styles.selectedActions}>
          {index > 0 ? (
            <Button
              variant="quiet"
              id={`${idPrefix}-up-${entry.id}`}
              aria-label={`Move “${title}” up`}
              onClick={() => onMove(-1)}
            >
              Up
            </Button>
          ) : null}
          {index < total - 1 ? (
            <Button
              variant="quiet"
              id={`${idPrefix}-down-${entry.id}`}
              aria-label={`Move “${title}” down`}
              onClick={() => onMove(1)}
            >
              Down
            </Button>
          ) : null}
          <Button variant="quiet" id={`${idPrefix}-rm-${entry.id}`} aria-label={`Remove “${title}”`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </div>
      <fieldset className={styles.howMuch}>
        <legend className="visually-hidden">How much of “{title}” to include</legend>
        <label className={styles.inlineRadio}>
          <input type="radio" name={`${id}-much`} checked={!entry.part} onChange={() => onChange({ part: false })} />
          <span>The whole entry</span>
        </label>
        <label className={styles.inlineRadio}>
          <input type="radio" name={`${id}-much`} checked={entry.part} onChange={() => onChange({ part: true })} />
          <span>Just a part</span>
        </label>
      </fieldset>
      {entry.part ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-part`} className={styles.smallLabel}>
            The part of “{title}” to include
          </label>
          <span id={`${id}-part-hint`} className={styles.hint}>
            Paste or type the passage. Only this goes into the export, as a quotation.
          </span>
          <textarea
            id={`${id}-part`}
            ref={excerptRef}
            className={styles.textarea}
            rows={4}
            aria-describedby={`${id}-part-hint`}
            value={entry.excerpt}
            onChange={(e) => onChange({ excerpt: e.target.value })}
          />
          {!entry.excerpt.trim() ? (
            <Button variant="quiet" className={styles.fill} disabled={filling} onClick={() => void fillWholeText()}>
              {filling ? 'Fetching the text…' : 'Start from the whole text, and trim it down'}
            </Button>
          ) : null}
          {problem ? <Notice>{problem}</Notice> : null}
        </div>
      ) : null}
    </li>
  );
}
