import { type FormEvent, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MAX_SIGN_CONTACT, MAX_SIGN_HELPS, MAX_SIGN_NAME, type WarningSign } from '../../../../common/checkins/types';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice, TextField } from '../../ui/controls';
import { FormEnd } from '../../ui/FormEnd';
import { MoveButtons } from '../../ui/MoveButtons';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { useFocusLater } from '../../ui/useFocusAfter';
import { checkinKeys, refreshCheckins } from './queries';
import { TextArea } from './TextArea';
import styles from './checkins.module.css';

interface Props {
  signs: readonly WarningSign[] | undefined;
  loadError: unknown;
  /** Changes when another part of the page asks to add a sign. */
  addRequest: number;
}

/** The person's own early-warning signs, with what helps and who they might contact. */
export function SignsSection({ signs, loadError, addRequest }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [editing, setEditing] = useState<WarningSign | 'new' | null>(null);
  const deleting = useConfirm<WarningSign>();
  const focusLater = useFocusLater();
  const [note, setNote] = useState('');

  // Another part of the page asked to add a sign: each request (a new number) opens the form once.
  const [requestSeen, setRequestSeen] = useState(0);
  if (addRequest !== requestSeen) {
    setRequestSeen(addRequest);
    if (addRequest > 0) setEditing('new');
  }

  const remove = useMutation({
    mutationFn: (sign: WarningSign) => unwrap(holding().signs.delete({ id: sign.id })),
    onSuccess: (_, sign) => {
      refreshCheckins(queryClient);
      setNote(`“${sign.name}” is no longer in your list.`);
      headingRef.current?.focus();
    },
  });

  const reorder = useMutation({
    mutationFn: (ids: string[]) => unwrap(holding().signs.reorder({ ids })),
    onMutate: (ids) => {
      const before = queryClient.getQueryData<WarningSign[]>(checkinKeys.signs);
      if (before) {
        queryClient.setQueryData(
          checkinKeys.signs,
          ids.map((x) => before.find((f) => f.id === x)!),
        );
      }
      return before;
    },
    onSuccess: (value) => queryClient.setQueryData(checkinKeys.signs, value),
    onError: () => void queryClient.invalidateQueries({ queryKey: checkinKeys.signs }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: checkinKeys.all }),
  });

  function move(index: number, by: -1 | 1) {
    if (!signs) return;
    const ids = signs.map((f) => f.id);
    const [picked] = ids.splice(index, 1);
    ids.splice(index + by, 0, picked!);
    setNote(`Moved “${signs[index]!.name}” ${by < 0 ? 'up' : 'down'}, to number ${index + by + 1} of ${ids.length}.`);
    reorder.mutate(ids);
    // Keep focus on the sign that moved, once the list shows its new place, on whichever button still makes sense.
    const dir = by < 0 ? 'up' : 'down';
    focusLater(() => {
      const shown = listRef.current?.children[index + by];
      if (!(shown instanceof HTMLElement) || shown.dataset['sign'] !== picked) return null;
      const wanted = shown.querySelector<HTMLButtonElement>(`[data-move="${dir}"]`);
      const other = shown.querySelector<HTMLButtonElement>(`[data-move="${dir === 'up' ? 'down' : 'up'}"]`);
      return wanted && !wanted.disabled ? wanted : other;
    });
  }

  // When a sign's form closes, focus goes back to where the person was: its Edit button, or Add a sign.
  function finishEditing(saved: WarningSign | null, editedId: string | null) {
    if (saved)
      setNote(editedId ? `Your changes to “${saved.name}” are saved.` : `“${saved.name}” is now in your list.`);
    setEditing(null);
    focusLater(() =>
      editedId
        ? listRef.current?.querySelector<HTMLElement>(`[data-sign="${editedId}"] [data-edit]`)
        : document.getElementById(`${id}-add`),
    );
  }

  const list = signs ?? [];

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        Your early-warning signs
      </h2>
      <p className={styles.muted}>
        The small changes that tell you things are getting harder, in your own words: what helps when you notice them,
        and who you might get in touch with.
      </p>
      {loadError ? <Notice>{describeError(loadError)}</Notice> : null}
      <div role="status" className={styles.quietStatus}>
        {note}
      </div>
      {list.length ? (
        <ol className={styles.signs} ref={listRef} aria-label="Your early-warning signs">
          {list.map((sign, i) =>
            editing !== 'new' && editing?.id === sign.id ? (
              <li key={sign.id} className={styles.sign}>
                <SignForm initial={sign} onDone={(saved) => finishEditing(saved, sign.id)} />
              </li>
            ) : (
              <li key={sign.id} className={styles.sign} data-sign={sign.id}>
                <h3 className={styles.signName}>{sign.name}</h3>
                <dl className={styles.details}>
                  <dt>What helps</dt>
                  <dd>{sign.whatHelps || <span className={styles.muted}>Not written yet</span>}</dd>
                  <dt>Who to contact</dt>
                  <dd>{sign.contact || <span className={styles.muted}>Not written yet</span>}</dd>
                </dl>
                <div className={styles.row}>
                  <Button variant="quiet" data-edit aria-label={`Edit “${sign.name}”`} onClick={() => setEditing(sign)}>
                    Edit
                  </Button>
                  <MoveButtons
                    name={sign.name}
                    index={i}
                    count={list.length}
                    onMove={(direction) => move(i, direction === 'up' ? -1 : 1)}
                  />
                  <Button variant="quiet" aria-label={`Delete “${sign.name}”`} onClick={() => deleting.ask(sign)}>
                    Delete
                  </Button>
                </div>
              </li>
            ),
          )}
        </ol>
      ) : signs ? (
        <p className={styles.empty}>
          None yet. Some people notice sleep slipping, snapping at people they love, or dreading the inbox. Yours will
          be your own.
        </p>
      ) : null}
      {reorder.isError ? <Notice>{describeError(reorder.error)}</Notice> : null}
      {remove.isError ? <Notice>{describeError(remove.error)}</Notice> : null}
      {editing === 'new' ? (
        <SignForm initial={null} onDone={(saved) => finishEditing(saved, null)} />
      ) : (
        <Actions>
          <Button variant="secondary" id={`${id}-add`} onClick={() => setEditing('new')}>
            Add a sign
          </Button>
        </Actions>
      )}
      <ConfirmAction
        confirm={deleting}
        title={(sign) => `Delete “${sign.name}”?`}
        confirmLabel="Delete sign"
        onConfirm={(sign) => remove.mutate(sign)}
      >
        {(sign) => (
          <p>
            It will leave your list, along with what helps and who to contact.{' '}
            {sign.timesTicked
              ? 'Past check-ins where you ticked it keep its name, so your history stays as it was.'
              : 'Past check-ins are not changed.'}
          </p>
        )}
      </ConfirmAction>
    </section>
  );
}

function SignForm({ initial, onDone }: { initial: WarningSign | null; onDone: (saved: WarningSign | null) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial?.name ?? '');
  const [whatHelps, setWhatHelps] = useState(initial?.whatHelps ?? '');
  const [contact, setContact] = useState(initial?.contact ?? '');
  const save = useMutation({
    mutationFn: () =>
      unwrap(holding().signs.save({ ...(initial ? { id: initial.id } : {}), name, whatHelps, contact })),
    onSuccess: (saved) => {
      refreshCheckins(queryClient);
      onDone(saved);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  const title = initial ? `Edit “${initial.name}”` : 'Add a sign';
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className={styles.signForm}>
      <h3 id={`${id}-h`}>{title}</h3>
      <TextField
        label="The sign, in your own words"
        hint="For example: “Not wanting to open my emails”."
        value={name}
        maxLength={MAX_SIGN_NAME}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <TextArea
        label="What helps"
        rows={3}
        maxLength={MAX_SIGN_HELPS}
        counted={false}
        value={whatHelps}
        onChange={setWhatHelps}
      />
      <TextField
        label="Who to contact"
        hint="A name, a number, or both. Optional."
        value={contact}
        maxLength={MAX_SIGN_CONTACT}
        onChange={(e) => setContact(e.target.value)}
      />
      <FormEnd sending={save} submitLabel="Save sign" onCancel={() => onDone(null)} />
    </form>
  );
}
