import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { promptOfTheDay } from '../../../../common/two-truths/prompts';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { EntryList, EntrySearch } from '../journal/EntryList';
import { EntryPane } from '../journal/EntryPane';
import { invalidateLists, journalKeys } from '../journal/queries';
import { useEntryPane } from '../journal/useEntryPane';
import { PairText, PromptLibrary } from './PromptLibrary';
import { twoTruthsKeys } from './TwoTruthsForm';
import journal from '../journal/journal.module.css';
import styles from './two-truths.module.css';
import { useSettledQuery } from '../../ui/useSettled';
import { TrashedNotice } from '../journal/EntryParts';

/** Today as YYYY-MM-DD on this computer's calendar, so the prompt changes at local midnight. */
const localDay = () => new Date().toLocaleDateString('en-CA');

export function TwoTruthsPage() {
  const queryClient = useQueryClient();
  const [view, setView] = useState<'entries' | 'library'>('entries');
  const pane = useEntryPane();
  const { selectedId, select: setSelectedId, trashed, listRef } = pane;
  const [query, setQuery] = useState('');
  const settledQuery = useSettledQuery(query);
  const [another, setAnother] = useState(0);

  const prompts = useQuery({ queryKey: twoTruthsKeys.prompts, queryFn: () => unwrap(holding().twoTruths.prompts()) });
  const visible = (prompts.data ?? []).filter((p) => !p.hidden);
  const todays = promptOfTheDay(visible, localDay());
  const shownPrompt = todays && another ? visible[(visible.indexOf(todays) + another) % visible.length] : todays;

  const create = useMutation({
    mutationFn: (promptId: string | null) => unwrap(holding().twoTruths.create({ promptId })),
    onSuccess: (entry) => {
      queryClient.setQueryData(journalKeys.entry(entry.id), entry);
      invalidateLists(queryClient);
      setView('entries');
      pane.openToWrite(entry.id);
    },
  });

  return (
    <div className={journal.page}>
      <section className={journal.listPane} aria-label="Two truths entries">
        <div className={journal.listHeader}>
          <h1 tabIndex={-1}>Two truths</h1>
          {shownPrompt ? (
            <div className={styles.today} role="group" aria-label={another ? 'Another prompt' : 'Prompt of the day'}>
              <p className={styles.todayLabel}>{another ? 'Another prompt' : 'Prompt of the day'}</p>
              <PairText prompt={shownPrompt} />
              <div className={journal.row}>
                <Button onClick={() => create.mutate(shownPrompt.id)} disabled={create.isPending}>
                  Start from this prompt
                </Button>
                <Button variant="quiet" onClick={() => setAnother((n) => n + 1)}>
                  Show another
                </Button>
              </div>
            </div>
          ) : null}
          <div className={journal.row}>
            <Button variant="secondary" onClick={() => create.mutate(null)} disabled={create.isPending}>
              Write your own pair
            </Button>
            <Button
              variant={view === 'library' ? 'primary' : 'quiet'}
              aria-pressed={view === 'library'}
              onClick={() => {
                setView((v) => (v === 'library' ? 'entries' : 'library'));
                setSelectedId(null);
              }}
            >
              Prompt library
            </Button>
          </div>
          <EntrySearch label="Search your two truths" query={query} onQuery={setQuery} listRef={listRef} />
          {create.isError ? <Notice>{describeError(create.error)}</Notice> : null}
          {trashed ? <TrashedNotice key={trashed.id} entry={trashed} onRestored={pane.restored} /> : null}
        </div>
        <EntryList
          ref={listRef}
          filters={{ query: settledQuery, kind: 'two-truths' }}
          selectedId={selectedId}
          onSelect={(id) => {
            setView('entries');
            setSelectedId(id);
          }}
          onOpen={(id) => {
            setView('entries');
            pane.openToWrite(id);
          }}
          label="Two truths entries"
        />
      </section>
      {view === 'library' ? (
        <PromptLibrary onStart={(id) => create.mutate(id)} starting={create.isPending} />
      ) : selectedId ? (
        <EntryPane key={selectedId} {...pane.paneProps(selectedId)} />
      ) : (
        <div className={journal.editorPane}>
          <div className={journal.empty}>
            <p>
              <strong>Hold two things that are both true.</strong>
            </p>
            <p>
              “This was hard, and yet I did it well.” “I need help, and yet I help others.” Start from the prompt of the
              day, choose one from the library, or write a pair of your own. Nothing here asks you to decide which one
              wins.
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
