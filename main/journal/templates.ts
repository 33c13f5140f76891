import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import {
  BUILTIN_TEMPLATES,
  findBuiltinTemplate,
  type Template,
  type TemplateSection,
} from '../../common/journal/templates';
import type { Vault } from '../vault/vault';

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  sections_json: string;
}

export interface TemplateInput {
  id?: string | undefined;
  name: string;
  description: string;
  sections: TemplateSection[];
}

/** Built-in reflective models from code, the person's own templates from the database. */
export class TemplateService {
  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private db(): Database {
    return this.vault.db();
  }

  list(): Template[] {
    const rows = this.db()
      .prepare('SELECT id, name, description, sections_json FROM templates ORDER BY name COLLATE NOCASE')
      .all() as TemplateRow[];
    return [...BUILTIN_TEMPLATES, ...rows.map(fromRow)];
  }

  get(id: string): Template {
    const builtin = findBuiltinTemplate(id);
    if (builtin) return builtin;
    const row = this.db().prepare('SELECT id, name, description, sections_json FROM templates WHERE id = ?').get(id) as
      TemplateRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That template could not be found. It may have been deleted.');
    return fromRow(row);
  }

  save(input: TemplateInput): Template {
    if (input.id && findBuiltinTemplate(input.id)) {
      throw new AppError(
        'BUILTIN_TEMPLATE',
        'The built-in templates stay as they are. Duplicate one to make a version of your own.',
      );
    }
    const stamp = this.now().toISOString();
    const sections = input.sections
      .map((s) => ({ heading: s.heading.trim(), prompt: s.prompt.trim() }))
      .filter((s) => s.heading.length > 0);
    const name = input.name.trim();
    if (!name) throw new AppError('INVALID_INPUT', 'Please give the template a name.');
    if (input.id) {
      const changed = this.db()
        .prepare('UPDATE templates SET name = ?, description = ?, sections_json = ?, updated_at = ? WHERE id = ?')
        .run(name, input.description.trim(), JSON.stringify(sections), stamp, input.id).changes;
      if (!changed) throw new AppError('NOT_FOUND', 'That template could not be found. It may have been deleted.');
      return this.get(input.id);
    }
    const id = `user:${randomUUID()}`;
    this.db()
      .prepare(
        'INSERT INTO templates (id, name, description, sections_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, name, input.description.trim(), JSON.stringify(sections), stamp, stamp);
    return this.get(id);
  }

  duplicate(id: string): Template {
    const source = this.get(id);
    return this.save({ name: `${source.name} (my copy)`, description: source.description, sections: source.sections });
  }

  /** Entries made from it keep their text; they simply no longer point at a template. */
  delete(id: string): void {
    if (findBuiltinTemplate(id)) {
      throw new AppError(
        'BUILTIN_TEMPLATE',
        'The built-in templates cannot be deleted, but you can simply not use them.',
      );
    }
    const db = this.db();
    db.transaction(() => {
      if (!db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes) {
        throw new AppError('NOT_FOUND', 'That template could not be found. It may have been deleted already.');
      }
      db.prepare('UPDATE entries SET template_id = NULL WHERE template_id = ?').run(id);
    })();
  }
}

function fromRow(row: TemplateRow): Template {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builtin: false,
    sections: JSON.parse(row.sections_json) as TemplateSection[],
  };
}
