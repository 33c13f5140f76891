/**
 * The conversation under a supervisor's comment (issue 18). The supervisee sees their replies in order under
 * the comment, each saying whether it has gone yet, and writes a new one; it waits for their next share to
 * that supervisor, where it is checked and previewed with the rest. The supervisor sees the replies that came
 * back, in order, under their own comment.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  MAX_COMMENT_LENGTH,
  type ReceivedReply,
  type ReplyView,
  type SentShare,
} from '../../../../common/sharing/types';
import { describeError, holding, unwrap } from '../../api';
import { Button } from '../../ui/controls';
import { when } from './format';
import { sharingKeys } from './queries';
import styles from './replies.module.css';

interface SuperviseeProps {
  share: SentShare;
  feedbackId: string;
  /** The item the comment is beside; null for the overall comment. */
  itemRef: string | null;
  fromName: string;
  /** What the comment is on, for labels a screen reader reads out of context ("on “A hard afternoon”"). */
  about: string;
  /**
   * False where a new reply could not go: the latest feedback no longer carries the comment, or the share was
   * sent under an earlier card. The replies already written are still shown (and a waiting one taken back).
   */
  canReply: boolean;
  /** Says a sentence in the share's polite status, which outlives this thread (the last reply taken back). */
  say: (text: string) => void;
  /** Where focus goes when there is no Reply button to go back to: the share's heading. */
  focusFallback: () => void;
  /** The words in an open reply box (or ''), so the share keeps this thread while a draft is in it. */
  onOpenDraft: (ref: string, text: string) => void;
}

/** Supervisee: the replies under one comment, and a reply to write. */
export function ReplyThread({
  share,
  feedbackId,
  itemRef,
  fromName,
  about,
  canReply,
  say,
  focusFallback,
  onOpenDraft,
}: SuperviseeProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [writing, setWriting] = useState(false);
  const [draft, setDraft] = useState('');
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const replies = share.replies.filter((r) => r.ref === (itemRef ?? ''));
  const refresh = () => queryClient.invalidateQueries({ queryKey: sharingKeys.all });
  // Back to Reply if it is there; if not (the comment is gone, or this whole thread with it), the share's heading.
  const refocus = () => (openButton.current ? openButton.current.focus() : focusFallback());
  // A reply half written when new feedback dropped its comment: it can no longer go, but the words stay, to copy.
  const stranded = writing && !canReply && !!draft.trim();

  useEffect(() => {
    onOpenDraft(itemRef ?? '', writing ? draft : '');
  }, [writing, draft, onOpenDraft, itemRef]);

  const couldReply = useRef(canReply);
  useEffect(() => {
    if (couldReply.current && !canReply && writing) {
      if (draft.trim()) {
        say(
          `${fromName}’s latest feedback no longer includes the comment you were replying to, so your reply cannot go now. Your words are still there for you to copy.`,
        );
      } else if (!document.activeElement || document.activeElement === document.body) {
        // An empty box went with its comment: if focus was in it, it goes to the share's heading.
        focusFallback();
      }
    }
    couldReply.current = canReply;
    // Only when canReply changes: the draft and the rest are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canReply]);

  const add = useMutation({
    mutationFn: (body: string) => unwrap(holding().sharing.addReply({ feedbackId, ref: itemRef, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData<SentShare[]>(sharingKeys.sent, (list) =>
        list?.map((s) => (s.id === updated.id ? updated : s)),
      );
      await refresh();
      setDraft('');
      setWriting(false);
      say(`Your reply is kept. It goes with your next share to ${fromName}, once you have seen it in the preview.`);
      refocus();
    },
  });
  const remove = useMutation({
    mutationFn: (reply: ReplyView) => unwrap(holding().sharing.removeReply({ id: reply.id })),
    onSuccess: async () => {
      await refresh();
      say('Your reply is taken back. Nothing was sent.');
      refocus();
    },
  });

  return (
    <div>
      {replies.length ? (
        <ol className={styles.thread} aria-label={`Your replies to ${fromName}’s comment${about}`}>
          {replies.map((reply) => (
            <li key={reply.id} className={styles.reply}>
              <p className={styles.who}>You · {when(reply.createdAt)}</p>
              <p className={styles.body} dir="auto">
                {reply.body}
              </p>
              {reply.sentIn ? (
                <p className={styles.state}>
                  Sent to {fromName} with “{reply.sentIn.title}”, {when(reply.sentIn.sentAt)}
                </p>
              ) : (
                <p className={styles.state}>
                  Waiting to go with your next share to {fromName}.{' '}
                  <Button variant="quiet" size="small" disabled={remove.isPending} onClick={() => remove.mutate(reply)}>
                    Take back<span className="visually-hidden"> your reply written {when(reply.createdAt)}</span>
                  </Button>
                </p>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {canReply ? (
        <div className={styles.actions}>
          <Button
            ref={openButton}
            variant="secondary"
            size="small"
            aria-expanded={writing}
            aria-controls={writing ? `${id}-form` : undefined}
            onClick={() => {
              say('');
              if (writing) {
                setWriting(false);
                add.reset();
                return;
              }
              setWriting(true);
              requestAnimationFrame(() => boxRef.current?.focus());
            }}
          >
            Reply
            <span className="visually-hidden">
              {' '}
              to {fromName}’s comment{about}
            </span>
          </Button>
        </div>
      ) : null}
      {writing && (canReply || stranded) ? (
        <form
          id={`${id}-form`}
          className={styles.write}
          onSubmit={(e) => {
            e.preventDefault();
            if (canReply && draft.trim()) add.mutate(draft);
          }}
        >
          <label htmlFor={`${id}-box`} className={styles.label}>
            Your reply to {fromName}
            <span className="visually-hidden">{about}</span>
          </label>
          {stranded ? (
            <span id={`${id}-hint`} className={styles.stranded}>
              {fromName}’s latest feedback no longer includes this comment, so this reply cannot go now. Your words are
              kept here until you close this, so you can copy them.
            </span>
          ) : (
            <span id={`${id}-hint`} className={styles.hint}>
              It goes with your next share to {fromName}. Like everything you share, it is checked for names and
              details, and you see it in the preview before anything leaves.
            </span>
          )}
          <textarea
            ref={boxRef}
            id={`${id}-box`}
            className={styles.box}
            value={draft}
            readOnly={stranded}
            maxLength={MAX_COMMENT_LENGTH}
            rows={4}
            aria-describedby={`${id}-hint${add.isError ? ` ${id}-error` : ''}`}
            aria-invalid={add.isError ? true : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          {add.isError ? (
            <span id={`${id}-error`} role="alert" className={styles.error}>
              {describeError(add.error)}
            </span>
          ) : null}
          <div className={styles.actions}>
            {stranded ? null : (
              <Button type="submit" size="small" disabled={!draft.trim() || add.isPending}>
                Keep this reply
              </Button>
            )}
            <Button
              variant="secondary"
              size="small"
              onClick={() => {
                setWriting(false);
                if (stranded) setDraft('');
                add.reset();
                refocus();
              }}
            >
              {stranded ? (
                <>
                  Close<span className="visually-hidden"> the reply that cannot go</span>
                </>
              ) : (
                'Cancel'
              )}
            </Button>
          </div>
        </form>
      ) : null}
      {remove.isError ? (
        <p role="alert" className={styles.error}>
          {describeError(remove.error)}
        </p>
      ) : null}
    </div>
  );
}

/** Supervisor: the replies that came back under one of their comments, oldest first. */
export function ReceivedThread({ replies, about }: { replies: readonly ReceivedReply[]; about: string }) {
  if (!replies.length) return null;
  const from = replies[0]!.fromName;
  return (
    <ol className={styles.thread} aria-label={`${from}’s replies to your comment${about}`}>
      {replies.map((reply) => (
        <li key={reply.id} className={styles.reply}>
          <p className={styles.who}>
            {reply.fromName} replied · {when(reply.writtenAt)}
          </p>
          <p className={styles.body} dir="auto">
            {reply.body}
          </p>
          <p className={styles.state}>Arrived with a later share, {when(reply.receivedAt)}</p>
        </li>
      ))}
    </ol>
  );
}
