import { type FormEvent, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Template, TemplateSection } from '../../../../common/journal/templates';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice, TextField } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { journalKeys } from './queries';
import styles from './journal.module.css';

type Editing = { id?: string; name: string; description: string; sections: TemplateSection[] };

/** The reflective models Holding offers, and the person's own templates. */
export function TemplatesView() {
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: journalKeys.templates, queryFn: () => unwrap(holding().templates.list()) });
  const [editing, setEditing] = useState<Editing | null>(null);
  const deleting = useConfirm<Template>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: journalKeys.templates });
  const duplicate = useMutation({
    mutationFn: (id: string) => unwrap(holding().templates.duplicate({ id })),
    onSuccess: (t) => {
      refresh();
      setEditing({ id: t.id, name: t.name, description: t.description, sections: t.sections });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(holding().templates.delete({ id })),
    onSuccess: refresh,
  });

  if (editing) return <TemplateForm initial={editing} onDone={() => setEditing(null)} />;
  return (
    <div className={styles.editorPane}>
      <h2>Templates</h2>
      <p className={styles.status}>
        Each template gives a new entry its headings, with a gentle question under each. Duplicate one to change it, or
        make your own.
      </p>
      <Actions>
        <Button onClick={() => setEditing({ name: '', description: '', sections: [{ heading: '', prompt: '' }] })}>
          New template
        </Button>
      </Actions>
      {duplicate.isError || remove.isError ? <Notice>{describeError(duplicate.error ?? remove.error)}</Notice> : null}
      <ul className={styles.historyList} aria-label="Templates">
        {templates.data?.map((t) => (
          <li key={t.id} className={styles.compare}>
            <strong>{t.name}</strong>
            {t.builtin ? <span className={styles.status}> · built in</span> : null}
            <div className={styles.status}>{t.description}</div>
            {t.sections.length ? (
              <div className={styles.status}>{t.sections.map((s) => s.heading).join(' · ')}</div>
            ) : null}
            <div className={styles.row}>
              {!t.builtin ? (
                <Button
                  variant="quiet"
                  onClick={() =>
                    setEditing({ id: t.id, name: t.name, description: t.description, sections: t.sections })
                  }
                  aria-label={`Edit ${t.name}`}
                >
                  Edit
                </Button>
              ) : null}
              <Button variant="quiet" onClick={() => duplicate.mutate(t.id)} aria-label={`Duplicate ${t.name}`}>
                Duplicate
              </Button>
              {!t.builtin ? (
                <Button variant="quiet" onClick={() => deleting.ask(t)} aria-label={`Delete ${t.name}`}>
                  Delete
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmAction
        confirm={deleting}
        title={(t) => `Delete “${t.name}”?`}
        confirmLabel="Delete template"
        onConfirm={(t) => remove.mutate(t.id)}
      >
        <p>Entries you started from it keep every word; they just no longer show its prompts.</p>
      </ConfirmAction>
    </div>
  );
}

function TemplateForm({ initial, onDone }: { initial: Editing; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [t, setT] = useState<Editing>(initial);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        holding().templates.save({
          ...(t.id ? { id: t.id } : {}),
          name: t.name,
          description: t.description,
          sections: t.sections,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: journalKeys.templates });
      onDone();
    },
  });
  const setSection = (i: number, changes: Partial<TemplateSection>) =>
    setT((x) => ({ ...x, sections: x.sections.map((s, j) => (j === i ? { ...s, ...changes } : s)) }));
  const moveSection = (i: number, by: number) =>
    setT((x) => {
      const sections = [...x.sections];
      const [s] = sections.splice(i, 1);
      sections.splice(Math.max(0, Math.min(sections.length, i + by)), 0, s!);
      return { ...x, sections };
    });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <div className={styles.editorPane}>
      <h2>{t.id ? 'Edit template' : 'New template'}</h2>
      <form onSubmit={submit} noValidate aria-label={t.id ? 'Edit template' : 'New template'}>
        <TextField
          label="Name"
          value={t.name}
          maxLength={120}
          onChange={(e) => setT({ ...t, name: e.target.value })}
          autoFocus
        />
        <TextField
          label="Description"
          value={t.description}
          maxLength={500}
          onChange={(e) => setT({ ...t, description: e.target.value })}
        />
        {t.sections.map((s, i) => (
          <fieldset key={i} className={styles.compare}>
            <legend>Section {i + 1}</legend>
            <TextField
              label="Heading"
              value={s.heading}
              maxLength={120}
              onChange={(e) => setSection(i, { heading: e.target.value })}
            />
            <TextField
              label="Question to prompt you"
              value={s.prompt}
              maxLength={500}
              onChange={(e) => setSection(i, { prompt: e.target.value })}
            />
            <div className={styles.row}>
              <Button
                variant="quiet"
                disabled={i === 0}
                onClick={() => moveSection(i, -1)}
                aria-label={`Move up section ${i + 1}`}
              >
                Move up
              </Button>
              <Button
                variant="quiet"
                disabled={i === t.sections.length - 1}
                onClick={() => moveSection(i, 1)}
                aria-label={`Move down section ${i + 1}`}
              >
                Move down
              </Button>
              <Button
                variant="quiet"
                onClick={() => setT({ ...t, sections: t.sections.filter((_, j) => j !== i) })}
                aria-label={`Remove section ${i + 1}`}
              >
                Remove
              </Button>
            </div>
          </fieldset>
        ))}
        <Actions>
          <Button
            variant="secondary"
            disabled={t.sections.length >= 20}
            onClick={() => setT({ ...t, sections: [...t.sections, { heading: '', prompt: '' }] })}
          >
            Add a section
          </Button>
        </Actions>
        {save.isError ? <Notice>{describeError(save.error)}</Notice> : null}
        <Actions>
          <Button type="submit" disabled={save.isPending}>
            Save template
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </Actions>
      </form>
    </div>
  );
}
