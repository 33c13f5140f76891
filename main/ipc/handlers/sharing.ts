import path from 'node:path';
import { AppError } from '../../../common/errors';
import { CARD_EXTENSION, type SentShare } from '../../../common/sharing/types';
import { localDay } from '../../export/export';
import { bundleFileName } from '../../sharing/sharing';
import { readSmallText, safeFileName } from '../files';
import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function sharingHandlers(ctx: HandlerContext): HandlersOf<'sharing'> {
  const { identity, sharing, exports, files } = ctx;
  return {
    'sharing:identity': () => identity.view(),
    'sharing:saveIdentity': (input) => identity.save(input),
    'sharing:saveCard': async () => {
      const me = identity.view();
      if (!me) throw new AppError('INVALID_INPUT', 'Please make your identity card first.');
      const name = safeFileName(me.name, 'Holding');
      const target = await files.save(`${name} - Holding card.${CARD_EXTENSION}`, 'card', () => `${me.card}\n`);
      return { path: target };
    },
    'sharing:contacts': () => identity.contacts(),
    'sharing:addContact': ({ card }) => identity.addContact(card),
    'sharing:addContactFromFile': async () => {
      const chosen = await files.open('card');
      if (!chosen) return null;
      return identity.addContact(await readSmallText(chosen, 8192));
    },
    'sharing:verifyContact': ({ id, verified }) => identity.setVerified(id, verified),
    'sharing:removeContact': ({ id }) => (identity.removeContact(id), null),
    'sharing:share': async ({ selection, resolutions, fingerprint, contactId }) => {
      // The same check and the same refusals as saving a file: nothing undecided leaves.
      const { doc } = await exports.settled(selection, resolutions, fingerprint);
      const sealed = await sharing.sealShare(doc, contactId);
      // Recorded before the file is written (and taken back if writing fails): a share on its way always
      // has its record, so the feedback that answers it can find its way home.
      let share: SentShare | null = null;
      const target = await files.save(
        bundleFileName('share', localDay(new Date())),
        'bundle',
        () => sealed.bundle,
        (chosen) => {
          const recorded = sealed.record(path.basename(chosen));
          share = recorded;
          return () => sharing.forgetShare(recorded.id);
        },
      );
      return target ? { path: target, folder: path.dirname(target), share } : { path: null, folder: null, share: null };
    },
    'sharing:sent': () => sharing.sent(),
    'sharing:import': async () => {
      const chosen = await files.open('bundle');
      return chosen ? sharing.importFile(chosen) : null;
    },
    'sharing:pending': () => sharing.pending(),
    'sharing:importPending': ({ id }) => sharing.importPending(id),
    'sharing:dismissPending': ({ id }) => (sharing.dismissPending(id), null),
    'sharing:received': () => sharing.received(),
    'sharing:receivedShare': ({ id }) => sharing.receivedShare(id),
    'sharing:saveComment': ({ shareId, ref, body }) => sharing.saveComment(shareId, ref, body),
    'sharing:sendFeedback': async ({ shareId }) => {
      const sealed = await sharing.sealFeedback(shareId);
      const target = await files.save(bundleFileName('feedback', localDay(new Date())), 'bundle', () => sealed.bundle);
      return target
        ? { path: target, fileName: path.basename(target), folder: path.dirname(target), share: sealed.record() }
        : { path: null, fileName: null, folder: null, share: null };
    },
    'sharing:removeReceived': ({ id }) => (sharing.removeReceived(id), null),
    'sharing:feedbackFor': ({ sourceId }) => sharing.feedbackFor(sourceId),
    'sharing:addReply': ({ feedbackId, ref, body }) => sharing.addReply(feedbackId, ref, body),
    'sharing:removeReply': ({ id }) => (sharing.removeReply(id), null),
    'sharing:waitingReplies': () => sharing.waitingReplies(),
  };
}
