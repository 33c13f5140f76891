import { itemsPhrase } from '../../../../common/export/items';
import type { ReceivedShareSummary } from '../../../../common/sharing/types';
import { describeError } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { count, when } from './format';
import { useReceived } from './queries';
import { SharingCard } from './SharingCard';
import styles from './sharing.module.css';

interface Props {
  headingId: string;
  /** The id of the button that opens a share, so focus can come back to it. */
  openButtonId: (shareId: string) => string;
  onOpen: (shareId: string) => void;
}

/** Shares from the people this person supervises, grouped by who sent them. */
export function Received({ headingId, openButtonId, onOpen }: Props) {
  const received = useReceived();
  const list = received.data ?? [];
  const groups: { name: string; shares: ReceivedShareSummary[] }[] = [];
  for (const share of list) {
    const group = groups.find((g) => g.name === share.senderName);
    if (group) group.shares.push(share);
    else groups.push({ name: share.senderName, shares: [share] });
  }

  return (
    <SharingCard headingId={headingId} heading="Shared with you">
      <p className={styles.lede}>
        What the people you supervise have shared with you. Read each share, comment on whatever you like, and send your
        feedback back to them. Your comments stay private on this computer until you send them.
      </p>
      {received.isError ? <Notice>{describeError(received.error)}</Notice> : null}
      {received.data && !list.length ? (
        <p className={styles.empty}>
          Nothing yet. When someone shares with you, they send you a file: open it with “Open a shared file…” at the top
          of this page.
        </p>
      ) : null}
      {groups.map((group) => (
        <div key={group.name} className={styles.group}>
          <h3 className={styles.groupHeading}>{group.name}</h3>
          <ul className={styles.shareList} aria-label={`Shared by ${group.name}`}>
            {group.shares.map((s) => (
              <li key={s.id} className={styles.shareRow}>
                <div className={styles.shareText}>
                  <h4 className={styles.shareTitle}>{s.title}</h4>
                  <p className={styles.meta}>
                    Shared {when(s.createdAt)} · opened here {when(s.importedAt)}
                  </p>
                  <p className={styles.meta}>
                    {itemsPhrase(s.items)} · {count(s.comments, 'comment')} from you ·{' '}
                    {s.feedbackSentAt ? (
                      <span className={styles.sentMark}>Feedback sent {when(s.feedbackSentAt)}</span>
                    ) : (
                      'No feedback sent yet'
                    )}
                  </p>
                </div>
                <Button variant="secondary" id={openButtonId(s.id)} onClick={() => onOpen(s.id)}>
                  Read and comment<span className="visually-hidden"> on “{s.title}”</span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </SharingCard>
  );
}
