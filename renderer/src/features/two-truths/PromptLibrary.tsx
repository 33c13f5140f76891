import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PromptView, THEMES, type ThemeId } from '../../../../common/two-truths/prompts';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { twoTruthsKeys } from './TwoTruthsForm';
import journal from '../journal/journal.module.css';
import styles from './two-truths.module.css';

const MAX_PROMPT = 300;

export function PairText({ prompt }: { prompt: Pick<PromptView, 'a' | 'b'> }) {
  return (
    <p className={styles.pairText} dir="auto">
      {prompt.a} <em>and yet</em> {prompt.b}
    </p>
  );
}

/** The prompt pairs by theme: start from one, reword it, hide it, or add pairs of your own. */
export function PromptLibrary({ onStart, starting }: { onStart: (promptId: string) => void; starting: boolean }) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const prompts = useQuery({ queryKey: twoTruthsKeys.prompts, queryFn: () => unwrap(holding().twoTruths.prompts()) });
  const [showHidden, setShowHidden] = useState(false);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const deleting = useConfirm<PromptView>();
  const [message, setMessage] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: twoTruthsKeys.prompts });

  const hide = useMutation({
    mutationFn: (p: { id: string; hidden: boolean }) => unwrap(holding().twoTruths.hidePrompt(p)),
    onSuccess: (p) => {
      refresh();
      setMessage(p.hidden ? 'Hidden. You can show it again from the hidden prompts.' : 'Showing it again.');
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(holding().twoTruths.removePrompt({ id })),
    onSuccess: (_v, id) => {
      refresh();
      setMessage(id.startsWith('builtin:') ? 'Back to its original wording.' : 'Your prompt has been deleted.');
    },
  });

  const all = prompts.data ?? [];
  const hiddenCount = all.filter((p) => p.hidden).length;
  const shown = all.filter((p) => showHidden || !p.hidden);

  return (
    <div className={journal.editorPane}>
      <div className={styles.library}>
        <h2 id={headingId}>Prompt library</h2>
        <p className={styles.small}>
          Pairs of things that can both be true. Start from any of them, reword them so they sound like you, hide the
          ones that do not fit, or add your own.
        </p>
        <div className={journal.row}>
          <Button onClick={() => setEditing('new')} disabled={editing === 'new'}>
            Add your own prompt
          </Button>
          {hiddenCount ? (
            <Button variant="quiet" aria-pressed={showHidden} onClick={() => setShowHidden((s) => !s)}>
              {showHidden ? 'Leave out hidden prompts' : `Show hidden prompts (${hiddenCount})`}
            </Button>
          ) : null}
        </div>
        <p role="status" className={styles.small}>
          {message}
        </p>
        {editing === 'new' ? (
          <PromptForm
            onDone={(saved) => {
              setEditing(null);
              if (saved) {
                refresh();
                setMessage('Your prompt has been added to its theme.');
              }
            }}
          />
        ) : null}
        {prompts.isError ? <Notice>{describeError(prompts.error)}</Notice> : null}
        {hide.isError ? <Notice>{describeError(hide.error)}</Notice> : null}
        {remove.isError ? <Notice>{describeError(remove.error)}</Notice> : null}
        {THEMES.map((theme) => {
          const items = shown.filter((p) => p.theme === theme.id);
          if (!items.length) return null;
          return (
            <section key={theme.id} className={styles.themeSection} aria-labelledby={`${headingId}-${theme.id}`}>
              <h3 id={`${headingId}-${theme.id}`}>{theme.label}</h3>
              <ul className={styles.prompts}>
                {items.map((p) =>
                  editing === p.id ? (
                    <li key={p.id}>
                      <PromptForm
                        prompt={p}
                        onDone={(saved) => {
                          setEditing(null);
                          if (saved) {
                            refresh();
                            setMessage('Saved your wording.');
                          }
                        }}
                      />
                    </li>
                  ) : (
                    <li key={p.id} className={`${styles.prompt} ${p.hidden ? styles.promptHidden : ''}`}>
                      <div className={styles.promptText}>
                        <PairText prompt={p} />
                        <span className={styles.small}>
                          {p.builtin ? (p.edited ? 'Reworded by you' : '') : 'Your own'}
                          {p.hidden ? `${p.builtin && !p.edited ? '' : ' · '}Hidden` : ''}
                        </span>
                      </div>
                      <div className={styles.promptActions}>
                        <Button
                          variant="secondary"
                          disabled={starting}
                          aria-label={`Start from this: ${p.a}`}
                          onClick={() => onStart(p.id)}
                        >
                          Start from this
                        </Button>
                        <Button variant="quiet" aria-label={`Edit: ${p.a}`} onClick={() => setEditing(p.id)}>
                          Edit
                        </Button>
                        <Button
                          variant="quiet"
                          aria-label={`${p.hidden ? 'Show again' : 'Hide'}: ${p.a}`}
                          onClick={() => hide.mutate({ id: p.id, hidden: !p.hidden })}
                        >
                          {p.hidden ? 'Show again' : 'Hide'}
                        </Button>
                        {!p.builtin ? (
                          <Button variant="quiet" aria-label={`Delete: ${p.a}`} onClick={() => deleting.ask(p)}>
                            Delete
                          </Button>
                        ) : p.edited ? (
                          <Button
                            variant="quiet"
                            aria-label={`Restore the original wording: ${p.a}`}
                            onClick={() => remove.mutate(p.id)}
                          >
                            Restore the original wording
                          </Button>
                        ) : null}
                      </div>
                    </li>
                  ),
                )}
              </ul>
            </section>
          );
        })}
      </div>
      <ConfirmAction
        confirm={deleting}
        title="Delete this prompt?"
        confirmLabel="Delete prompt"
        onConfirm={(p) => remove.mutate(p.id)}
      >
        <p>Entries you started from it stay exactly as they are.</p>
      </ConfirmAction>
    </div>
  );
}

function PromptForm({ prompt, onDone }: { prompt?: PromptView; onDone: (saved: boolean) => void }) {
  const id = useId();
  const [theme, setTheme] = useState<ThemeId>(prompt?.theme ?? 'responsibility');
  const [a, setA] = useState(prompt?.a ?? '');
  const [b, setB] = useState(prompt?.b ?? '');
  const save = useMutation({
    mutationFn: () => unwrap(holding().twoTruths.savePrompt({ ...(prompt ? { id: prompt.id } : {}), theme, a, b })),
    onSuccess: () => onDone(true),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className={styles.promptForm} onSubmit={submit} aria-label={prompt ? 'Edit prompt' : 'Your own prompt'}>
      {prompt?.builtin ? null : (
        <label>
          Theme
          <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeId)}>
            {THEMES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-a`}>First truth</label>
      <input
        id={`${id}-a`}
        value={a}
        maxLength={MAX_PROMPT}
        autoFocus
        dir="auto"
        onChange={(e) => setA(e.target.value)}
      />
      <label htmlFor={`${id}-b`}>And yet</label>
      <input id={`${id}-b`} value={b} maxLength={MAX_PROMPT} dir="auto" onChange={(e) => setB(e.target.value)} />
      {save.isError ? <Notice>{describeError(save.error)}</Notice> : null}
      <div className={journal.row}>
        <Button type="submit" disabled={save.isPending}>
          {prompt ? 'Save wording' : 'Add prompt'}
        </Button>
        <Button variant="quiet" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
