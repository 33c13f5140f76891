import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Vault } from '../vault/vault';
import { FeedbackRepository } from './feedback-repository';
import { ReceivedRepository } from './received-repository';
import { ReplyRepository } from './reply-repository';
import { SentRepository } from './sent-repository';

/**
 * All of sharing's SQL (tables in main/db/migrations/0008-sharing.ts and later), one repository to a table's
 * story: the shares sent (sent-repository.ts), the shares opened, their comments and the record of bundles
 * opened (received-repository.ts), the feedback that came back (feedback-repository.ts) and the replies to
 * it (reply-repository.ts). share.ts, open.ts, review.ts, feedback.ts and replies.ts decide; these read and
 * write. Contacts are identity.ts's.
 */
export interface SharingRepository {
  sent: SentRepository;
  received: ReceivedRepository;
  feedback: FeedbackRepository;
  replies: ReplyRepository;
}

/** One set of repositories per open database; a new one after each unlock. */
export function sharingRepository(vault: Vault): () => SharingRepository {
  let cache: { db: Database; repo: SharingRepository } | null = null;
  return () => {
    const db = vault.db();
    if (cache?.db !== db) {
      const repo = {
        sent: new SentRepository(db),
        received: new ReceivedRepository(db),
        feedback: new FeedbackRepository(db),
        replies: new ReplyRepository(db),
      };
      cache = { db, repo };
    }
    return cache.repo;
  };
}
