import { useQuery } from '@tanstack/react-query';
import { holding } from '../../api';
import { fresh, holdingQuery } from '../../ui/holdingQuery';

/** Query keys for sharing: everything under ['sharing'] is refreshed after an import or a share. */
export const sharingKeys = {
  all: ['sharing'] as const,
  identity: ['sharing', 'identity'] as const,
  contacts: ['sharing', 'contacts'] as const,
  sent: ['sharing', 'sent'] as const,
  /** A file the system handed over, waiting for the person's yes. */
  pending: ['sharing', 'pending'] as const,
  received: ['sharing', 'received'] as const,
  receivedShare: (id: string) => ['sharing', 'received', id] as const,
  feedbackFor: (sourceId: string) => ['sharing', 'feedbackFor', sourceId] as const,
  /** Replies waiting for the next share, by the person they go to. */
  waitingReplies: ['sharing', 'waitingReplies'] as const,
};

// The card and contacts are read afresh each time a page that uses them opens: they are made on the
// Sharing page, and the person may just have come back from it.
export const useIdentity = () =>
  useQuery(holdingQuery(sharingKeys.identity, () => holding().sharing.identity(), fresh));

export const useContacts = () =>
  useQuery(holdingQuery(sharingKeys.contacts, () => holding().sharing.contacts(), fresh));

export const useSent = () => useQuery(holdingQuery(sharingKeys.sent, () => holding().sharing.sent()));

export const useReceived = () => useQuery(holdingQuery(sharingKeys.received, () => holding().sharing.received()));

export const useReceivedShare = (id: string) =>
  useQuery(holdingQuery(sharingKeys.receivedShare(id), () => holding().sharing.receivedShare({ id })));

/**
 * The supervisor's comments on one of the person's own entries, agenda items or sessions: read afresh each
 * time, since feedback arrives by import on the Sharing page.
 */
export const useFeedbackFor = (sourceId: string) =>
  useQuery(holdingQuery(sharingKeys.feedbackFor(sourceId), () => holding().sharing.feedbackFor({ sourceId }), fresh));

/** Replies waiting for the next share (Export offers them): read afresh, since they are written on Sharing. */
export const useWaitingReplies = () =>
  useQuery(holdingQuery(sharingKeys.waitingReplies, () => holding().sharing.waitingReplies(), fresh));
