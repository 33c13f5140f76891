import { useId, useState } from 'react';
import { useNavigation } from '../frame/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SuggestionView, WarningSign } from '../../../../common/checkins/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { entryTitle } from '../../ui/EntryPicker';
import { checkinKeys } from './queries';
import styles from './checkins.module.css';

interface Props {
  suggestions: readonly SuggestionView[];
  signs: readonly WarningSign[] | undefined;
  /** What happened after a choice, said in the page's status line. */
  onNote: (note: string) => void;
}

function describe(s: SuggestionView): { title: string; text: string } {
  if (s.kind === 'falling') {
    return {
      title: 'Your capacity lately',
      text: `Your last few check-ins have been lower than is usual for you: around ${Math.round(s.recent)} out of 10, where you are more often near ${Math.round(s.baseline)}. Nothing has to happen because of this. If it would help, you could bring it to supervision, or give yourself some time out.`,
    };
  }
  if (s.kind === 'low') {
    return {
      title: 'Running low',
      text: 'Your last few check-ins have all been on the low side, with very little left. Whatever is usual for you, that is a lot to carry. Nothing has to happen because of this. If it would help, you could bring it to supervision, or give yourself some time out.',
    };
  }
  return {
    title: `“${s.signName}”`,
    text: `“${s.signName}” has come up in ${s.times} of your check-ins over the past fortnight. You know this sign better than anyone, and it may be asking for a little room. You could bring it to supervision, or give yourself some time out.`,
  };
}

/** Gentle, and only ever offered: each suggestion can be taken to supervision, acted on, or set aside. */
export function Suggestions({ suggestions, signs, onNote }: Props) {
  const id = useId();
  if (!suggestions.length) return null;
  return (
    <section className={`${styles.card} ${styles.suggestions}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Something you might notice</h2>
      {suggestions.map((s) => (
        <SuggestionCard key={s.key} suggestion={s} signs={signs} onNote={onNote} />
      ))}
    </section>
  );
}

function SuggestionCard({
  suggestion,
  signs,
  onNote,
}: {
  suggestion: SuggestionView;
  signs: readonly WarningSign[] | undefined;
  onNote: (note: string) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const navigation = useNavigation();
  const [timeOut, setShowTimeOut] = useState(false);
  const { title, text } = describe(suggestion);
  const setAside = () => void queryClient.invalidateQueries({ queryKey: checkinKeys.suggestions });

  // With more than one supervision under way, the person chooses whose agenda it joins.
  const supervisions = useQuery({
    queryKey: ['supervision', 'supervisors'],
    queryFn: () => unwrap(holding().supervision.supervisors()),
  });
  const under = (supervisions.data ?? []).filter((s) => !s.endedAt);
  const [withId, setWithId] = useState<string | null>(null);
  const chosen = under.find((s) => s.id === withId) ?? under[0] ?? null;

  const bring = useMutation({
    mutationFn: () =>
      unwrap(holding().checkins.bringToSupervision({ key: suggestion.key, supervisorId: chosen?.id ?? null })),
    onSuccess: ({ entry, supervisorName }) => {
      void queryClient.invalidateQueries({ queryKey: ['journal'] });
      void queryClient.invalidateQueries({ queryKey: ['supervision'] });
      onNote(
        supervisorName
          ? `Added to your journal as “${entryTitle(entry)}”, and to the agenda for your next supervision with ${supervisorName} as a restorative item. You can add to both whenever you are ready.`
          : `Added to your journal as “${entryTitle(entry)}”, flagged for you to bring to supervision. You can add to it whenever you are ready.`,
      );
      setAside();
    },
  });
  const dismiss = useMutation({
    mutationFn: () => unwrap(holding().checkins.dismiss({ key: suggestion.key })),
    onSuccess: () => {
      onNote('Set aside. It will only come back if things change.');
      setAside();
    },
  });

  // The sign this is about first, then the rest: the person's own words for what helps.
  const own = (signs ?? [])
    .filter((f) => f.whatHelps || f.contact)
    .sort((a, b) =>
      suggestion.kind === 'recurring'
        ? Number(b.name === suggestion.signName) - Number(a.name === suggestion.signName)
        : 0,
    );

  return (
    <div className={styles.suggestion} role="group" aria-labelledby={`${id}-t`} data-testid="suggestion">
      <h3 id={`${id}-t`} className={styles.suggestionTitle}>
        {title}
      </h3>
      <p>{text}</p>
      <div className={styles.row}>
        {under.length > 1 ? (
          <label className={styles.row}>
            <span>Supervision with</span>
            <select
              className={styles.suggestionSelect}
              value={chosen?.id ?? ''}
              onChange={(e) => setWithId(e.target.value)}
            >
              {under.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Button onClick={() => bring.mutate()} disabled={bring.isPending || dismiss.isPending}>
          Bring to supervision
        </Button>
        <Button
          variant="secondary"
          aria-expanded={timeOut}
          aria-controls={`${id}-out`}
          onClick={() => setShowTimeOut((t) => !t)}
        >
          Take time out
        </Button>
        <Button variant="quiet" onClick={() => dismiss.mutate()} disabled={bring.isPending || dismiss.isPending}>
          Not now
        </Button>
      </div>
      <div id={`${id}-out`} hidden={!timeOut} className={styles.timeOut}>
        <p>
          Time out is part of looking after the work, not a step away from it. Even ten unhurried minutes can count.
        </p>
        {own.length ? (
          <>
            <p>What you have said helps:</p>
            <ul className={styles.helps}>
              {own.map((f) => (
                <li key={f.id}>
                  <strong>{f.name}</strong>
                  {f.whatHelps ? <span>: {f.whatHelps}</span> : null}
                  {f.contact ? <span className={styles.contact}>Who to contact: {f.contact}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className={styles.muted}>
            When you write down what helps with each of your early-warning signs, it will be here for moments like this.
          </p>
        )}
        <p>
          If it feels like more than time out can hold,{' '}
          <button type="button" className={styles.linkButton} onClick={() => navigation.goTo('support')}>
            Support
          </button>{' '}
          has your people and services you can turn to, whatever the hour.
        </p>
      </div>
      {bring.isError ? <Notice>{describeError(bring.error)}</Notice> : null}
      {dismiss.isError ? <Notice>{describeError(dismiss.error)}</Notice> : null}
    </div>
  );
}
