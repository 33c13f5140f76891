import { type KeyboardEvent, useCallback, useId, useMemo, useState } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  type DotItemDotProps,
  Line,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import type { Checkin } from '../../../../common/checkins/types';
import { Button } from '../../ui/controls';
import {
  capacityPhrase,
  DAY_MS,
  describePoint,
  PERIODS,
  type PeriodId,
  pointsWithin,
  ticksFor,
  type TrendPoint,
  when,
} from './format';
import styles from './checkins.module.css';
import tables from '../../ui/table.module.css';

const CHART_HEIGHT = 280;
/** A check-in saved "now" may be a moment ahead of the page's clock. */
const CLOCK_GRACE_MS = 5 * 60 * 1000;

const diamond = (x: number, y: number, r: number) => `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;

/**
 * Each check-in as a point; those with a sign ticked drawn as a larger diamond, as the key below says. The one
 * the arrow keys have reached (`active`) has a ring round it.
 */
function renderPoint(props: DotItemDotProps, active: number | null) {
  const { cx, cy, index } = props;
  const point = props.payload as TrendPoint;
  if (typeof cx !== 'number' || typeof cy !== 'number') return null;
  return (
    <g
      key={point.id ?? index}
      data-testid="chart-point"
      data-with-sign={point.withSign ? 'true' : 'false'}
      data-active={index === active ? 'true' : undefined}
    >
      {index === active ? <circle cx={cx} cy={cy} r={11} className={styles.pointRing} /> : null}
      {point.withSign ? (
        <path d={diamond(cx, cy, 7)} className={styles.signMarker} />
      ) : (
        <circle cx={cx} cy={cy} r={4} className={styles.point} />
      )}
    </g>
  );
}

function ChartTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as TrendPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <strong>{when(point.t)}</strong>
      <div>Capacity: {capacityPhrase(point.capacity)}</div>
      {point.signs.length ? <div>Signs: {point.signs.join(', ')}</div> : null}
    </div>
  );
}

function describeChart(points: readonly TrendPoint[], words: string): string {
  const values = points.map((p) => p.capacity);
  const withSign = points.filter((p) => p.withSign).length;
  const signs =
    withSign === 0
      ? 'none with an early-warning sign ticked'
      : `${withSign} with an early-warning sign ticked, drawn as diamonds`;
  return (
    `Line chart of your capacity over ${words}: ${points.length} check-ins, from ${Math.min(...values)} to ` +
    `${Math.max(...values)} out of 10, ${signs}. Use the left and right arrow keys to move between check-ins, ` +
    `Home for the first and End for the latest.`
  );
}

/** Capacity over the past week, month or year, with the same points as a table for anyone who prefers one. */
export function Trend({ checkins }: { checkins: readonly Checkin[] | undefined }) {
  const id = useId();
  const [period, setPeriod] = useState<PeriodId>('month');
  const [showTable, setShowTable] = useState(false);
  const spec = PERIODS.find((p) => p.id === period)!;

  const { start, end, points, ticks, format } = useMemo(() => {
    const now = Date.now();
    const start = now - spec.days * DAY_MS;
    const points = pointsWithin(checkins ?? [], start, now + CLOCK_GRACE_MS);
    const end = Math.max(now, points.at(-1)?.t ?? now);
    return { start, end, points, ...ticksFor(period, start, end) };
  }, [checkins, period, spec.days]);

  const tableId = `${id}-table`;

  // The check-in the arrow keys have reached (an index into points), and whether the chart has focus. Recharts'
  // own keyboard layer is off: it said nothing through our tooltip and had no Home or End.
  const [reached, setReached] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  // Whether a key has moved to a check-in since the chart took focus. Only then is the one reached said:
  // filled at once on focus, the live region would be read straight after the chart's own label.
  const [moved, setMoved] = useState(false);
  const active = reached === null || points.length === 0 ? null : Math.min(reached, points.length - 1);
  const choosePeriod = (next: PeriodId) => {
    setPeriod(next);
    setReached(null);
  };
  const onChartKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const last = points.length - 1;
    // Before any is reached, Right starts at the first and Left at the latest.
    const moves: Record<string, number> = {
      ArrowRight: active === null ? 0 : Math.min(active + 1, last),
      ArrowLeft: active === null ? last : Math.max(active - 1, 0),
      Home: 0,
      End: last,
    };
    const next = moves[event.key] ?? null;
    if (next === null) return;
    event.preventDefault();
    setReached(next);
    setMoved(true);
  };
  const dot = useCallback((props: DotItemDotProps) => renderPoint(props, focused ? active : null), [focused, active]);
  const spoken = active === null ? '' : describePoint(points[active]!, active, points.length, Date.now());

  return (
    <section className={styles.card} aria-labelledby={`${id}-h`}>
      <div className={styles.trendHeader}>
        <h2 id={`${id}-h`}>Capacity over time</h2>
        <div className={styles.periods} role="group" aria-label="Period to show">
          {PERIODS.map((p) => (
            <Button
              key={p.id}
              variant={p.id === period ? 'primary' : 'secondary'}
              aria-pressed={p.id === period}
              onClick={() => choosePeriod(p.id)}
            >
              {p.label}
            </Button>
          ))}
        </div>
      </div>
      <p className={points.length >= 2 ? styles.muted : styles.empty} aria-live="polite">
        {points.length === 0
          ? `No check-ins in ${spec.words} yet. Once there are two or more, a line will appear here.`
          : points.length === 1
            ? `Just one check-in in ${spec.words}, so there is no line to draw yet. One more and it will begin.`
            : `${points.length} check-ins in ${spec.words}.`}
      </p>

      {points.length >= 2 ? (
        <>
          {/*
            One stop in the Tab order; the arrow keys, Home and End move between check-ins, and the one reached is
            said from the live region below (role application, so a screen reader passes the keys on to it).
          */}
          <div
            className={styles.chartBox}
            data-testid="capacity-chart"
            role="application"
            tabIndex={0}
            aria-label={describeChart(points, spec.words)}
            onKeyDown={onChartKey}
            onFocus={() => {
              setFocused(true);
              setMoved(false);
            }}
            onBlur={() => setFocused(false)}
          >
            {/*
              No allowDataOverflow on the axes: it clips the line and its points to the plotting area, which cut
              today's point (always at the right edge) and any point at 10 in half. Every point lies within the
              domain anyway, and the margins leave room for the largest marker.
            */}
            <ComposedChart
              responsive
              style={{ width: '100%', height: CHART_HEIGHT }}
              data={points}
              margin={{ top: 12, right: 16, bottom: 4, left: 0 }}
              accessibilityLayer={false}
              aria-hidden="true"
              className={styles.chart ?? ''}
            >
              <CartesianGrid vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                domain={[start, end]}
                ticks={ticks}
                tickFormatter={format}
                interval="preserveStartEnd"
                minTickGap={8}
              />
              <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} allowDecimals={false} width={32} />
              <Tooltip
                content={ChartTooltip}
                isAnimationActive={false}
                {...(focused && active !== null ? { active: true, defaultIndex: active } : {})}
              />
              <Line
                dataKey="capacity"
                name="Capacity"
                type="linear"
                dot={dot}
                activeDot={{ r: 7, className: styles.activePoint ?? '' }}
                isAnimationActive={false}
              />
            </ComposedChart>
          </div>
          <p
            role="status"
            aria-live="polite"
            aria-atomic="true"
            className="visually-hidden"
            data-testid="chart-reached"
          >
            {focused && moved ? spoken : ''}
          </p>
          <ul className={styles.key} aria-label="Key to the chart">
            <li>
              <svg aria-hidden="true" width="28" height="16" viewBox="0 0 28 16">
                <line x1="0" y1="8" x2="28" y2="8" className={styles.legendLine} />
                <circle cx="14" cy="8" r="4" className={styles.point} />
              </svg>
              Your capacity, 0 to 10
            </li>
            <li>
              <svg aria-hidden="true" width="20" height="16" viewBox="0 0 20 16">
                <path d={diamond(10, 8, 7)} className={styles.signMarker} />
              </svg>
              A check-in where you ticked an early-warning sign
            </li>
          </ul>
        </>
      ) : null}

      {points.length ? (
        <>
          <Button
            variant="secondary"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? 'Hide the table' : 'Show as a table'}
          </Button>
          <div id={tableId} hidden={!showTable} className={styles.tableBox}>
            <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby={`${tableId}-caption`}>
              <table className={`${tables.table} ${styles.table}`}>
                <caption id={`${tableId}-caption`}>Your check-ins over {spec.words}, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date and time</th>
                    <th scope="col">Capacity</th>
                    <th scope="col">Early-warning signs</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{when(p.t)}</th>
                      <td>{capacityPhrase(p.capacity)}</td>
                      <td>{p.signs.length ? p.signs.join(', ') : 'None'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
