import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { holding, unwrap } from '../../api';
import { Button } from '../../ui/controls';
import { useNavigation } from '../frame/navigation';
import { FeedbackBeside } from '../sharing/FeedbackBeside';
import { day } from '../supervision/format';
import styles from '../supervision/supervision.module.css';

/**
 * Under an entry: where it stands in supervision (on the agenda for a next session, discussed in one, or not
 * reached yet), and then any feedback a supervisor sent back on it. Nothing at all when there is neither.
 */
export function InSupervision({ entryId }: { entryId: string }) {
  return (
    <>
      <WhereInSupervision entryId={entryId} />
      <FeedbackBeside sourceId={entryId} />
    </>
  );
}

function WhereInSupervision({ entryId }: { entryId: string }) {
  const id = useId();
  const navigation = useNavigation();
  const found = useQuery({
    queryKey: ['supervision', 'forEntry', entryId],
    queryFn: () => unwrap(holding().supervision.forEntry({ id: entryId })),
    refetchOnMount: 'always',
  });
  const agenda = found.data?.agenda ?? [];
  const sessions = found.data?.sessions ?? [];
  if (!agenda.length && !sessions.length) return null;

  return (
    <section className={styles.inSupervision} aria-labelledby={`${id}-h`} data-testid="in-supervision">
      <h2 id={`${id}-h`}>In supervision</h2>
      <ul className={styles.inSupervisionList}>
        {agenda.map((a) => (
          <li key={a.itemId}>
            On the agenda for your next supervision with {a.supervisorName}
            {a.title ? ` (${a.title})` : ''}
          </li>
        ))}
        {sessions.map((s, i) => {
          const when = day(s.startsAt);
          return (
            <li key={`${s.sessionId}-${i}`}>
              {s.outcome === 'discussed'
                ? `Discussed in supervision on ${when} with ${s.supervisorName} (${s.title})`
                : `Not reached on ${when} with ${s.supervisorName} (${s.title})`}
            </li>
          );
        })}
      </ul>
      <Button variant="quiet" onClick={() => navigation.goTo('supervision')}>
        Go to Supervision
      </Button>
    </section>
  );
}
