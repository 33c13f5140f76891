import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Vault } from '../vault/vault';
import { AgendaRepository } from './agenda-repository';
import { ContractsRepository } from './contracts-repository';
import { ReportsRepository } from './reports-repository';
import { SessionsRepository } from './sessions-repository';

/** Each room's SQL, over one open database. */
export interface Repositories {
  contracts: ContractsRepository;
  agenda: AgendaRepository;
  sessions: SessionsRepository;
  reports: ReportsRepository;
}

/** Where the rooms find their repositories, and their transactions. */
export class SupervisionStore {
  private cache: { db: Database; repos: Repositories } | null = null;

  constructor(private readonly vault: Vault) {}

  /** One set of repositories per open database; a new one after each unlock. */
  repos(): Repositories {
    const db = this.vault.db();
    if (this.cache?.db !== db) {
      this.cache = {
        db,
        repos: {
          contracts: new ContractsRepository(db),
          agenda: new AgendaRepository(db),
          sessions: new SessionsRepository(db),
          reports: new ReportsRepository(db),
        },
      };
    }
    return this.cache.repos;
  }

  tx<T>(fn: (repos: Repositories) => T): T {
    const repos = this.repos();
    return this.vault.db().transaction(() => fn(repos))();
  }
}
