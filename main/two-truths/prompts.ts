import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import { BUILTIN_PROMPTS, type PromptView, THEMES, type ThemeId } from '../../common/two-truths/prompts';
import type { Vault } from '../vault/vault';

interface PromptRow {
  id: string;
  theme: ThemeId;
  truth_a: string;
  truth_b: string;
  hidden: number;
}

export const MAX_PROMPT_CHARS = 300;

const notFound = () => new AppError('NOT_FOUND', 'That prompt could not be found. It may have been deleted.');

/**
 * The prompt library: built-in pairs from code, the person's own pairs and their changes to built-in
 * ones (rewording, hiding) from the database. Built-in pairs are never deleted, only hidden, so an
 * entry's `promptId` always means something.
 */
export class PromptService {
  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private db(): Database {
    return this.vault.db();
  }

  list(): PromptView[] {
    const rows = this.db()
      .prepare('SELECT id, theme, truth_a, truth_b, hidden FROM truth_prompts ORDER BY created_at, id')
      .all() as PromptRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const builtins = BUILTIN_PROMPTS.map((p): PromptView => {
      const row = byId.get(p.id);
      return row
        ? {
            ...p,
            a: row.truth_a,
            b: row.truth_b,
            hidden: row.hidden === 1,
            edited: row.truth_a !== p.a || row.truth_b !== p.b,
          }
        : { ...p, hidden: false, edited: false };
    });
    const own = rows
      .filter((r) => !r.id.startsWith('builtin:'))
      .map((r): PromptView => ({
        id: r.id,
        theme: r.theme,
        a: r.truth_a,
        b: r.truth_b,
        builtin: false,
        hidden: r.hidden === 1,
        edited: false,
      }));
    // Each theme's own pairs follow its built-in ones.
    return THEMES.flatMap((t) => [...builtins, ...own].filter((p) => p.theme === t.id));
  }

  get(id: string): PromptView {
    const prompt = this.list().find((p) => p.id === id);
    if (!prompt) throw notFound();
    return prompt;
  }

  save(input: { id?: string | undefined; theme: string; a: string; b: string }): PromptView {
    const a = input.a.replace(/\s+/g, ' ').trim();
    const b = input.b.replace(/\s+/g, ' ').trim();
    if (!a || !b) {
      throw new AppError('INVALID_INPUT', 'A prompt needs both of its truths: the first, and the one after “and yet”.');
    }
    if (a.length > MAX_PROMPT_CHARS || b.length > MAX_PROMPT_CHARS) {
      throw new AppError(
        'INVALID_INPUT',
        `Please keep each truth to ${MAX_PROMPT_CHARS} characters; a prompt is a place to start.`,
      );
    }
    if (!THEMES.some((t) => t.id === input.theme))
      throw new AppError('INVALID_INPUT', 'Please choose one of the themes.');
    const stamp = this.now().toISOString();
    const id = input.id ?? `own:${randomUUID()}`;
    const builtin = BUILTIN_PROMPTS.find((p) => p.id === id);
    if (input.id && !builtin && !this.db().prepare('SELECT 1 FROM truth_prompts WHERE id = ?').get(id))
      throw notFound();
    // A built-in pair keeps its theme: rewording it does not move it.
    const theme = builtin ? builtin.theme : input.theme;
    this.db()
      .prepare(
        `INSERT INTO truth_prompts (id, theme, truth_a, truth_b, hidden, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT (id) DO UPDATE SET theme = excluded.theme, truth_a = excluded.truth_a, truth_b = excluded.truth_b,
           updated_at = excluded.updated_at`,
      )
      .run(id, theme, a, b, stamp, stamp);
    return this.get(id);
  }

  setHidden(id: string, hidden: boolean): PromptView {
    const builtin = BUILTIN_PROMPTS.find((p) => p.id === id);
    const stamp = this.now().toISOString();
    if (builtin) {
      this.db()
        .prepare(
          `INSERT INTO truth_prompts (id, theme, truth_a, truth_b, hidden, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET hidden = excluded.hidden, updated_at = excluded.updated_at`,
        )
        .run(id, builtin.theme, builtin.a, builtin.b, hidden ? 1 : 0, stamp, stamp);
    } else if (
      this.db()
        .prepare('UPDATE truth_prompts SET hidden = ?, updated_at = ? WHERE id = ?')
        .run(hidden ? 1 : 0, stamp, id).changes === 0
    ) {
      throw notFound();
    }
    return this.get(id);
  }

  /** Own pairs are deleted; a built-in pair goes back to its original words and shows again. */
  remove(id: string): void {
    const changes = this.db().prepare('DELETE FROM truth_prompts WHERE id = ?').run(id).changes;
    if (!changes && !BUILTIN_PROMPTS.some((p) => p.id === id)) throw notFound();
  }
}
