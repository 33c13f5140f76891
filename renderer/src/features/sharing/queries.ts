import { useQuery } from '@tanstack/react-query';
import { holding, unwrap } from '../../api';

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
  useQuery({
    queryKey: sharingKeys.identity,
    queryFn: () => unwrap(holding().sharing.identity()),
    refetchOnMount: 'always',
  });

export const useContacts = () =>
  useQuery({
    queryKey: sharingKeys.contacts,
    queryFn: () => unwrap(holding().sharing.contacts()),
    refetchOnMount: 'always',
  });

export const useSent = () => useQuery({ queryKey: sharingKeys.sent, queryFn: () => unwrap(holding().sharing.sent()) });

export const useReceived = () =>
  useQuery({ queryKey: sharingKeys.received, queryFn: () => unwrap(holding().sharing.received()) });

export const useReceivedShare = (id: string) =>
  useQuery({
    queryKey: sharingKeys.receivedShare(id),
    queryFn: () => unwrap(holding().sharing.receivedShare({ id })),
  });

/**
 * The supervisor's comments on one of the person's own entries, agenda items or sessions: read afresh each
 * time, since feedback arrives by import on the Sharing page.
 */
export const useFeedbackFor = (sourceId: string) =>
  useQuery({
    queryKey: sharingKeys.feedbackFor(sourceId),
    queryFn: () => unwrap(holding().sharing.feedbackFor({ sourceId })),
    refetchOnMount: 'always',
  });

/** Replies waiting for the next share (Export offers them): read afresh, since they are written on Sharing. */
export const useWaitingReplies = () =>
  useQuery({
    queryKey: sharingKeys.waitingReplies,
    queryFn: () => unwrap(holding().sharing.waitingReplies()),
    refetchOnMount: 'always',
  });
