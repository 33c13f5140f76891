import { itemCount, itemsPhrase } from '../../../../common/export/items';
import { SHARE_ITEM_KIND_NAMES, type SentShare, sentUnderEarlierCard } from '../../../../common/sharing/types';
import { describeError } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { useNavigation } from '../frame/navigation';
import { day, listOf, when } from './format';
import { ReplyThread } from './Thread';
import { useSent } from './queries';
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
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        What you have shared
      </h2>
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
    </section>
  );
}

function SentItem({ share, headingId }: { share: SentShare; headingId: string }) {
  // Each feedback file holds every comment as it stood when sealed: the newest replaces the earlier ones.
  const [latest, ...earlier] = share.feedback;
  const navigation = useNavigation();
  // A reply to feedback on a share sent under an earlier card could not be matched, so none is offered.
  const canReply = !share.earlierCard;
  const repliesTo = (ref: string) => share.replies.filter((r) => r.ref === ref);
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} className={styles.sentTitle}>
        {share.title}
      </h3>
      <p className={styles.meta}>
        To {share.contactName} · {when(share.createdAt)} · saved as “{share.fileName}” ·{' '}
        {itemsPhrase(itemCount(share.items))}
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
            <p className={styles.muted} data-testid="no-replies-here">
              Replies cannot go from here: this share was {sentUnderEarlierCard(latest.fromName)}
            </p>
          )}
          {latest.overall.trim() ? (
            <p className={styles.feedbackBody} dir="auto">
              {latest.overall}
            </p>
          ) : (
            <p className={styles.muted}>No overall comment: see the comments beside each item below.</p>
          )}
          {latest.overall.trim() || repliesTo('').length ? (
            <>
              {latest.overall.trim() ? null : <GoneComment fromName={latest.fromName} what="overall comment" />}
              <ReplyThread
                share={share}
                feedbackId={latest.id}
                itemRef={null}
                fromName={latest.fromName}
                about={` on “${share.title}” as a whole`}
                canReply={canReply && !!latest.overall.trim()}
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
              {latest && (note || repliesTo(item.ref).length) ? (
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
                    <GoneComment fromName={latest.fromName} what="comment here" />
                  )}
                  <ReplyThread
                    share={share}
                    feedbackId={latest.id}
                    itemRef={item.ref}
                    fromName={latest.fromName}
                    about={` on “${item.title || 'Untitled'}”`}
                    canReply={canReply && !!note}
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
function GoneComment({ fromName, what }: { fromName: string; what: string }) {
  return (
    <p className={styles.itemFeedbackWho}>
      Your replies to an earlier {what} from {fromName}, which their latest feedback no longer includes
    </p>
  );
}
