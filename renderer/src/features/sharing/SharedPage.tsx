import { type MouseEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '../../../../common/sharing/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { useFocusLater } from '../../ui/useFocusAfter';
import { Contacts } from './Contacts';
import { arrivedWords } from './format';
import { sharingKeys, useIdentity } from './queries';
import { Received } from './Received';
import { Review } from './Review';
import { Sent } from './Sent';
import { YourCard } from './YourCard';
import styles from './sharing.module.css';

/** A file opened from outside the page (the system's "open with"): what came of it, for the page to show. */
export interface Arrival {
  result: ImportResult | null;
  error: string | null;
}

const SECTIONS = [
  { id: 'sharing-card', label: 'Your card' },
  { id: 'sharing-people', label: 'People you share with' },
  { id: 'sharing-received', label: 'Shared with you' },
  { id: 'sharing-sent', label: 'What you have shared' },
] as const;

interface Props {
  arrival?: Arrival | null;
  onArrivalSeen?: () => void;
  /**
   * The share open for review, kept by the frame, so a supervisor who looks elsewhere mid-review comes
   * back to it (until Holding locks).
   */
  reviewing: string | null;
  onReview: (shareId: string | null) => void;
}

/**
 * Sharing, both ways round: this person's card and the people they share with; what supervisees have shared
 * with them (to read, comment on and send feedback); and what they have shared, with the feedback that came back.
 */
export function SharedPage({ arrival = null, onArrivalSeen, reviewing, onReview: setReviewing }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Focus goes where the person's attention should be, once that place is on screen (a button disabled while
  // its action runs takes it once it is enabled again), and the page shows it: a heading at the top.
  const focusLater = useFocusLater();
  const focusOn = useCallback(
    (elementId: string) =>
      focusLater(
        () => document.getElementById(elementId),
        (target) => target.scrollIntoView({ block: target.matches('h1, h2, h3') ? 'start' : 'nearest' }),
      ),
    [focusLater],
  );
  const handled = useRef<Arrival | null>(null);
  // Before there is a card, opening a file can only be refused: the card comes first, so this waits quietly.
  const hasCard = Boolean(useIdentity().data);

  const openButtonId = useCallback((shareId: string) => `${id}-open-${shareId}`, [id]);
  const openFileId = `${id}-open-file`;
  const problemId = `${id}-problem`;
  const sentHeadingId = useCallback((shareId: string) => `${id}-sent-${shareId}`, [id]);

  const show = useCallback(
    (result: ImportResult) => {
      setNotice(arrivedWords(result));
      if (result.kind === 'share') setReviewing(result.share.id);
      else {
        setReviewing(null);
        focusOn(sentHeadingId(result.shareId));
      }
    },
    [sentHeadingId, setReviewing, focusOn],
  );

  // A file the system handed over is opened outside this page (perhaps before it was shown), and arrives here as
  // a prop: there is no event here to handle it in, so it is handled as it arrives. What it says is this page's
  // state (the notice, the problem) and the frame's (the share to review).
  useEffect(() => {
    // Each arrival is a new object, cleared once seen: handled once, even if the effect runs twice.
    if (!arrival || arrival === handled.current) return;
    handled.current = arrival;
    setProblem(arrival.error);
    setNotice('');
    // eslint-disable-next-line react-hooks/set-state-in-effect -- news from outside, handled once as it arrives (above)
    if (arrival.result) show(arrival.result);
    onArrivalSeen?.();
  }, [arrival, show, onArrivalSeen]);

  const open = useMutation({
    mutationFn: () => unwrap(holding().sharing.import()),
    onMutate: () => {
      setProblem(null);
      setNotice('');
    },
    onSuccess: async (result) => {
      if (!result) {
        // The person closed the file dialog: back to where they were.
        focusOn(openFileId);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: sharingKeys.all });
      show(result);
    },
    onError: (error) => {
      // The button was disabled while it worked, so focus fell to the page: it goes to the reason instead.
      setProblem(describeError(error));
      focusOn(problemId);
    },
  });

  const jump = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    event.preventDefault();
    focusOn(target);
  };

  return (
    <div className={styles.page}>
      <h1 tabIndex={-1}>Sharing</h1>
      {reviewing ? null : (
        <>
          <p className={styles.intro}>
            Share with a supervisor, and read the feedback that comes back. If you supervise, this is also where you
            read what someone has shared with you, comment on it and send your feedback. Everything travels as a file
            sealed for one person: there is no server and no account.
          </p>
          <nav aria-label="On this page" className={styles.onThisPage}>
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`} onClick={(e) => jump(e, s.id)}>
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <section className={styles.openCard} aria-labelledby={`${id}-open`}>
            <div>
              <h2 id={`${id}-open`} className={styles.smallHeading}>
                Open a shared file
              </h2>
              <p className={styles.muted}>
                A share from someone you supervise, or feedback from your supervisor. Holding checks who it came from
                and that nothing changed on the way, then adds it here.
              </p>
            </div>
            <Button
              id={openFileId}
              variant={hasCard ? 'primary' : 'secondary'}
              onClick={() => open.mutate()}
              disabled={open.isPending}
            >
              Open a shared file…
            </Button>
          </section>
        </>
      )}
      <div role="status" className={styles.pageStatus} data-testid="sharing-status">
        {notice}
      </div>
      {problem ? (
        // Focus comes here after a refusal; the notice inside is the alert, so it is not made a second one.
        <div id={problemId} tabIndex={-1} className={styles.problem}>
          <Notice>{problem}</Notice>
        </div>
      ) : null}
      {reviewing ? (
        <Review
          key={reviewing}
          shareId={reviewing}
          onBack={() => {
            setNotice('');
            setReviewing(null);
            focusOn(openButtonId(reviewing));
          }}
          onOpenShare={(shareId) => {
            setNotice('');
            setProblem(null);
            setReviewing(shareId);
          }}
          onRemoved={(summary) => {
            setReviewing(null);
            setNotice(`“${summary.title}” from ${summary.senderName} is removed, with your comments on it.`);
            focusOn('sharing-received');
          }}
        />
      ) : (
        <>
          {/* A card made or changed answers a refusal for the want of one ("make your card first"). */}
          <YourCard headingId="sharing-card" onSaved={() => setProblem(null)} />
          <Contacts headingId="sharing-people" />
          <Received
            headingId="sharing-received"
            openButtonId={openButtonId}
            onOpen={(shareId) => {
              setNotice('');
              setProblem(null);
              setReviewing(shareId);
            }}
          />
          <Sent headingId="sharing-sent" shareHeadingId={sentHeadingId} />
        </>
      )}
    </div>
  );
}
