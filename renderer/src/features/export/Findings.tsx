import { useEffect, useId, useRef, useState } from 'react';
import { givesAway } from '../../../../common/export/resolve';
import { type ExportCheck, type ExportFinding, KIND_NAMES } from '../../../../common/export/types';
import { Button } from '../../ui/controls';
import {
  type Action,
  type Choice,
  type Decisions,
  isUndecided,
  MAX_PSEUDONYM,
  MAX_REASON,
  outcomeOf,
  overrideFor,
  pseudonymFor,
} from './draft';
import chipStyles from '../../ui/chips.module.css';
import styles from './export.module.css';

type Update = (change: (d: Decisions) => Decisions) => void;

/** How values are grouped on screen, by what they are; in this order. */
const CATEGORIES: [string, string][] = [
  ['name', 'Names'],
  ['nhs-number', 'NHS numbers'],
  ['date-of-birth', 'Dates of birth'],
  ['address', 'Street addresses'],
  ['postcode', 'Postcodes'],
  ['phone', 'Phone numbers'],
  ['email', 'E-mail addresses'],
  ['place', 'Places'],
];

const categoryOf = (valueKey: string) => valueKey.slice(0, valueKey.indexOf(':'));

interface ValueGroupData {
  valueKey: string;
  findings: ExportFinding[];
}

/** Findings by value, in reading order, and the values by category. */
export function groupFindings(findings: readonly ExportFinding[]): { category: string; values: ValueGroupData[] }[] {
  const byValue = new Map<string, ExportFinding[]>();
  for (const f of findings) byValue.set(f.valueKey, [...(byValue.get(f.valueKey) ?? []), f]);
  const values = [...byValue].map(([valueKey, list]) => ({ valueKey, findings: list }));
  const known = new Set(CATEGORIES.map(([c]) => c));
  const groups = CATEGORIES.map(([category, label]) => ({
    category: label,
    values: values.filter((v) => categoryOf(v.valueKey) === category),
  }));
  groups.push({ category: 'Other details', values: values.filter((v) => !known.has(categoryOf(v.valueKey))) });
  return groups.filter((g) => g.values.length);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** More than this many places, and a value shows only its first few at first. */
const MANY = 8;
const FIRST_FEW = 5;

/** The check gives up to 48 characters either side; near that, the text very likely goes on. */
const clipped = (context: string) => context.length >= 44;

interface Props {
  check: ExportCheck;
  decisions: Decisions;
  remaining: number;
  onDecisions: Update;
}

/** Every finding in its context, grouped by value: decide for all like it at once, or for one on its own. */
export function Findings({ check, decisions, remaining, onDecisions }: Props) {
  const id = useId();
  const total = check.findings.length;
  const groups = groupFindings(check.findings);

  const redactTheRest = () =>
    onDecisions((d) => {
      const next: Decisions = { ...d, byValue: { ...d.byValue }, byFinding: { ...d.byFinding } };
      for (const f of check.findings) {
        if (!isUndecided(f, next, check.pseudonyms)) continue;
        if (overrideFor(f, next))
          next.byFinding[f.id] = { choice: { action: 'redact' }, text: f.text, valueKey: f.valueKey };
        else next.byValue[f.valueKey] = { action: 'redact' };
      }
      return next;
    });

  if (!total) {
    return (
      <div className={styles.allClear} data-testid="nothing-found">
        <p>
          <strong>Nothing that looks identifying turned up.</strong>
        </p>
        <p>
          That is a good sign. No check catches everything, though, so please read the preview through before you save
          it.
        </p>
      </div>
    );
  }

  return (
    <>
      <div className={styles.tally}>
        <p role="status" className={styles.tallyText} data-testid="remaining">
          {remaining
            ? `${plural(remaining, 'thing', 'things')} of ${total} still ${remaining === 1 ? 'needs' : 'need'} a decision.`
            : `All ${total} have a decision.`}
        </p>
        {remaining ? (
          <Button variant="secondary" onClick={redactTheRest}>
            Redact all that remain
          </Button>
        ) : null}
      </div>
      <p className={styles.muted}>
        The check found {plural(total, 'thing', 'things')} that could identify someone. For each one:{' '}
        <strong>redact</strong> it, leaving [redacted] in its place; use a <strong>pseudonym</strong>, the same one
        everywhere it appears; or <strong>keep</strong> it as written, saying why.
      </p>
      {groups.map((group, index) => (
        <section key={group.category} className={styles.category} aria-labelledby={`${id}-cat-${index}`}>
          <h3 id={`${id}-cat-${index}`} className={styles.categoryHeading}>
            {group.category}
          </h3>
          <ul className={styles.values}>
            {group.values.map((v) => (
              <ValueGroup
                key={v.valueKey}
                valueKey={v.valueKey}
                findings={v.findings}
                check={check}
                decisions={decisions}
                onDecisions={onDecisions}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

interface GroupProps {
  valueKey: string;
  findings: ExportFinding[];
  check: ExportCheck;
  decisions: Decisions;
  onDecisions: Update;
}

function ValueGroup({ valueKey, findings, check, decisions, onDecisions }: GroupProps) {
  const id = useId();
  const first = findings[0]!;
  const n = findings.length;
  const kinds = [...new Set(findings.map((f) => KIND_NAMES[f.kind]))];
  const items = new Set(findings.filter((f) => f.sectionIndex >= 0).map((f) => f.sectionIndex)).size;
  const inTitle = findings.some((f) => f.sectionIndex < 0);
  const choice = decisions.byValue[valueKey];
  const suggested = check.pseudonyms[valueKey] ?? 'Someone';
  const pseudonym = pseudonymFor(valueKey, decisions, check.pseudonyms);
  const undecided = findings.filter((f) => isUndecided(f, decisions, check.pseudonyms)).length;
  const anyPseudonym =
    choice?.action === 'pseudonym' || findings.some((f) => overrideFor(f, decisions)?.action === 'pseudonym');

  // A value found many times shows its first few places until asked for the rest.
  const [showAll, setShowAll] = useState(
    () => n <= MANY || findings.slice(FIRST_FEW).some((f) => overrideFor(f, decisions) !== undefined),
  );
  const choose = (action: Action) =>
    onDecisions((d) => ({ ...d, byValue: { ...d.byValue, [valueKey]: withAction(d.byValue[valueKey], action) } }));
  const setReason = (reason: string) =>
    onDecisions((d) => ({ ...d, byValue: { ...d.byValue, [valueKey]: { action: 'keep', reason } } }));
  const setOverride = (finding: ExportFinding, next: Choice | null) =>
    onDecisions((d) => {
      const byFinding = { ...d.byFinding };
      if (next) byFinding[finding.id] = { choice: next, text: finding.text, valueKey: finding.valueKey };
      else delete byFinding[finding.id];
      return { ...d, byFinding };
    });

  return (
    <li className={styles.value} data-undecided={undecided > 0 || undefined}>
      <div className={styles.valueHead}>
        <h4 id={`${id}-h`} className={styles.valueText}>
          “{first.text}”
        </h4>
        <span className={styles.valueMeta}>
          {kinds.join(' or ')} · {n === 1 ? 'once' : `${n} times`}
          {items > 1 || (items && inTitle) ? `, in ${plural(items, 'item', 'items')}` : ''}
          {inTitle && n > 1 ? ' and the title' : ''}
        </span>
        <span className={styles.state} data-state={undecided ? 'open' : 'done'}>
          {undecided ? (n === 1 ? 'Still to decide' : `${undecided} still to decide`) : 'Decided'}
        </span>
      </div>
      <DecisionChips
        name={`${id}-all`}
        legend={n === 1 ? `What to do with “${first.text}”` : `What to do with all ${n} like “${first.text}”`}
        value={choice?.action}
        pseudonym={pseudonym}
        onChange={choose}
      />
      {choice?.action === 'keep' ? <ReasonField text={first.text} reason={choice.reason} onChange={setReason} /> : null}
      {anyPseudonym ? (
        <PseudonymField
          valueKey={valueKey}
          text={first.text}
          suggested={suggested}
          decisions={decisions}
          check={check}
          onChange={(value) => onDecisions((d) => ({ ...d, pseudonyms: { ...d.pseudonyms, [valueKey]: value } }))}
        />
      ) : null}
      <ol id={`${id}-list`} className={styles.occurrences} aria-label={`Where “${first.text}” appears`}>
        {(showAll ? findings : findings.slice(0, FIRST_FEW)).map((f, i) => (
          <Occurrence
            key={f.id}
            finding={f}
            position={n > 1 ? `${i + 1} of ${n}` : null}
            decisions={decisions}
            suggested={check.pseudonyms}
            onOverride={(next) => setOverride(f, next)}
          />
        ))}
      </ol>
      {showAll ? null : (
        <Button
          variant="quiet"
          className={styles.separately}
          onClick={() => {
            setShowAll(true);
            // Focus goes on to the first of those just shown.
            requestAnimationFrame(() =>
              document
                .getElementById(`${id}-list`)
                ?.querySelectorAll<HTMLElement>('li')
                [FIRST_FEW]?.querySelector<HTMLElement>('button, input')
                ?.focus(),
            );
          }}
        >
          Show all {n} places it appears
        </Button>
      )}
    </li>
  );
}

function withAction(previous: Choice | undefined, action: Action): Choice {
  if (action !== 'keep') return { action };
  return { action: 'keep', reason: previous?.action === 'keep' ? previous.reason : '' };
}

interface OccurrenceProps {
  finding: ExportFinding;
  /** "2 of 6", when there are several like it. */
  position: string | null;
  decisions: Decisions;
  suggested: Record<string, string>;
  onOverride: (choice: Choice | null) => void;
}

function Occurrence({ finding, position, decisions, suggested, onOverride }: OccurrenceProps) {
  const id = useId();
  const own = overrideFor(finding, decisions);
  const [open, setOpen] = useState(own !== undefined);
  const outcome = isUndecided(finding, decisions, suggested) ? null : outcomeOf(finding, decisions, suggested);
  const where = finding.sectionIndex < 0 ? 'in the title' : `in “${finding.sectionTitle}”`;
  const shown = open || own !== undefined;
  // Opening and closing swap the button for the choices and back: focus follows to what is now there.
  const focusNext = useRef<'choices' | 'button' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'choices') document.querySelector<HTMLElement>(`input[name="${CSS.escape(`${id}-own`)}"]`)?.focus();
    if (target === 'button') document.getElementById(`${id}-separately`)?.focus();
  }, [shown, id]);

  return (
    <li className={styles.occurrence}>
      <p className={styles.context} id={`${id}-context`}>
        {finding.before ? `${clipped(finding.before) ? '…' : ''}${finding.before}` : null}
        <mark className={styles.match}>{finding.text}</mark>
        {finding.after ? `${finding.after}${clipped(finding.after) ? '…' : ''}` : null}
      </p>
      <p className={styles.where}>
        {KIND_NAMES[finding.kind]}, {where}
        {' · '}
        <span className={styles.outcome} data-action={outcome?.action ?? 'open'}>
          {!outcome ? 'still to decide' : outcome.action === 'keep' ? 'stays as written' : `becomes “${outcome.text}”`}
          {own ? ' (decided on its own)' : ''}
        </span>
      </p>
      {position ? (
        shown ? (
          <div className={styles.own}>
            <DecisionChips
              name={`${id}-own`}
              legend={`Just this one (${position})`}
              value={own?.action}
              pseudonym={pseudonymFor(finding.valueKey, decisions, suggested)}
              onChange={(action) => onOverride(withAction(own, action))}
            />
            {own?.action === 'keep' ? (
              <ReasonField
                text={finding.text}
                reason={own.reason}
                onChange={(reason) => onOverride({ action: 'keep', reason })}
              />
            ) : null}
            <Button
              variant="quiet"
              onClick={() => {
                focusNext.current = 'button';
                onOverride(null);
                setOpen(false);
              }}
            >
              Same as the others
            </Button>
          </div>
        ) : (
          <Button
            variant="quiet"
            id={`${id}-separately`}
            className={styles.separately}
            aria-describedby={`${id}-context`}
            onClick={() => {
              focusNext.current = 'choices';
              setOpen(true);
            }}
          >
            Decide this one separately
          </Button>
        )
      ) : null}
    </li>
  );
}

const ACTIONS: Action[] = ['redact', 'pseudonym', 'keep'];

function DecisionChips({
  name,
  legend,
  value,
  pseudonym,
  onChange,
}: {
  name: string;
  legend: string;
  value: Action | undefined;
  pseudonym: string;
  onChange: (action: Action) => void;
}) {
  const labels: Record<Action, string> = {
    redact: 'Redact',
    pseudonym: `Pseudonym: ${pseudonym}`,
    keep: 'Keep',
  };
  return (
    <fieldset className={styles.decision}>
      <legend className={styles.decisionLegend}>{legend}</legend>
      <div className={chipStyles.chips}>
        {ACTIONS.map((action) => (
          <label key={action} className={chipStyles.chip}>
            <input
              type="radio"
              className={chipStyles.radio}
              name={name}
              value={action}
              checked={value === action}
              onChange={() => onChange(action)}
            />
            <span>{labels[action]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ReasonField({ text, reason, onChange }: { text: string; reason: string; onChange: (reason: string) => void }) {
  const id = useId();
  const missing = !reason.trim();
  // Not marked wrong the moment Keep is chosen: only once the person has been in the box and left it empty.
  const [touched, setTouched] = useState(false);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.smallLabel}>
        Why “{text}” can stay
      </label>
      <input
        id={id}
        className={styles.input}
        value={reason}
        maxLength={MAX_REASON}
        autoComplete="off"
        aria-invalid={(missing && touched) || undefined}
        aria-describedby={`${id}-hint`}
        onBlur={() => setTouched(true)}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-hint`} className={missing ? styles.gentleSmall : styles.hint}>
        {missing
          ? 'A few words are enough. Until there is a reason, this still needs a decision.'
          : 'For you: the reason is not written into the export.'}
      </span>
    </div>
  );
}

function PseudonymField({
  valueKey,
  text,
  suggested,
  decisions,
  check,
  onChange,
}: {
  valueKey: string;
  text: string;
  suggested: string;
  decisions: Decisions;
  check: ExportCheck;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const typed = decisions.pseudonyms[valueKey];
  const value = typed ?? suggested;
  const used = value.trim().toLocaleLowerCase('en-GB');
  const clash = used
    ? Object.keys(check.pseudonyms).find(
        (other) =>
          other !== valueKey && pseudonymFor(other, decisions, check.pseudonyms).toLocaleLowerCase('en-GB') === used,
      )
    : undefined;
  const clashText = clash ? check.findings.find((f) => f.valueKey === clash)?.text : undefined;
  // Main refuses these too: a stand-in that shares a word with the name, or names someone else the check found.
  const revealing =
    givesAway(value, text) ||
    check.findings.some((f) => f.valueKey !== valueKey && f.kind !== 'link-address' && givesAway(value, f.text));
  const note = !value.trim()
    ? `An empty pseudonym would leave a gap, so “${suggested}” will be used unless you type another.`
    : revealing
      ? 'This pseudonym gives away part of what it stands for, or another name or detail the check found, so it needs another before you can save.'
      : clashText
        ? `“${value.trim()}” also stands in for “${clashText}”, so a reader would take them for one person.`
        : `The same pseudonym stands in everywhere “${text}” appears, in every item and in the title.`;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.smallLabel}>
        Pseudonym for “{text}”
      </label>
      <input
        id={id}
        className={styles.input}
        value={value}
        maxLength={MAX_PSEUDONYM}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-hint`} className={value.trim() && !revealing && !clashText ? styles.hint : styles.gentleSmall}>
        {note}
      </span>
    </div>
  );
}
