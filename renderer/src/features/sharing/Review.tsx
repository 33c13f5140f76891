import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { textOf } from '../../../../common/export/document';
import {
  MAX_COMMENT_LENGTH,
  type ReceivedShareSummary,
  SHARE_ITEM_KIND_NAMES,
  type ShareItem,
} from '../../../../common/sharing/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { useFocusAfter } from '../../ui/useFocusAfter';
import { ConfirmAction, useConfirm } from '../../ui/ConfirmAction';
import { flushAll, registerFlush } from '../journal/flush';
import { Blocks, Inlines } from './Blocks';
import { longDate } from '../../../../common/export/html';
import { itemsPhrase } from '../../../../common/export/items';
import { today } from '../supervision/format';
import { when } from './format';
import { sharingKeys, useReceivedShare } from './queries';
import replyStyles from './replies.module.css';
import styles from './sharing.module.css';
import { ReceivedThread } from './Thread';

interface Props {
  shareId: string;
  onBack: () => void;
  /** Opens another received share (the earlier one replies that came with this one are about). */
  onOpenShare: (shareId: string) => void;
  onRemoved: (summary: ReceivedShareSummary) => void;
}

const titleText = (item: ShareItem) => textOf(item.title).trim() || 'Untitled';

/** One received share, to read (never to change) and comment on, item by item; then feedback goes back. */
export function Review({ shareId, onBack, onOpenShare, onRemoved }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const share = useReceivedShare(shareId);
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  // Where the feedback went, said as the Export page says it: the file's name, then its folder.
  const [sent, setSent] = useState<{ fileName: string; folder: string; name: string } | null>(null);
  // The send button is disabled while it works, so focus falls to the page: once it is done, focus goes to
  // what happened (the status, the reason, or back to the button if the person closed the save dialog).
  const sendButton = useRef<HTMLButtonElement>(null);
  const sentStatus = useRef<HTMLDivElement>(null);
  const sendProblem = useRef<HTMLDivElement>(null);
  const setFocusAfter = useFocusAfter({ status: sentStatus, problem: sendProblem, button: sendButton });
  const removing = useConfirm<ReceivedShareSummary>();

  useEffect(() => {
    if (share.data && !focused.current) {
      focused.current = true;
      heading.current?.focus();
    }
  }, [share.data]);

  const send = useMutation({
    mutationFn: async () => {
      await flushAll(); // every comment as typed, saved first
      return unwrap(holding().sharing.sendFeedback({ shareId }));
    },
    onMutate: () => setSent(null),
    onError: () => setFocusAfter('problem'),
    onSuccess: async ({ fileName, folder }) => {
      if (!fileName || !folder) {
        setFocusAfter('button'); // the person closed the save dialog
        return;
      }
      await queryClient.invalidateQueries({ queryKey: sharingKeys.received });
      const name = share.data?.summary.senderName ?? 'them';
      setSent({ fileName, folder, name });
      setFocusAfter('status');
    },
  });

  const remove = useMutation({
    mutationFn: (summary: ReceivedShareSummary) => unwrap(holding().sharing.removeReceived({ id: summary.id })),
    onSuccess: async (_, summary) => {
      queryClient.removeQueries({ queryKey: sharingKeys.receivedShare(summary.id) });
      await queryClient.invalidateQueries({ queryKey: sharingKeys.received, exact: true });
      onRemoved(summary);
    },
  });

  const back = (
    <Button variant="quiet" onClick={onBack} className={styles.back}>
      <span aria-hidden="true">←</span> Back to Sharing
    </Button>
  );

  if (share.isPending) {
    return (
      <div className={styles.review} aria-busy="true">
        {back}
        <p className={styles.muted}>Opening the share…</p>
      </div>
    );
  }
  if (share.isError) {
    return (
      <div className={styles.review}>
        {back}
        <Notice>{describeError(share.error)}</Notice>
      </div>
    );
  }

  const { summary, items, comments, overall, preparedOn, replies, broughtReplies } = share.data;
  const sender = summary.senderName;
  return (
    <div className={styles.review}>
      {back}
      <header className={styles.reviewHeader}>
        <p className={styles.kind}>Shared with you by {sender}</p>
        <h2 ref={heading} tabIndex={-1} className={styles.reviewTitle}>
          {summary.title}
        </h2>
        <p className={styles.meta}>
          {preparedOn === today(new Date(summary.createdAt)) ? null : `Prepared on ${longDate(preparedOn)} · `}
          Shared {when(summary.createdAt)} · opened here {when(summary.importedAt)} · {itemsPhrase(summary.items)}
        </p>
        {broughtReplies.length ? (
          <div className={replyStyles.arrived} data-testid="brought-replies">
            {broughtReplies.map((b) => (
              <p key={b.shareId}>
                This share also brought {b.count === 1 ? 'a reply' : `${b.count} replies`} from {sender} to your
                comments on “{b.shareTitle}”.{' '}
                <Button variant="quiet" onClick={() => onOpenShare(b.shareId)}>
                  Read {b.count === 1 ? 'it' : 'them'} under your comments
                  <span className="visually-hidden"> on “{b.shareTitle}”</span>
                </Button>
              </p>
            ))}
          </div>
        ) : null}
        {replies.length ? (
          <p className={styles.meta} data-testid="replies-here">
            {sender} has replied to your comments here:{' '}
            {replies.length === 1 ? 'the reply is' : `${replies.length} replies are`} under the comment
            {replies.length === 1 ? '' : 's'} {replies.length === 1 ? 'it answers' : 'they answer'}.
          </p>
        ) : null}
        <p className={styles.readOnly}>
          This is {sender}’s share as they sent it, to read: nothing here changes what they wrote. Your comments stay
          private on this computer until you send your feedback, and only {sender} will be able to open it.
        </p>
      </header>

      <ol className={styles.items} aria-label="What was shared">
        {items.map((item, index) => (
          <li key={item.ref} className={styles.item}>
            <article className={styles.itemGrid} aria-labelledby={`${id}-item-${index}`}>
              <div className={styles.itemContent}>
                <p className={styles.kind}>{SHARE_ITEM_KIND_NAMES[item.kind] ?? 'Item'}</p>
                <h3 id={`${id}-item-${index}`} className={styles.itemTitle} dir="auto">
                  {item.title.length ? <Inlines runs={item.title} /> : 'Untitled'}
                </h3>
                {item.meta ? <p className={styles.meta}>{item.meta}</p> : null}
                {item.clientMaterial ? (
                  <p className={styles.clientNote}>
                    Marked as containing client material. It was checked for names and details before it was shared;
                    please keep it as carefully as you would clinical notes.
                  </p>
                ) : null}
                <Blocks blocks={item.blocks} itemLevel={3} />
              </div>
              <div className={styles.itemComment}>
                <CommentBox
                  shareId={shareId}
                  itemRef={item.ref}
                  label={`Your comment on ${titleText(item)}`}
                  about={` on ${titleText(item)}`}
                  saved={comments[item.ref] ?? ''}
                />
                <ReceivedThread replies={replies.filter((r) => r.ref === item.ref)} about={` on ${titleText(item)}`} />
              </div>
            </article>
          </li>
        ))}
      </ol>

      <section className={styles.reviewPart} aria-labelledby={`${id}-overall`}>
        <h3 id={`${id}-overall`}>Overall</h3>
        <CommentBox
          shareId={shareId}
          itemRef={null}
          label="Your overall comment"
          about=" (overall)"
          hint="About the share as a whole. It comes first when they open your feedback."
          saved={overall}
          wide
        />
        <ReceivedThread replies={replies.filter((r) => r.ref === '')} about=" (overall)" />
      </section>

      <section className={styles.reviewPart} aria-labelledby={`${id}-send`}>
        <h3 id={`${id}-send`}>Send your feedback</h3>
        {summary.feedbackSentAt ? (
          <p>
            You sent feedback on {when(summary.feedbackSentAt)}. If you change or add comments, you can send it again:{' '}
            the newer feedback takes the place of the earlier in {sender}’s Holding.
          </p>
        ) : (
          <p>
            When your comments are ready, Holding seals them into one file that only {sender} can open, and asks where
            to save it. Then you send the file to them.
          </p>
        )}
        <div className={styles.row}>
          <Button ref={sendButton} onClick={() => send.mutate()} disabled={send.isPending}>
            {summary.feedbackSentAt ? 'Send feedback again…' : 'Send feedback…'}
          </Button>
        </div>
        {/* Focus comes to these wrappers rather than to the live regions inside, so nothing is said twice over. */}
        <div ref={sentStatus} tabIndex={-1} className={styles.focusHolder} data-testid="feedback-status-holder">
          <div role="status" className={styles.status} data-testid="feedback-status">
            {sent ? (
              <>
                <p>
                  Your feedback is saved as <span className={styles.fileName}>{sent.fileName}</span>. Send that file to{' '}
                  {sent.name} however you usually share files, by e-mail or on a shared drive. It is encrypted for{' '}
                  {sent.name} alone: only their Holding can open it.
                </p>
                <p className={styles.muted}>
                  It is in the folder <span className={styles.fileName}>{sent.folder}</span>
                </p>
              </>
            ) : null}
          </div>
        </div>
        {send.isError ? (
          <div ref={sendProblem} tabIndex={-1} className={styles.focusHolder}>
            <Notice>{describeError(send.error)}</Notice>
          </div>
        ) : null}
      </section>

      <section className={styles.reviewPart} aria-labelledby={`${id}-remove`}>
        <h3 id={`${id}-remove`} className={styles.smallHeading}>
          Finished with it?
        </h3>
        <p className={styles.muted}>
          You can remove this share and your comments from Holding. Feedback you have already sent is not affected.
        </p>
        <Button variant="secondary" onClick={() => removing.ask(summary)}>
          Remove this share
        </Button>
        {remove.isError ? <Notice>{describeError(remove.error)}</Notice> : null}
      </section>

      <ConfirmAction
        confirm={removing}
        title="Remove this share?"
        confirmLabel="Remove share"
        onConfirm={(share) => remove.mutate(share)}
      >
        {(share) => (
          <>
            <p>
              “{share.title}” from {share.senderName}, with your comments on it, will be removed from Holding. Feedback
              you have already sent is not affected.
            </p>
            <p>If you keep the file, you can open it again later.</p>
          </>
        )}
      </ConfirmAction>
    </div>
  );
}

const same = (a: string, b: string) => a === b || (!a.trim() && !b.trim());

interface CommentProps {
  shareId: string;
  itemRef: string | null;
  label: string;
  /** Said after "Save comment" to a screen reader, so each button is told apart. */
  about: string;
  hint?: string;
  saved: string;
  wide?: boolean;
}

/** A comment, saved when the box is left and by its button; it is saved before locking, too. */
function CommentBox({ shareId, itemRef, label, about, hint, saved, wide }: CommentProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(saved);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'removed'>('idle');
  const [error, setError] = useState<string | null>(null);
  // What was last saved: for the render (whether there is anything unsaved), and for saves, which run after it.
  const [savedText, setSavedText] = useState(saved);
  const savedBody = useRef(saved);
  // What is in the box now, for saves that run after this render (on blur, before locking or sending).
  const draftRef = useRef(draft);
  const inFlight = useRef<{ body: string; done: Promise<void> } | null>(null);

  const save = useCallback(async (): Promise<void> => {
    const body = draftRef.current;
    if (inFlight.current && inFlight.current.body === body) return inFlight.current.done;
    if (same(body, savedBody.current)) return;
    setState('saving');
    setError(null);
    const done = (async () => {
      try {
        const updated = await unwrap(holding().sharing.saveComment({ shareId, ref: itemRef, body }));
        savedBody.current = itemRef === null ? updated.overall : (updated.comments[itemRef] ?? '');
        setSavedText(savedBody.current);
        queryClient.setQueryData(sharingKeys.receivedShare(shareId), updated);
        void queryClient.invalidateQueries({ queryKey: sharingKeys.received, exact: true });
        setState(body.trim() ? 'saved' : 'removed');
      } catch (e) {
        setError(describeError(e));
        setState('idle');
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = { body, done };
    return done;
  }, [shareId, itemRef, queryClient]);

  useEffect(() => registerFlush(save), [save]);

  const dirty = !same(draft, savedText);
  const statusText =
    state === 'saving' ? 'Saving…' : dirty ? '' : state === 'saved' ? 'Saved' : state === 'removed' ? 'Removed' : '';
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;

  return (
    <div className={styles.comment}>
      <label htmlFor={`${id}-box`} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <span id={hintId!} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      <textarea
        id={`${id}-box`}
        className={`${styles.textarea} ${wide ? styles.commentWide : styles.commentBox}`}
        value={draft}
        maxLength={MAX_COMMENT_LENGTH}
        rows={wide ? 5 : 4}
        onChange={(e) => {
          draftRef.current = e.target.value;
          setDraft(e.target.value);
          if (state !== 'saving') setState('idle');
        }}
        onBlur={() => void save()}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <span id={errorId!} role="alert" className={styles.fieldError}>
          {error}
        </span>
      ) : null}
      <div className={styles.commentActions}>
        <Button
          variant="secondary"
          size="small"
          onClick={() => {
            if (same(draftRef.current, savedBody.current) && state === 'idle' && savedBody.current.trim()) {
              setState('saved');
            }
            void save();
          }}
        >
          Save comment<span className="visually-hidden">{about}</span>
        </Button>
        <span role="status" className={styles.saveState} data-testid="comment-status">
          {statusText}
        </span>
        {dirty && state !== 'saving' ? (
          <span className={styles.unsaved} aria-hidden="true">
            Not saved yet
          </span>
        ) : null}
      </div>
    </div>
  );
}
