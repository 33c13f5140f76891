import { useCallback, useRef, useState } from 'react';
import { itemCount, itemsPhrase } from '../../../../common/export/items';
import { SHARE_ITEM_KIND_NAMES, type SentShare, sentUnderEarlierCard } from '../../../../common/sharing/types';
import { describeError } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { useNavigation } from '../frame/navigation';
import { day, listOf, when } from './format';
import { ReplyThread } from './Thread';
import { useSent } from './queries';
import replyStyles from './replies.module.css';
import { SharingCard } from './SharingCard';
import styles from './sharing.module.css';

interface Props {
  headingId: string;
  /** The id of each share's heading, so the page can bring a person to it when feedback arrives. */
  shareHeadingId: (shareId: string) => string;
}

/** What this person has shared, with whom and when, and the feedback that came back, beside each item. */
export function Sent({ headingId, shareHeadingId }: Props) {
  const sent = useSent();
  const navigation = useNavigation();
  const list = sent.data ?? [];
  return (
    <SharingCard headingId={headingId} heading="What you have shared">
      <p className={styles.lede}>
        Each share you have sent, who it went to, and the feedback that came back. Holding keeps a note of each share
        here, but no copy of the file itself.
      </p>
      {sent.isError ? <Notice>{describeError(sent.error)}</Notice> : null}
      {sent.data && !list.length ? (
        <div className={styles.empty}>
          <p>
            Nothing shared yet. To share with your supervisor, choose and check what to include in Export, then share it
            with someone you have confirmed.
          </p>
          <Button variant="secondary" onClick={() => navigation.goTo('export')}>
            Go to Export
          </Button>
        </div>
      ) : null}
      {list.length ? (
        <ul className={styles.sentList} aria-label="Your shares, newest first">
          {list.map((share) => (
            <li key={share.id} className={styles.sentShare}>
              <SentItem share={share} headingId={shareHeadingId(share.id)} />
            </li>
          ))}
        </ul>
      ) : null}
    </SharingCard>
  );
}

function SentItem({ share, headingId }: { share: SentShare; headingId: string }) {
  // Each feedback file holds every comment as it stood when sealed: the newest replaces the earlier ones.
  const [latest, ...earlier] = share.feedback;
  const navigation = useNavigation();
  // A reply to feedback on a share sent under an earlier card could not be matched, so none is offered.
  const canReply = !share.earlierCard;
  const repliesTo = (ref: string) => share.replies.filter((r) => r.ref === ref);
  // One polite status for the whole share, so a sentence is still heard when the thread it came from has gone
  // (the last reply under a dropped comment, taken back).
  const [said, setSaid] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useCallback(() => heading.current?.focus(), []);
  // Reply boxes with words in them, by comment: the thread stays while one is open, even if its comment goes.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const openDraft = useCallback(
    (ref: string, text: string) => setDrafts((d) => ((d[ref] ?? '') === text ? d : { ...d, [ref]: text })),
    [],
  );
  const hasDraft = (ref: string) => !!drafts[ref]?.trim();
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.sentTitle}>
        {share.title}
      </h3>
      <p className={styles.meta}>
        To {share.contactName} · {when(share.createdAt)} · saved as “{share.fileName}” ·{' '}
        {itemsPhrase(itemCount(share.items))}
      </p>
      <p role="status" className={replyStyles.done}>
        {said}
      </p>
      {latest ? (
        <div className={styles.feedback}>
          <h4 className={styles.feedbackHeading}>Feedback from {latest.fromName}</h4>
          <p className={styles.meta}>
            {latest.createdAt > latest.importedAt
              ? `Dated ${when(latest.createdAt)}, later than it arrived, so ${latest.fromName}’s clock may be set wrong`
              : `Sent ${when(latest.createdAt)}`}{' '}
            · opened here {when(latest.importedAt)}
          </p>
          {earlier.length ? (
            <p className={styles.meta}>
              This replaces the feedback {latest.fromName} sent {listOf(earlier.map((f) => `on ${day(f.createdAt)}`))}.
            </p>
          ) : null}
          {canReply ? null : (
            <p className={styles.muted}>
              You can’t reply to this feedback from here. This share was {sentUnderEarlierCard(latest.fromName)}
            </p>
          )}
          {latest.overall.trim() ? (
            <p className={styles.feedbackBody} dir="auto">
              {latest.overall}
            </p>
          ) : (
            <p className={styles.muted}>No overall comment: see the comments beside each item below.</p>
          )}
          {latest.overall.trim() || repliesTo('').length || hasDraft('') ? (
            <>
              {latest.overall.trim() ? null : (
                <GoneComment fromName={latest.fromName} what="overall comment" count={repliesTo('').length} />
              )}
              <ReplyThread
                share={share}
                feedbackId={latest.id}
                itemRef={null}
                fromName={latest.fromName}
                about={` on “${share.title}” as a whole`}
                canReply={canReply && !!latest.overall.trim()}
                say={setSaid}
                focusFallback={focusHeading}
                onOpenDraft={openDraft}
              />
            </>
          ) : null}
        </div>
      ) : (
        <p className={styles.muted}>
          No feedback yet. When {share.contactName} sends some, open their file with “Open a shared file…” at the top of
          this page.
        </p>
      )}
      <h4 className={styles.smallHeading}>What you shared</h4>
      <ol className={styles.sentItems}>
        {share.items.map((item) => {
          const note = latest?.comments[item.ref]?.trim() ? latest.comments[item.ref] : null;
          return (
            <li key={item.ref} className={styles.sentItem}>
              <p className={styles.sentItemTitle}>
                <span className={styles.kindInline}>{SHARE_ITEM_KIND_NAMES[item.kind] ?? 'Item'}</span>{' '}
                <span dir="auto">{item.title || 'Untitled'}</span>
              </p>
              {/* Back to where it came from, where the comment also sits. */}
              {item.sourceId && (item.kind === 'entry' || item.kind === 'two-truths') ? (
                <Button
                  variant="quiet"
                  aria-label={`Open the entry “${item.title || 'Untitled'}”`}
                  onClick={() => item.sourceId && navigation.openEntry(item.sourceId)}
                >
                  Open the entry
                </Button>
              ) : item.kind === 'agenda-item' || item.kind === 'session' ? (
                <Button
                  variant="quiet"
                  aria-label={`Go to Supervision, for “${item.title || 'Untitled'}”`}
                  onClick={() => navigation.goTo('supervision')}
                >
                  Go to Supervision
                </Button>
              ) : null}
              {latest && (note || repliesTo(item.ref).length || hasDraft(item.ref)) ? (
                <div className={styles.itemFeedback}>
                  {note ? (
                    <>
                      <p className={styles.itemFeedbackWho}>
                        {latest.fromName}’s comment · {when(latest.createdAt)}
                      </p>
                      <p className={styles.feedbackBody} dir="auto">
                        {note}
                      </p>
                    </>
                  ) : (
                    <GoneComment fromName={latest.fromName} what="comment here" count={repliesTo(item.ref).length} />
                  )}
                  <ReplyThread
                    share={share}
                    feedbackId={latest.id}
                    itemRef={item.ref}
                    fromName={latest.fromName}
                    about={` on “${item.title || 'Untitled'}”`}
                    canReply={canReply && !!note}
                    say={setSaid}
                    focusFallback={focusHeading}
                    onOpenDraft={openDraft}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </article>
  );
}

/** Above replies to a comment the latest feedback no longer carries: they are still shown, and still go. */
function GoneComment({ fromName, what, count }: { fromName: string; what: string; count: number }) {
  // One reply (or none yet, only a reply being written): "Your reply".
  return (
    <p className={styles.itemFeedbackWho}>
      {count > 1 ? 'Your replies' : 'Your reply'} to an earlier {what} from {fromName}, which their latest feedback no
      longer includes
    </p>
  );
}
