import { useId } from 'react';
import { type ExportRecord, FORMAT_NAMES } from '../../../../common/export/types';
import { describeError, holding } from '../../api';
import { Notice } from '../../ui/controls';
import tables from '../../ui/table.module.css';
import { useRecords } from './queries';
import { ShowInFolder } from '../../ui/ShowInFolder';
import styles from './export.module.css';

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const formatName = (format: ExportRecord['format']) =>
  format === 'hours-pdf' ? 'PDF (hours log)' : FORMAT_NAMES[format];

function settledWords(r: ExportRecord): string {
  const parts = [
    r.redacted ? `${r.redacted} redacted` : '',
    r.pseudonymised ? `${r.pseudonymised} pseudonymised` : '',
    r.kept ? `${r.kept} kept` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Nothing to settle';
}

/**
 * A record of each export: what, when, where to (the folder, for exports since Holding kept it), and how the
 * findings were settled. The files themselves are not kept.
 */
export function ExportedBefore() {
  const id = useId();
  const records = useRecords();
  const list = records.data ?? [];
  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Exported before</h2>
      {records.isError ? <Notice>{describeError(records.error)}</Notice> : null}
      {records.data && !list.length ? (
        <p className={styles.muted} data-testid="no-exports">
          Nothing exported yet. Each time you save an export, a note of it appears here: when, what and where. Holding
          keeps no copy of the file itself.
        </p>
      ) : null}
      {list.length ? (
        <>
          <p className={styles.muted}>Holding keeps a note of each export here, but no copy of the file itself.</p>
          <div className={styles.tableScroll} tabIndex={0} role="group" aria-labelledby={`${id}-h`}>
            <table className={`${tables.table} ${styles.records}`} data-testid="export-records">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Title</th>
                  <th scope="col">Format</th>
                  <th scope="col">Saved as</th>
                  <th scope="col" className={styles.num}>
                    Items
                  </th>
                  <th scope="col">Findings</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.id}>
                    <td className={styles.nowrap}>{when.format(new Date(r.createdAt))}</td>
                    <th scope="row">{r.title}</th>
                    <td>{formatName(r.format)}</td>
                    <td className={styles.savedAs}>
                      <span className={styles.fileName}>{r.fileName}</span>
                      {r.folder ? (
                        <>
                          <span className={styles.muted}>
                            in <span className={styles.folder}>{r.folder}</span>
                          </span>
                          <ShowInFolder
                            show={() => holding().export.showInFolder({ record: r.id })}
                            label={`Show in folder: ${r.fileName}, saved ${when.format(new Date(r.createdAt))}`}
                          />
                        </>
                      ) : (
                        <span className={styles.muted}>Saved before Holding kept a note of the folder.</span>
                      )}
                    </td>
                    <td className={styles.num}>{r.items}</td>
                    <td>{settledWords(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
