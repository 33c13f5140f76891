/**
 * The conversation under a supervisor's comment (issue 18). The supervisee sees their replies in order under
 * the comment, each saying whether it has gone yet, and writes a new one; it waits for their next share to
 * that supervisor, where it is checked and previewed with the rest. The supervisor sees the replies that came
 * back, in order, under their own comment.
 */
import { useId, useRef, useState } from 'react';
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
}

/** Supervisee: the replies under one comment, and a reply to write. */
export function ReplyThread({ share, feedbackId, itemRef, fromName, about, canReply }: SuperviseeProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [writing, setWriting] = useState(false);
  const [draft, setDraft] = useState('');
  const [done, setDone] = useState('');
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const replies = share.replies.filter((r) => r.ref === (itemRef ?? ''));
  const refresh = () => queryClient.invalidateQueries({ queryKey: sharingKeys.all });

  const add = useMutation({
    mutationFn: (body: string) => unwrap(holding().sharing.addReply({ feedbackId, ref: itemRef, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData<SentShare[]>(sharingKeys.sent, (list) =>
        list?.map((s) => (s.id === updated.id ? updated : s)),
      );
      await refresh();
      setDraft('');
      setWriting(false);
      setDone(`Your reply is kept. It goes with your next share to ${fromName}, once you have seen it in the preview.`);
      openButton.current?.focus();
    },
  });
  const remove = useMutation({
    mutationFn: (reply: ReplyView) => unwrap(holding().sharing.removeReply({ id: reply.id })),
    onSuccess: async () => {
      await refresh();
      setDone('Your reply is taken back. Nothing was sent.');
      openButton.current?.focus();
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
                  <Button
                    variant="quiet"
                    className={styles.small}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(reply)}
                  >
                    Take back<span className="visually-hidden"> your reply written {when(reply.createdAt)}</span>
                  </Button>
                </p>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {canReply ? (
        <>
          <div className={styles.actions}>
            <Button
              ref={openButton}
              variant="secondary"
              className={styles.small}
              aria-expanded={writing}
              aria-controls={writing ? `${id}-form` : undefined}
              onClick={() => {
                setDone('');
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
          {writing ? (
            <form
              id={`${id}-form`}
              className={styles.write}
              onSubmit={(e) => {
                e.preventDefault();
                if (draft.trim()) add.mutate(draft);
              }}
            >
              <label htmlFor={`${id}-box`} className={styles.label}>
                Your reply to {fromName}
                <span className="visually-hidden">{about}</span>
              </label>
              <span id={`${id}-hint`} className={styles.hint}>
                It goes with your next share to {fromName}. Like everything you share, it is checked for names and
                details, and you see it in the preview before anything leaves.
              </span>
              <textarea
                ref={boxRef}
                id={`${id}-box`}
                className={styles.box}
                value={draft}
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
                <Button type="submit" className={styles.small} disabled={!draft.trim() || add.isPending}>
                  Keep this reply
                </Button>
                <Button
                  variant="secondary"
                  className={styles.small}
                  onClick={() => {
                    setWriting(false);
                    add.reset();
                    openButton.current?.focus();
                  }}
                >
                  Cancel
                </Button>
              </div>
            </form>
          ) : null}
        </>
      ) : null}
      <p role="status" className={styles.done}>
        {done}
      </p>
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
