import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

/** Bringing a journal in from another app: main asks where (the window never names a path), then reads it. */
export function importHandlers(ctx: HandlerContext): HandlersOf<'import'> {
  const { imports, files } = ctx;
  return {
    'import:chooseFile': async (_input, task) => {
      const file = await files.open('import');
      return file ? imports.open(file, task) : null;
    },
    'import:chooseFolder': async (_input, task) => {
      const folder = await files.folder('import');
      return folder ? imports.open(folder, task) : null;
    },
    'import:run': ({ id }, task) => imports.run(id, task),
    'import:list': () => imports.records(),
    'import:undo': ({ id }) => imports.undo(id),
  };
}
