import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  describeMinutes,
  minutesOf,
  type MonthStanding,
  standingOf,
  standingWords,
} from '../../../../common/supervision/hours';
import type { Supervisor } from '../../../../common/supervision/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { addMonths, monthLabel, thisMonth } from './format';
import { InputField } from './fields';
import { useHours } from './queries';
import styles from './supervision.module.css';
import tables from '../../ui/table.module.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Quiet for what asks nothing of the person; the rest in the ordinary text colour, never an alarm. */
const STANDING_STYLE: Record<MonthStanding, string | undefined> = {
  'outside-contract': styles.muted,
  'no-minimum': styles.muted,
  met: styles.met,
  'to-go': undefined,
  'nothing-recorded': styles.muted,
  less: undefined,
};

/**
 * Supervision time month by month, against the contract's minimum, and a CSV or PDF of it for appraisal or
 * revalidation.
 */
export function HoursLog({ supervisor }: { supervisor: Supervisor }) {
  const id = useId();
  const [to, setTo] = useState(thisMonth);
  const [from, setFrom] = useState(() => addMonths(thisMonth(), -5));
  const [note, setNote] = useState('');
  const valid = MONTH.test(from) && MONTH.test(to);
  const inOrder = valid && from <= to;
  const hours = useHours(supervisor.id, from, to, inOrder);
  const months = hours.data ?? [];
  const totalMinutes = months.reduce((sum, m) => sum + m.minutes, 0);
  const totalSessions = months.reduce((sum, m) => sum + m.sessions, 0);
  const minimum = minutesOf(supervisor.minHoursPerMonth);
  const current = thisMonth();

  const exportCsv = useMutation({
    mutationFn: () => unwrap(holding().supervision.exportHoursCsv({ supervisorId: supervisor.id, from, to })),
    onMutate: () => setNote(''),
    onSuccess: ({ path }) => setNote(path ? `Saved to ${path}` : ''),
  });
  const exportPdf = useMutation({
    mutationFn: () => unwrap(holding().supervision.exportHoursPdf({ supervisorId: supervisor.id, from, to })),
    onMutate: () => setNote(''),
    onSuccess: ({ path }) => setNote(path ? `Saved to ${path}` : ''),
  });
  const exporting = exportCsv.isPending || exportPdf.isPending;

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className={styles.cardHeading}>
        Hours
      </h2>
      <p className={styles.muted}>
        {minimum
          ? `Your contract asks for at least ${describeMinutes(minimum)} a month. Each session counts towards the month it began in.`
          : 'No minimum is set for this supervision. Each session counts towards the month it began in.'}
      </p>
      <div className={styles.range}>
        <InputField
          id={`${id}-from`}
          label="From"
          small
          type="month"
          value={from}
          max={to || undefined}
          onChange={setFrom}
        />
        <InputField id={`${id}-to`} label="To" small type="month" value={to} min={from || undefined} onChange={setTo} />
      </div>
      {!valid ? (
        <p className={styles.gentle}>Please choose both a first and a last month.</p>
      ) : !inOrder ? (
        <p className={styles.gentle}>The first month comes after the last one. Could you swap them round?</p>
      ) : null}
      {hours.isError ? <Notice>{describeError(hours.error)}</Notice> : null}
      {inOrder && hours.data ? (
        <div className={styles.tableScroll}>
          <table className={`${tables.table} ${styles.table}`} data-testid="hours-table">
            <caption>
              Hours by month, {monthLabel(from)} to {monthLabel(to)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Time</th>
                <th scope="col" className={styles.num}>
                  Sessions
                </th>
                <th scope="col">{minimum ? `Against ${describeMinutes(minimum)}` : 'Minimum'}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <th scope="row">{monthLabel(m.month)}</th>
                  <td className={styles.nowrap}>{describeMinutes(m.minutes)}</td>
                  <td className={styles.num}>{m.sessions}</td>
                  <td>
                    <span className={STANDING_STYLE[standingOf(m, current)]}>{standingWords(m, current)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">In all</th>
                <td className={styles.nowrap}>{describeMinutes(totalMinutes)}</td>
                <td className={styles.num}>{totalSessions}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      <div className={styles.row}>
        {(
          [
            [exportCsv, exportPdf, 'CSV'],
            [exportPdf, exportCsv, 'PDF'],
          ] as const
        ).map(([mine, other, name]) => (
          <Button
            key={name}
            variant="secondary"
            disabled={!inOrder || exporting}
            onClick={() => {
              other.reset();
              mine.mutate();
            }}
          >
            {mine.isPending ? 'Saving…' : `Export as ${name}`}
          </Button>
        ))}
      </div>
      <div role="status" className={styles.exportStatus} data-testid="hours-status">
        {note}
      </div>
      {exportCsv.isError ? <Notice>{describeError(exportCsv.error)}</Notice> : null}
      {exportPdf.isError ? <Notice>{describeError(exportPdf.error)}</Notice> : null}
    </section>
  );
}
