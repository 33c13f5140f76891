import { useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  type Modifier,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { describeMinutes } from '../../../../common/supervision/hours';
import { agendaItemFromEntry, functionFromTags } from '../../../../common/supervision/from-entry';
import type {
  AgendaItem,
  FlaggedEntry,
  SessionRecord,
  SupervisionFunction,
  Supervisor,
} from '../../../../common/supervision/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { EntryPicker, entryTitle } from '../../ui/EntryPicker';
import { MoveButtons } from '../../ui/MoveButtons';
import { useFocusLater } from '../../ui/useFocusAfter';
import { useNavigation } from '../frame/navigation';
import { FeedbackBeside } from '../sharing/FeedbackBeside';
import { AgendaItemForm, type NewItemSource } from './AgendaItemForm';
import { functionLabel, PRIORITY_LABELS, sevenEyedLabel, sourceWords } from './format';
import { refreshSupervision, supervisionKeys, useAgenda, useFlaggedEntries } from './queries';
import styles from './supervision.module.css';

type FormState =
  | null
  | { mode: 'new'; source: NewItemSource; fn: SupervisionFunction }
  | { mode: 'picking' }
  | { mode: 'edit'; id: string };

interface Props {
  supervisor: Supervisor;
  sessions: readonly SessionRecord[] | undefined;
  /** Another part of the page asks for a new item of a given function (n changes each time). */
  addRequest: { fn: SupervisionFunction; n: number } | null;
}

const restrictToVertical: Modifier = ({ transform }) => ({ ...transform, x: 0 });

/** The agenda for the next session: gathered from entries and from scratch, put in order, timed. */
export function Agenda({ supervisor, sessions, addRequest }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const agenda = useAgenda(supervisor.id);
  const flagged = useFlaggedEntries(supervisor.id);
  const [form, setForm] = useState<FormState>(null);
  const [note, setNote] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const removing = useConfirm<AgendaItem>();
  // Where focus goes once the list or the form shows the change.
  const focusLater = useFocusLater();
  const items = agenda.data ?? [];

  // Another part of the page asked for a new item: each request (a new object) opens the form once.
  const [requestSeen, setRequestSeen] = useState<Props['addRequest']>(null);
  if (addRequest !== requestSeen) {
    setRequestSeen(addRequest);
    if (addRequest) setForm({ mode: 'new', source: { kind: 'scratch' }, fn: addRequest.fn });
  }

  const reorder = useMutation({
    mutationKey: ['supervision', 'reorder', supervisor.id],
    mutationFn: (ids: string[]) => unwrap(holding().supervision.reorder({ supervisorId: supervisor.id, ids })),
    onMutate: async (ids) => {
      const key = supervisionKeys.agenda(supervisor.id);
      // A read already under way must not put the old order back over the new one.
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<AgendaItem[]>(key);
      if (before) queryClient.setQueryData(key, ids.map((x) => before.find((i) => i.id === x)!).filter(Boolean));
    },
    // Main's order, unless another move is already on its way: that one's optimistic order is newer.
    onSuccess: (value) => {
      if (queryClient.isMutating({ mutationKey: ['supervision', 'reorder', supervisor.id] }) <= 1) {
        queryClient.setQueryData(supervisionKeys.agenda(supervisor.id), value);
      }
    },
    onError: () => void refreshSupervision(queryClient),
  });

  const remove = useMutation({
    mutationFn: (item: AgendaItem) => unwrap(holding().supervision.removeItem({ id: item.id })),
    onSuccess: async (_, item) => {
      await refreshSupervision(queryClient);
      setNote(`“${item.title}” is off the agenda.`);
      focusLater(() => headingRef.current);
    },
  });

  const quickAdd = useMutation({
    /** `next`: the flagged entry that takes its place in the list, for the focus. */
    mutationFn: ({ entry }: { entry: FlaggedEntry; next: string | null }) =>
      unwrap(
        holding().supervision.addItem({
          supervisorId: supervisor.id,
          item: agendaItemFromEntry(entry),
          source: { kind: 'entry', entryId: entry.id, excerpt: null },
        }),
      ),
    onSuccess: async (saved, { next }) => {
      await refreshSupervision(queryClient);
      setNote(
        `“${saved.title}” is on the agenda as a ${saved.function} item of ${saved.minutes} minutes. ${
          saved.question ? 'Use Edit to change anything about it.' : 'Use Edit to say what you want from it.'
        }`,
      );
      focusLater(
        () =>
          (next ? document.querySelector<HTMLElement>(`[data-flagged="${next}"] button`) : null) ?? headingRef.current,
      );
    },
  });

  function move(index: number, to: number, via: 'handle' | 'up' | 'down') {
    if (to < 0 || to >= items.length || to === index) return;
    const ids = arrayMove(
      items.map((i) => i.id),
      index,
      to,
    );
    const item = items[index]!;
    setNote(`Moved “${item.title}” to number ${to + 1} of ${ids.length}.`);
    reorder.mutate(ids);
    // Focus stays with the item, once the list shows it in its new place: on the handle it was carried by, or on
    // the button it was moved with if that still makes sense there (not Move up at the top), else the other one.
    focusLater(() => {
      const shown = listRef.current?.children[to];
      if (!(shown instanceof HTMLElement) || shown.dataset['item'] !== item.id) return null;
      const handle = shown.querySelector<HTMLButtonElement>('[data-handle]');
      const wanted = shown.querySelector<HTMLButtonElement>(`[data-move="${via}"]`);
      const other = shown.querySelector<HTMLButtonElement>(`[data-move="${via === 'up' ? 'down' : 'up'}"]`);
      return via === 'handle' ? handle : wanted && !wanted.disabled ? wanted : other;
    });
  }

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (itemId: UniqueIdentifier) => items.find((i) => i.id === itemId)?.title ?? 'The item';
  const place = (itemId: UniqueIdentifier) =>
    `number ${items.findIndex((i) => i.id === itemId) + 1} of ${items.length}`;
  // Where the item being moved was last said to be: at first over itself, which needs no words.
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      lastOver.current = active.id;
      return `Picked up “${titleOf(active.id)}”, at ${place(active.id)}.`;
    },
    onDragOver: ({ active, over }) => {
      if ((over?.id ?? null) === lastOver.current) return undefined;
      lastOver.current = over?.id ?? null;
      return over
        ? `“${titleOf(active.id)}” would go to ${place(over.id)}.`
        : `“${titleOf(active.id)}” is outside the list.`;
    },
    onDragEnd: ({ active, over }) =>
      over ? `“${titleOf(active.id)}” put down at ${place(over.id)}.` : `“${titleOf(active.id)}” put back.`,
    onDragCancel: ({ active }) => `Left “${titleOf(active.id)}” where it was, at ${place(active.id)}.`,
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = items.findIndex((i) => i.id === active.id);
    const to = items.findIndex((i) => i.id === over.id);
    if (from < 0 || to < 0) return;
    move(from, to, 'handle');
  }

  const closeForm = (saved: AgendaItem | null, returnTo: () => HTMLElement | null) => {
    if (saved) {
      setNote(
        form?.mode === 'edit' ? `Your changes to “${saved.title}” are saved.` : `“${saved.title}” is on the agenda.`,
      );
    }
    setForm(null);
    focusLater(returnTo);
  };

  const total = items.reduce((sum, i) => sum + i.minutes, 0);
  const over = total - supervisor.sessionMinutes;
  const flaggedList = flagged.data ?? [];

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1} className={styles.cardHeading}>
        Agenda for your next session
      </h2>
      <p className={styles.muted}>
        What you would like to bring to {supervisor.name}, in the order you would like to take it.
      </p>
      <div role="status" className={styles.quietStatus} data-testid="agenda-status">
        {note}
      </div>
      {agenda.isError ? <Notice>{describeError(agenda.error)}</Notice> : null}

      {items.length ? (
        <div className={styles.timeTotal} data-testid="agenda-time">
          <p className={styles.timeWords}>
            Time planned: <strong>{`${total} of ${supervisor.sessionMinutes} minutes`}</strong>
          </p>
          <div className={styles.timeTrack} aria-hidden="true">
            <span
              className={over > 0 ? styles.timeFillOver : styles.timeFill}
              style={{ width: `${Math.min(100, (total / Math.max(1, supervisor.sessionMinutes)) * 100)}%` }}
            />
          </div>
          {over > 0 ? (
            <p className={styles.gentle} data-testid="agenda-over">
              That is about {describeMinutes(over)} more than the session holds. It may help to choose what could wait
              for another time.
            </p>
          ) : null}
        </div>
      ) : null}

      {items.length ? (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          modifiers={[restrictToVertical]}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable:
                'To move this item, press Space or Enter to pick it up, then the up and down arrow keys to choose its place. Press Space or Enter again to put it down, or Escape to leave it where it was.',
            },
          }}
        >
          <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
            <ol className={styles.agenda} ref={listRef} aria-label="Agenda items, in order">
              {items.map((item, i) =>
                form?.mode === 'edit' && form.id === item.id ? (
                  <li key={item.id} className={styles.agendaItem}>
                    <AgendaItemForm
                      supervisorId={supervisor.id}
                      initial={item}
                      onDone={(saved) =>
                        closeForm(saved, () =>
                          document.querySelector<HTMLElement>(`[data-item="${item.id}"] [data-edit]`),
                        )
                      }
                    />
                  </li>
                ) : (
                  <SortableItem
                    key={item.id}
                    item={item}
                    index={i}
                    count={items.length}
                    sessions={sessions}
                    onMove={(to, via) => move(i, to, via)}
                    onEdit={() => setForm({ mode: 'edit', id: item.id })}
                    onRemove={() => removing.ask(item)}
                  />
                ),
              )}
            </ol>
          </SortableContext>
        </DndContext>
      ) : agenda.data ? (
        <p className={styles.empty}>
          Nothing on the agenda yet. Add what you would like to bring, or choose from anything you have flagged for
          supervision.
        </p>
      ) : null}
      {reorder.isError ? <Notice>{describeError(reorder.error)}</Notice> : null}
      {remove.isError ? <Notice>{describeError(remove.error)}</Notice> : null}

      {form?.mode === 'new' ? (
        <AgendaItemForm
          key={`${form.source.kind}-${form.source.kind === 'entry' ? form.source.entryId : form.fn}`}
          supervisorId={supervisor.id}
          initial={null}
          source={form.source}
          startFunction={form.fn}
          onChangeEntry={() => setForm({ mode: 'picking' })}
          onDone={(saved) =>
            closeForm(saved, () =>
              document.getElementById(form.source.kind === 'entry' ? `${id}-from-entry` : `${id}-add`),
            )
          }
        />
      ) : form?.mode === 'picking' ? (
        <div className={styles.subForm}>
          <EntryPicker
            label="Bring an entry to the agenda"
            onPick={(entry) =>
              setForm({
                mode: 'new',
                source: { kind: 'entry', entryId: entry.id, entryTitle: entryTitle(entry) },
                fn: functionFromTags(entry.tags) ?? 'formative',
              })
            }
            onCancel={() => {
              setForm(null);
              focusLater(() => document.getElementById(`${id}-from-entry`));
            }}
          />
        </div>
      ) : (
        <div className={styles.row}>
          <Button
            variant="secondary"
            id={`${id}-add`}
            onClick={() => setForm({ mode: 'new', source: { kind: 'scratch' }, fn: 'formative' })}
          >
            Add an item
          </Button>
          <Button variant="secondary" id={`${id}-from-entry`} onClick={() => setForm({ mode: 'picking' })}>
            Add from an entry
          </Button>
        </div>
      )}

      {flaggedList.length ? (
        <div className={styles.flagged} role="group" aria-labelledby={`${id}-flagged`}>
          <h3 id={`${id}-flagged`} className={styles.subHeading}>
            Flagged to bring to supervision
          </h3>
          <p className={styles.muted}>Entries you have flagged that are not on this agenda yet.</p>
          <ul className={styles.flaggedList}>
            {flaggedList.map((s, i) => (
              <li key={s.id} className={styles.flaggedEntry} data-flagged={s.id}>
                <div className={styles.flaggedText}>
                  <span className={styles.flaggedTitle}>{entryTitle(s)}</span>
                  {s.excerpt ? <span className={styles.flaggedExcerpt}>{s.excerpt}</span> : null}
                </div>
                <Button
                  variant="secondary"
                  aria-label={`Add to agenda: “${entryTitle(s)}”`}
                  disabled={quickAdd.isPending}
                  onClick={() =>
                    quickAdd.mutate({ entry: s, next: (flaggedList[i + 1] ?? flaggedList[i - 1])?.id ?? null })
                  }
                >
                  Add to agenda
                </Button>
              </li>
            ))}
          </ul>
          {quickAdd.isError ? <Notice>{describeError(quickAdd.error)}</Notice> : null}
        </div>
      ) : null}
      {flagged.isError ? <Notice>{describeError(flagged.error)}</Notice> : null}

      <ConfirmAction
        confirm={removing}
        title={(item) => `Take “${item.title}” off the agenda?`}
        confirmLabel="Remove item"
        onConfirm={(item) => remove.mutate(item)}
      >
        {(item) => (
          <p>
            {item.source.kind === 'action'
              ? 'The action itself stays open. It will come back to the agenda after your next session, unless you mark it done.'
              : item.source.kind === 'entry'
                ? 'What you wrote for this item goes. The entry it came from stays just as it is in your journal.'
                : 'What you wrote for this item goes with it.'}
          </p>
        )}
      </ConfirmAction>
    </section>
  );
}

interface ItemProps {
  item: AgendaItem;
  index: number;
  count: number;
  sessions: readonly SessionRecord[] | undefined;
  onMove: (to: number, via: 'up' | 'down') => void;
  onEdit: () => void;
  onRemove: () => void;
}

function SortableItem({ item, index, count, sessions, onMove, onEdit, onRemove }: ItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  });
  const source = sourceWords(item, sessions);
  const navigation = useNavigation();
  const eyed = sevenEyedLabel(item.sevenEyed);
  return (
    <li
      ref={setNodeRef}
      className={[styles.agendaItem, isDragging ? styles.dragging : ''].filter(Boolean).join(' ')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-item={item.id}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className={styles.handle}
        data-handle
        {...attributes}
        aria-roledescription={undefined}
        {...listeners}
      >
        <svg viewBox="0 0 10 16" width="10" height="16" aria-hidden="true" focusable="false">
          {[3, 8, 13].map((y) => (
            <g key={y}>
              <circle cx="2.5" cy={y} r="1.5" />
              <circle cx="7.5" cy={y} r="1.5" />
            </g>
          ))}
        </svg>
        <span className="visually-hidden">Move “{item.title}”</span>
      </button>
      <div className={styles.itemBody}>
        <div className={styles.itemTop}>
          <h3 className={styles.itemTitle}>{item.title}</h3>
          <span className={styles.itemMinutes} aria-hidden="true">
            {item.minutes} min
          </span>
        </div>
        <p className={styles.itemMeta}>
          <span className={styles.fnTag} data-function={item.function}>
            {functionLabel(item.function)}
          </span>
          <span>{PRIORITY_LABELS[item.priority]} priority</span>
          <span className="visually-hidden">{item.minutes} minutes</span>
        </p>
        {item.question ? (
          <p className={styles.itemLine}>
            <span className={styles.itemLabel}>What I want from supervision:</span> {item.question}
          </p>
        ) : null}
        {item.notes ? <p className={styles.itemLine}>{item.notes}</p> : null}
        {item.source.kind === 'entry' && item.source.excerpt ? (
          <blockquote className={styles.excerpt}>{item.source.excerpt}</blockquote>
        ) : null}
        {eyed || item.graces.length ? (
          <p className={styles.itemSmall}>
            {eyed ? <span>Seven-eyed: {eyed}</span> : null}
            {item.graces.length ? <span>Social GRACES: {item.graces.join(', ')}</span> : null}
          </p>
        ) : null}
        {source.length ? <p className={styles.itemSource}>{source.join(' · ')}</p> : null}
        <FeedbackBeside sourceId={item.id} compact />
        <div className={styles.itemActions}>
          {item.source.kind === 'entry' && item.source.entryId ? (
            <Button
              variant="quiet"
              aria-label={`Open the entry “${item.source.entryTitle || 'Untitled'}”`}
              onClick={() =>
                item.source.kind === 'entry' && item.source.entryId && navigation.openEntry(item.source.entryId)
              }
            >
              Open the entry
            </Button>
          ) : null}
          <MoveButtons
            name={item.title}
            index={index}
            count={count}
            onMove={(direction) => onMove(direction === 'up' ? index - 1 : index + 1, direction)}
          />
          <Button variant="quiet" data-edit aria-label={`Edit “${item.title}”`} onClick={onEdit}>
            Edit
          </Button>
          <Button variant="quiet" aria-label={`Remove “${item.title}”`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </div>
    </li>
  );
}
