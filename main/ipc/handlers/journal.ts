import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function journalHandlers({ journal }: HandlerContext): HandlersOf<'journal'> {
  return {
    'journal:list': (input) => journal.list(input),
    'journal:get': ({ id }) => journal.get(id),
    'journal:create': (input) => journal.create(input),
    'journal:save': (input) => journal.save(input),
    'journal:trash': ({ id }) => (journal.trash(id), null),
    'journal:restore': ({ id }) => (journal.restore(id), null),
    'journal:deleteForever': ({ id }) => (journal.deleteForever(id), null),
    'journal:emptyTrash': () => ({ count: journal.emptyTrash() }),
    'journal:revisions': ({ id }) => journal.revisions(id),
    'journal:revision': ({ id }) => journal.revision(id),
    'journal:restoreRevision': ({ entryId, revisionId }) => journal.restoreRevision(entryId, revisionId),
    'journal:tags': () => journal.tags(),
    'journal:links': ({ id }) => journal.links(id),
    'journal:link': ({ fromId, toId }) => journal.link(fromId, toId),
    'journal:unlink': ({ fromId, toId }) => journal.unlink(fromId, toId),
  };
}
