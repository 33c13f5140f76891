import { lazy, Suspense, useState } from 'react';
import type { Checkin } from '../../../../common/checkins/types';
import { describeError } from '../../api';
import { Notice } from '../../ui/controls';
import { CheckinSection } from './CheckinForm';
import { useCheckins, useSigns, useSuggestions } from './queries';
import { RecentCheckins } from './RecentCheckins';
import { SignsSection } from './SignsSection';
import { Suggestions } from './Suggestions';
import styles from './checkins.module.css';

// The chart library is large; it loads when this page first opens, not when Holding starts.
const Trend = lazy(() => import('./Trend').then((m) => ({ default: m.Trend })));

/** Check-ins: a quick look at capacity, the person's own early-warning signs, and how things have been. */
export function CheckinsPage() {
  const checkins = useCheckins();
  const signs = useSigns();
  const suggestions = useSuggestions();
  const [editing, setEditing] = useState<Checkin | null>(null);
  // A new key gives a fresh, empty form; its heading takes focus only after a person's action.
  const [formKey, setFormKey] = useState(0);
  const [focusForm, setFocusForm] = useState(0);
  const [status, setStatus] = useState('');
  const [suggestionNote, setSuggestionNote] = useState('');
  const [addSign, setAddSign] = useState(0);

  const freshForm = (focus: boolean) => {
    setEditing(null);
    if (focus) setFocusForm((n) => n + 1);
    setFormKey((k) => k + 1);
  };

  return (
    <div className={styles.page}>
      <h1 tabIndex={-1}>Check-ins</h1>
      <p className={styles.intro}>
        A quick way of noticing how much you have in reserve today. There are no right answers, and nothing here is a
        score.
      </p>
      <p className={styles.privacy}>
        Your check-ins and signs stay private to you. None of them is exported or shared unless you choose it.
      </p>
      <div className={styles.columns}>
        <div className={styles.column}>
          <div role="status" className={styles.quietStatus}>
            {suggestionNote}
          </div>
          {suggestions.isError ? <Notice>{describeError(suggestions.error)}</Notice> : null}
          <Suggestions suggestions={suggestions.data ?? []} signs={signs.data} onNote={setSuggestionNote} />
          <CheckinSection
            formKey={editing ? `edit-${editing.id}-${formKey}` : `new-${formKey}`}
            editing={editing}
            signs={signs.data}
            focusRequest={focusForm}
            status={status}
            onSaved={(message) => {
              setStatus(message);
              freshForm(true);
            }}
            onCancelEdit={() => {
              setStatus('');
              freshForm(true);
            }}
            onAddSigns={() => setAddSign((n) => n + 1)}
          />
          <SignsSection signs={signs.data} loadError={signs.error} addRequest={addSign} />
        </div>
        <div className={styles.column}>
          <Suspense fallback={<p className={styles.intro}>Drawing the chart…</p>}>
            <Trend checkins={checkins.data} />
          </Suspense>
          <RecentCheckins
            checkins={checkins.data}
            loadError={checkins.error}
            editingId={editing?.id ?? null}
            onEdit={(c) => {
              setStatus('');
              setEditing(c);
              setFocusForm((n) => n + 1);
              setFormKey((k) => k + 1);
            }}
            onDeleted={(c) => {
              if (editing?.id === c.id) {
                setStatus('');
                freshForm(false);
              }
            }}
          />
        </div>
      </div>
    </div>
  );
}
