import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MAX_SUPPORT_CONTACTS,
  regionFromLanguage,
  type SupportContact,
  type SupportRegion,
  type SupportView,
} from '../../../../common/support/services';
import { describeError, holding, unwrap } from '../../api';
import { Actions, Button, Notice, TextField } from '../../ui/controls';
import { ServicesList } from './ServicesList';
import styles from './support.module.css';

const supportKey = ['support'] as const;

/** The country to show when the person has not chosen one: the one their computer's language names. */
export function guessedRegion(): SupportRegion | 'all' {
  return regionFromLanguage(typeof navigator !== 'undefined' ? navigator.language : undefined) ?? 'all';
}

type Draft = { id?: string | undefined; name: string; how: string; note: string };

/**
 * Support: a place to turn when things are hard. The person's own people first (those they added here, and
 * those they named beside their early-warning signs), then services for clinicians and for anyone.
 * Everything on it works offline.
 */
export function SupportPage() {
  const queryClient = useQueryClient();
  const view = useQuery({ queryKey: supportKey, queryFn: () => unwrap(holding().support.get()) });
  const save = useMutation({
    mutationFn: (changes: Parameters<ReturnType<typeof holding>['support']['save']>[0]) =>
      unwrap(holding().support.save(changes)),
    onSuccess: (next) => queryClient.setQueryData(supportKey, next),
  });
  const data = view.data;
  const region = data?.region ?? guessedRegion();
  return (
    <div className={styles.page}>
      <h1 tabIndex={-1}>Support</h1>
      <p className={styles.lede}>
        When things are hard, you do not have to hold it all on your own. Here are the people you have said you can turn
        to, and services that are there for you, whatever the hour.
      </p>
      {view.isError ? <Notice>{describeError(view.error)}</Notice> : null}
      {data ? (
        <>
          <YourPeople view={data} onSave={(contacts) => save.mutate({ contacts })} saving={save.isPending} />
          <section className={styles.block} aria-labelledby="support-services-h">
            <h2 id="support-services-h">Services you can turn to</h2>
            <ServicesList
              region={region}
              onRegion={(next) => save.mutate({ region: next })}
              hidden={data.hidden}
              onHide={(id) => save.mutate({ hidden: [...data.hidden, id] })}
              onShowHidden={() => save.mutate({ hidden: [] })}
            />
          </section>
        </>
      ) : null}
      {save.isError ? <Notice>{describeError(save.error)}</Notice> : null}
    </div>
  );
}

function YourPeople({
  view,
  onSave,
  saving,
}: {
  view: SupportView;
  onSave: (contacts: Draft[]) => void;
  saving: boolean;
}) {
  const [editing, setEditing] = useState<Draft | null>(null);
  const { contacts, fromSigns } = view;
  const without = (id: string) => contacts.filter((c) => c.id !== id);
  return (
    <section className={styles.block} aria-labelledby="support-people-h">
      <h2 id="support-people-h">Your people</h2>
      {contacts.length === 0 && fromSigns.length === 0 ? (
        <p className={styles.muted}>
          Who would you want to hear from on a hard day? A friend, a colleague you trust, your GP or your own therapist.
          Adding them here means they are one click away when finding a number feels like too much.
        </p>
      ) : null}
      {contacts.length > 0 ? (
        <ul className={styles.people} aria-label="People you added">
          {contacts.map((contact) => (
            <li key={contact.id} className={styles.person}>
              <strong>{contact.name}</strong>
              {contact.how ? <span className={styles.number}>{contact.how}</span> : null}
              {contact.note ? <span className={styles.muted}>{contact.note}</span> : null}
              <span className={styles.personActions}>
                <Button variant="quiet" onClick={() => setEditing(contact)} aria-label={`Change ${contact.name}`}>
                  Change
                </Button>
                <Button
                  variant="quiet"
                  disabled={saving}
                  onClick={() => onSave(without(contact.id))}
                  aria-label={`Remove ${contact.name}`}
                >
                  Remove
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {fromSigns.length > 0 ? (
        <>
          <h3 className={styles.subheading}>Who you named beside your early-warning signs</h3>
          <ul className={styles.people} aria-label="Named beside your early-warning signs">
            {fromSigns.map((item) => (
              <li key={`${item.sign}-${item.contact}`} className={styles.person}>
                <strong>{item.contact}</strong>
                <span className={styles.muted}>for “{item.sign}”</span>
              </li>
            ))}
          </ul>
          <p className={styles.muted}>You can change these with your signs, on the Check-ins page.</p>
        </>
      ) : null}
      {editing ? (
        <ContactForm
          initial={editing}
          saving={saving}
          onCancel={() => setEditing(null)}
          onSave={(draft) => {
            const next: Draft[] = draft.id
              ? contacts.map((c) => (c.id === draft.id ? draft : c))
              : [...contacts, draft];
            onSave(next);
            setEditing(null);
          }}
        />
      ) : contacts.length < MAX_SUPPORT_CONTACTS ? (
        <Button variant="secondary" onClick={() => setEditing({ name: '', how: '', note: '' })}>
          Add someone
        </Button>
      ) : null}
    </section>
  );
}

function ContactForm({
  initial,
  saving,
  onSave,
  onCancel,
}: {
  initial: Draft | SupportContact;
  saving: boolean;
  onSave: (draft: Draft) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [how, setHow] = useState(initial.how);
  const [note, setNote] = useState(initial.note);
  const [problem, setProblem] = useState('');
  return (
    <form
      className={styles.form}
      aria-labelledby={`${id}-h`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) {
          setProblem('Please give a name, so you know who this is.');
          return;
        }
        onSave({ id: initial.id, name, how, note });
      }}
    >
      <h3 id={`${id}-h`} className={styles.subheading}>
        {initial.id ? `Change ${initial.name}` : 'Someone you can turn to'}
      </h3>
      <TextField label="Name" value={name} maxLength={300} onChange={(e) => setName(e.target.value)} autoFocus />
      <TextField
        label="How to reach them"
        hint="A number, an e-mail address, where to find them."
        value={how}
        maxLength={300}
        onChange={(e) => setHow(e.target.value)}
      />
      <TextField
        label="A note for yourself (optional)"
        hint="For example: “best in the evenings”, or “says I can call any time”."
        value={note}
        maxLength={300}
        onChange={(e) => setNote(e.target.value)}
      />
      {problem ? <Notice>{problem}</Notice> : null}
      <Actions>
        <Button type="submit" disabled={saving}>
          Keep
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </Actions>
    </form>
  );
}
