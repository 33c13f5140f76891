import { safeFileName } from '../files';
import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function supervisionHandlers(ctx: HandlerContext): HandlersOf<'supervision'> {
  const { supervision, exports, files } = ctx;
  const hoursFileName = (supervisorId: string, from: string, to: string, extension: string) =>
    `Supervision hours - ${safeFileName(supervision.supervisor(supervisorId).name, 'supervision')} - ${from} to ${to}.${extension}`;
  return {
    'supervision:supervisors': () => supervision.supervisors(),
    'supervision:saveSupervisor': (input) => supervision.saveSupervisor(input),
    'supervision:setEnded': ({ id, ended }) => supervision.setEnded(id, ended),
    'supervision:deleteSupervisor': ({ id }) => (supervision.deleteSupervisor(id), null),
    'supervision:agenda': ({ supervisorId }) => supervision.agenda(supervisorId),
    'supervision:addItem': ({ supervisorId, item, source }) => supervision.addAgendaItem(supervisorId, item, source),
    'supervision:updateItem': ({ id, item }) => supervision.updateAgendaItem(id, item),
    'supervision:removeItem': ({ id }) => (supervision.removeAgendaItem(id), null),
    'supervision:reorder': ({ supervisorId, ids }) => supervision.reorderAgenda(supervisorId, ids),
    'supervision:flagged': ({ supervisorId }) => supervision.flagged(supervisorId),
    'supervision:recordSession': (input) => supervision.recordSession(input),
    'supervision:sessions': ({ supervisorId }) => supervision.sessions(supervisorId),
    'supervision:deleteSession': ({ id }) => (supervision.deleteSession(id), null),
    'supervision:setActionDone': ({ id, done }) => supervision.setActionDone(id, done),
    'supervision:openActions': ({ supervisorId }) => supervision.openActions(supervisorId),
    'supervision:balance': ({ supervisorId }) => supervision.balance(supervisorId),
    'supervision:hours': ({ supervisorId, from, to }) => supervision.hours(supervisorId, { from, to }),
    'supervision:forEntry': ({ id }) => supervision.forEntry(id),
    'supervision:exportHoursCsv': async ({ supervisorId, from, to }) => {
      const csv = supervision.hoursCsv(supervisorId, { from, to });
      const target = await files.save(hoursFileName(supervisorId, from, to, 'csv'), 'csv', () => csv);
      return { path: target };
    },
    'supervision:exportHoursPdf': async ({ supervisorId, from, to }) => {
      const doc = exports.hoursDocument(supervisorId, { from, to });
      const target = await files.save(hoursFileName(supervisorId, from, to, 'pdf'), 'pdf', () =>
        exports.renderDocument('pdf', doc, ctx.renderPdf),
      );
      if (target) {
        exports.record('hours-pdf', target, {
          title: `Supervision hours with ${supervision.supervisor(supervisorId).name}`,
          items: 1,
          redacted: 0,
          pseudonymised: 0,
          kept: 0,
        });
      }
      return { path: target };
    },
  };
}
