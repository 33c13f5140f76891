import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { keyOf } from '../../../../common/export/resolve';
import { type ExportCheck, type ExportFinding, KIND_NAMES, type RefusedStandIn } from '../../../../common/export/types';
import { Button } from '../../ui/controls';
import { useFocusLater } from '../../ui/useFocusAfter';
import { useSettledQuery } from '../../ui/useSettled';
import {
  type Action,
  type Choice,
  type Decisions,
  isUndecided,
  join,
  MAX_PSEUDONYM,
  MAX_REASON,
  outcomeOf,
  overrideFor,
  ownKeyOf,
  pseudonymFor,
  putBack,
  type Refuse,
  type StandInChecks,
  takeOut,
} from './draft';
import { RadioChips } from '../../ui/RadioChips';
import styles from './export.module.css';

type Update = (change: (d: Decisions) => Decisions) => void;

/** The reason a possible name is kept with one click. */
export const NOT_IDENTIFYING = 'Not identifying';

/** How groups are shown, by what they are, in this order. A key's category is the text before its first ':'. */
const CATEGORIES: { id: string; label: string; keys: string[] }[] = [
  { id: 'names', label: 'Names', keys: ['name'] },
  // Names the check is unsure of: every finding in the group is only possibly a name.
  { id: 'possible', label: 'Words that may be names', keys: [] },
  { id: 'places', label: 'Places', keys: ['place'] },
  {
    id: 'numbers',
    label: 'NHS and other numbers',
    keys: ['nhs-number', 'chi-number', 'ni-number', 'ssn', 'medicare-number', 'ppsn', 'hospital-number', 'id-number'],
  },
  { id: 'dates', label: 'Dates of birth', keys: ['date-of-birth'] },
  { id: 'addresses', label: 'Addresses and postcodes', keys: ['address', 'postcode'] },
  { id: 'phones', label: 'Phone numbers', keys: ['phone'] },
  { id: 'online', label: 'E-mail and web addresses', keys: ['email', 'web-address', 'link-address'] },
  { id: 'handles', label: 'Social media names', keys: ['handle'] },
  { id: 'other', label: 'Other details', keys: [] },
];

export const categoryOf = (key: string) => key.slice(0, key.indexOf(':'));

/** One form of the words in a group ("Maria", "Ms Kowalski"), as first written. */
interface Variant {
  variantKey: string;
  text: string;
  count: number;
  /** Its first finding: what splitting it off goes by. */
  finding: ExportFinding;
}

/** A group the person said is the same as this one ("Yes, the same person"): undone as a whole. */
interface Joined {
  /** Its own key, before it was joined. */
  key: string;
  /** Its fullest form ("Maria Kowalski"). */
  name: string;
  /** Its other forms ("Ms Kowalski"). */
  others: string[];
  /** Its first finding: what taking it out again goes by. */
  finding: ExportFinding;
}

export interface GroupData {
  key: string;
  /** What the group stands for: its fullest form ("Maria Kowalski"). */
  name: string;
  findings: ExportFinding[];
  /** Every form of its own, the name's first. */
  variants: Variant[];
  /** Other groups the person said are the same as this one. */
  joined: Joined[];
  /** Taken out of this group ("not the same person"), where it was split off one: that group's name. */
  splitFrom: { name: string; finding: ExportFinding } | null;
  category: string;
}

/** The forms among some findings, the fullest (or the one `key` names) first. */
function formsOf(list: readonly ExportFinding[], key: string): Variant[] {
  const variants = new Map<string, Variant>();
  for (const f of list) {
    const v = variants.get(f.variantKey);
    if (v) v.count += 1;
    else variants.set(f.variantKey, { variantKey: f.variantKey, text: f.text, count: 1, finding: f });
  }
  const core = variants.get(key) ?? [...variants.values()].sort((a, b) => b.text.length - a.text.length)[0]!;
  return [core, ...[...variants.values()].filter((v) => v !== core)];
}

/** Findings by the key they are decided by, in reading order; the groups by category. */
export function groupFindings(
  findings: readonly ExportFinding[],
  decisions: Decisions,
): { id: string; label: string; groups: GroupData[] }[] {
  const textOf = new Map<string, string>();
  for (const f of findings) if (!textOf.has(f.variantKey)) textOf.set(f.variantKey, f.text);
  const byKey = new Map<string, ExportFinding[]>();
  for (const f of findings) {
    const key = keyOf(f, decisions);
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const groups: GroupData[] = [...byKey].map(([key, list]) => {
    // Its own findings, and those of each group joined to it, apart.
    const byOwn = new Map<string, ExportFinding[]>();
    for (const f of list) {
      const own = ownKeyOf(f, decisions);
      byOwn.set(own, [...(byOwn.get(own) ?? []), f]);
    }
    const ownFindings = byOwn.get(key);
    const joined: Joined[] = ownFindings
      ? [...byOwn]
          .filter(([own]) => own !== key)
          .map(([own, ofIt]) => {
            const [core, ...others] = formsOf(ofIt, own);
            return { key: own, name: core!.text, others: others.map((v) => v.text), finding: core!.finding };
          })
      : [];
    const variants = formsOf(ownFindings ?? list, key);
    const split = list.find((f) => f.variantKey === key && ownKeyOf(f, decisions) === key && f.valueKey !== key);
    const possible = list.every((f) => f.kind === 'possible-name');
    const category = categoryOf(key);
    return {
      key,
      name: variants[0]!.text,
      findings: list,
      variants,
      joined,
      splitFrom: split ? { name: textOf.get(split.valueKey) ?? split.valueKey, finding: split } : null,
      category: possible && category === 'name' ? 'possible' : category,
    };
  });
  const known = new Set(CATEGORIES.flatMap((c) => c.keys));
  return CATEGORIES.map((c) => ({
    id: c.id,
    label: c.label,
    groups: groups.filter((g) =>
      c.id === 'possible'
        ? g.category === 'possible'
        : c.id === 'other'
          ? g.category !== 'possible' && !known.has(g.category)
          : c.keys.includes(g.category),
    ),
  })).filter((c) => c.groups.length);
}

/**
 * The words for "the same" by what the groups are: people, places, or anything else (or two different kinds,
 * as when "Ward A" is typed for a person).
 */
function sameWords(key: string, other: string = key) {
  const noun = categoryOf(key) === categoryOf(other) ? { name: 'person', place: 'place' }[categoryOf(key)] : undefined;
  return noun
    ? {
        question: `Are these the same ${noun}?`,
        yes: `Yes, the same ${noun}`,
        no: `Not the same ${noun}`,
        said: `is the same ${noun}`,
      }
    : { question: 'Are these one and the same?', yes: 'Yes, the same', no: 'Not the same', said: 'is the same' };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const quoteList = (texts: string[]) =>
  texts.length === 1
    ? `“${texts[0]}”`
    : `${texts
        .slice(0, -1)
        .map((t) => `“${t}”`)
        .join(', ')} and “${texts.at(-1)}”`;

/** More than this many places, and a group shows only its first few at first. */
const MANY = 8;
const FIRST_FEW = 5;

/** The check gives up to 48 characters either side; near that, the text very likely goes on. */
const clipped = (context: string) => context.length >= 44;

interface Props {
  check: ExportCheck;
  decisions: Decisions;
  remaining: number;
  refuse: Refuse;
  /** Pseudonyms that cannot be used yet for reasons the whole check shows: shared with another, or refused by main. */
  checks: StandInChecks;
  onDecisions: Update;
}

/** Every finding in its context, grouped by who or what it is: decide for all like it at once, or one on its own. */
export function Findings({ check, decisions, remaining, refuse, checks, onDecisions }: Props) {
  const id = useId();
  const total = check.findings.length;
  const categories = useMemo(() => groupFindings(check.findings, decisions), [check.findings, decisions]);
  const undecided = (f: ExportFinding, d: Decisions) => isUndecided(f, d, check.pseudonyms, refuse, checks);
  const tally = useRef<HTMLDivElement>(null);

  // After a group is split or joined, focus goes to the group the words are now in.
  const focusLater = useFocusLater();
  const regroup = (change: (d: Decisions) => Decisions, finding: ExportFinding) => {
    const key = keyOf(finding, change(decisions));
    focusLater(() => document.querySelector<HTMLElement>(`[data-group-key="${CSS.escape(key)}"]`));
    onDecisions(change);
  };

  /** Redact (or keep, for possible names) every finding still undecided among these. */
  const settleTheRest = (among: readonly ExportFinding[], choice: Choice) =>
    onDecisions((d) => {
      const next: Decisions = { ...d, byValue: { ...d.byValue }, byFinding: { ...d.byFinding } };
      for (const f of among) {
        if (!undecided(f, next)) continue;
        if (overrideFor(f, next)) next.byFinding[f.id] = { choice, text: f.text, valueKey: f.valueKey };
        else next.byValue[keyOf(f, next)] = choice;
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

  const groups = categories.flatMap((c) => c.groups);
  const groupsByKey = new Map(groups.map((g) => [g.key, g]));
  const groupProps = { check, decisions, refuse, checks, onDecisions, onRegroup: regroup, groupsByKey };

  return (
    <>
      {/* Where focus goes once "Redact all that remain" has done its work and gone. */}
      <div className={`${styles.tally} ${styles.focusHolder}`} ref={tally} tabIndex={-1}>
        <p role="status" className={styles.tallyText} data-testid="remaining">
          {remaining
            ? `${plural(remaining, 'thing', 'things')} of ${total} still ${remaining === 1 ? 'needs' : 'need'} a decision.`
            : `All ${total} have a decision.`}
        </p>
        {remaining ? (
          <Button
            variant="secondary"
            onClick={() => {
              tally.current?.focus();
              settleTheRest(check.findings, { action: 'redact' });
            }}
          >
            Redact all that remain
          </Button>
        ) : null}
      </div>
      <p className={styles.muted}>
        The check found {plural(total, 'thing', 'things')} that could identify someone
        {groups.length < total ? `, gathered by who or what they are` : ''}. For each: <strong>redact</strong> it,
        leaving [redacted] in its place; use a <strong>pseudonym</strong>, the same one everywhere it appears; or{' '}
        <strong>keep</strong> it as written, saying why.
      </p>
      {categories.map((category) => {
        const headingId = `${id}-cat-${category.id}`;
        const possible = category.id === 'possible';
        const inCategory = category.groups.flatMap((g) => g.findings);
        const open = possible ? inCategory.filter((f) => undecided(f, decisions)).length : 0;
        return (
          <section key={category.id} className={styles.category} aria-labelledby={headingId}>
            <h3 id={headingId} className={`${styles.categoryHeading} ${styles.focusHolder}`} tabIndex={-1}>
              {category.label}
              {possible ? <span className={styles.categoryCount}> ({category.groups.length})</span> : null}
            </h3>
            {possible ? (
              <div className={styles.possibleIntro}>
                <p id={`${headingId}-about`}>
                  Words the check does not know, which may be names. If one is nobody’s name, “Not identifying” settles
                  it; if it is someone’s, “Other choices” has the rest.
                </p>
                {open ? (
                  <Button
                    variant="secondary"
                    aria-describedby={`${headingId}-about`}
                    onClick={() => {
                      // The button goes once they are settled: focus stays with the words it settled.
                      document.getElementById(headingId)?.focus();
                      settleTheRest(inCategory, { action: 'keep', reason: NOT_IDENTIFYING });
                    }}
                  >
                    None of these identify anyone
                  </Button>
                ) : null}
              </div>
            ) : null}
            <ul className={styles.values}>
              {category.groups.map((g) => (
                <ValueGroup key={g.key} group={g} possible={possible} {...groupProps} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

interface GroupProps {
  group: GroupData;
  /** One of the words the check is unsure are names: a one-click "Not identifying". */
  possible: boolean;
  check: ExportCheck;
  decisions: Decisions;
  refuse: Refuse;
  checks: StandInChecks;
  onDecisions: Update;
  /** Splits or joins groups, then brings focus to where this finding's words now are. */
  onRegroup: (change: (d: Decisions) => Decisions, finding: ExportFinding) => void;
  groupsByKey: ReadonlyMap<string, GroupData>;
}

function ValueGroup({
  group,
  possible,
  check,
  decisions,
  refuse,
  checks,
  onDecisions,
  onRegroup,
  groupsByKey,
}: GroupProps) {
  const id = useId();
  const { key, name, findings, variants, joined } = group;
  const n = findings.length;
  const kinds = [...new Set(findings.map((f) => KIND_NAMES[f.kind]))];
  const items = new Set(findings.filter((f) => f.sectionIndex >= 0).map((f) => f.sectionIndex)).size;
  const inTitle = findings.some((f) => f.sectionIndex < 0);
  const choice = decisions.byValue[key];
  const pseudonym = pseudonymFor(key, decisions, check.pseudonyms);
  const undecided = findings.filter((f) => isUndecided(f, decisions, check.pseudonyms, refuse, checks)).length;
  const anyPseudonym =
    choice?.action === 'pseudonym' || findings.some((f) => overrideFor(f, decisions)?.action === 'pseudonym');
  const words = sameWords(key);
  const others = variants.slice(1);
  const notIdentifying = choice?.action === 'keep' && choice.reason === NOT_IDENTIFYING;
  // A possible name shows the full choices once the person says it may identify someone, or chose otherwise.
  const [opened, setFull] = useState(false);
  const full =
    opened ||
    (choice !== undefined && !notIdentifying) ||
    findings.some((f) => overrideFor(f, decisions) !== undefined);

  // A group found many times shows its first few places until asked for the rest.
  const [showAll, setShowAll] = useState(
    () => n <= MANY || findings.slice(FIRST_FEW).some((f) => overrideFor(f, decisions) !== undefined),
  );
  const choose = (action: Action) =>
    onDecisions((d) => ({ ...d, byValue: { ...d.byValue, [key]: withAction(d.byValue[key], action) } }));
  const setReason = (reason: string) =>
    onDecisions((d) => ({ ...d, byValue: { ...d.byValue, [key]: { action: 'keep', reason } } }));
  const setOverride = (finding: ExportFinding, next: Choice | null) =>
    onDecisions((d) => {
      const byFinding = { ...d.byFinding };
      if (next) byFinding[finding.id] = { choice: next, text: finding.text, valueKey: finding.valueKey };
      else delete byFinding[finding.id];
      return { ...d, byFinding };
    });
  const setNotIdentifying = (on: boolean) =>
    onDecisions((d) => {
      const byValue = { ...d.byValue };
      if (on) byValue[key] = { action: 'keep', reason: NOT_IDENTIFYING };
      else delete byValue[key];
      return { ...d, byValue };
    });
  const takeOutOf = (finding: ExportFinding) => onRegroup((d) => takeOut(finding, d, check.pseudonyms), finding);

  const twinKey = checks.clashes?.get(key);
  const decide = (
    <>
      <DecisionChips
        name={`${id}-all`}
        legend={n === 1 ? `What to do with “${name}”` : `What to do with all ${n} like “${name}”`}
        value={choice?.action}
        pseudonym={pseudonym}
        onChange={choose}
      />
      {choice?.action === 'keep' ? <ReasonField text={name} reason={choice.reason} onChange={setReason} /> : null}
      {anyPseudonym ? (
        <PseudonymField
          groupKey={key}
          name={name}
          forms={[...variants.map((v) => v.text), ...joined.flatMap((j) => [j.name, ...j.others])]}
          decisions={decisions}
          refuse={refuse}
          twin={twinKey === undefined ? undefined : groupsByKey.get(twinKey)}
          refused={checks.refused?.get(key)}
          suggestedAll={check.pseudonyms}
          onChange={(value) => onDecisions((d) => ({ ...d, pseudonyms: { ...d.pseudonyms, [key]: value } }))}
          onSame={(other) => onRegroup((d) => join(key, other, d), findings[0]!)}
        />
      ) : null}
    </>
  );
  const occurrences = (
    <>
      <ol id={`${id}-list`} className={styles.occurrences} aria-label={`Where “${name}” appears`}>
        {(showAll ? findings : findings.slice(0, FIRST_FEW)).map((f, i) => (
          <Occurrence
            key={f.id}
            finding={f}
            position={n > 1 ? `${i + 1} of ${n}` : null}
            decisions={decisions}
            suggested={check.pseudonyms}
            refuse={refuse}
            checks={checks}
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
    </>
  );

  return (
    <li className={styles.value} data-undecided={undecided > 0 || undefined}>
      <div className={styles.valueHead}>
        <h4 id={`${id}-h`} className={styles.valueText} tabIndex={-1} data-group-key={key}>
          “{name}”
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
      {others.length || joined.length ? (
        <div className={styles.variants}>
          {others.length ? (
            <>
              <p className={styles.alsoWritten}>
                Also written {quoteList(others.map((v) => v.text))}. They share one decision and one pseudonym.
              </p>
              <ul className={styles.variantList} aria-label={`Forms of “${name}”`}>
                {others.map((v) => (
                  <TakeOutRow
                    key={v.variantKey}
                    className={styles.variant}
                    no={words.no}
                    written={v.text}
                    name={name}
                    onTakeOut={() => takeOutOf(v.finding)}
                  >
                    “{v.text}” {v.count > 1 ? `(${v.count} times)` : ''}
                  </TakeOutRow>
                ))}
              </ul>
            </>
          ) : null}
          {joined.length ? (
            <ul className={styles.joinedList} aria-label={`Said to be the same as “${name}”`}>
              {joined.map((j) => {
                const said = sameWords(key, j.key);
                return (
                  <TakeOutRow
                    key={j.key}
                    className={styles.joined}
                    no={said.no}
                    written={j.name}
                    name={name}
                    onTakeOut={() => takeOutOf(j.finding)}
                  >
                    You said “{j.name}”{j.others.length ? ` (also written ${quoteList(j.others)})` : ''} {said.said}.
                  </TakeOutRow>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
      {group.splitFrom ? (
        <p className={styles.alsoWritten}>
          <span id={`${id}-split`}>
            Taken out of “{group.splitFrom.name}”: {words.no.toLowerCase()}.
          </span>{' '}
          <Button
            variant="quiet"
            className={styles.inlineLink}
            aria-describedby={`${id}-split`}
            onClick={() => {
              const f = group.splitFrom!.finding;
              onRegroup((d) => putBack(f, d), f);
            }}
          >
            Put it back
          </Button>
        </p>
      ) : null}
      {possible ? (
        <>
          {occurrences}
          <div className={styles.quickRow}>
            <Button
              variant="secondary"
              className={styles.quickButton}
              aria-pressed={notIdentifying}
              aria-describedby={`${id}-h`}
              onClick={() => setNotIdentifying(!notIdentifying)}
            >
              {NOT_IDENTIFYING}
            </Button>
            {full ? null : (
              <Button
                variant="quiet"
                aria-expanded={false}
                aria-describedby={`${id}-h`}
                onClick={() => {
                  setFull(true);
                  requestAnimationFrame(() =>
                    document.querySelector<HTMLElement>(`input[name="${CSS.escape(`${id}-all`)}"]`)?.focus(),
                  );
                }}
              >
                Other choices
              </Button>
            )}
          </div>
          {full ? decide : null}
        </>
      ) : (
        <>
          {decide}
          {occurrences}
        </>
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
  refuse: Refuse;
  checks: StandInChecks;
  onOverride: (choice: Choice | null) => void;
}

function Occurrence({ finding, position, decisions, suggested, refuse, checks, onOverride }: OccurrenceProps) {
  const id = useId();
  const own = overrideFor(finding, decisions);
  const [open, setOpen] = useState(own !== undefined);
  const outcome = isUndecided(finding, decisions, suggested, refuse, checks)
    ? null
    : outcomeOf(finding, decisions, suggested);
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
              pseudonym={pseudonymFor(keyOf(finding, decisions), decisions, suggested)}
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
      <RadioChips name={name} options={ACTIONS} label={(action) => labels[action]} value={value} onChange={onChange} />
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

interface PseudonymFieldProps {
  groupKey: string;
  name: string;
  /** Every form of the words it stands for. */
  forms: string[];
  decisions: Decisions;
  refuse: Refuse;
  /** Another group the pseudonym typed here also stands in for: whether they are one is still to be said. */
  twin: GroupData | undefined;
  /** Main refused the stand-in shown here. */
  refused: RefusedStandIn | undefined;
  suggestedAll: Record<string, string>;
  onChange: (value: string) => void;
  /** "Yes, the same person" as the group with `other`'s key. */
  onSame: (other: string) => void;
}

/** How long typing must pause before a problem with a pseudonym is read out. */
const ANNOUNCE_AFTER_MS = 900;

function PseudonymField({
  groupKey,
  name,
  forms,
  decisions,
  refuse,
  twin,
  refused,
  suggestedAll,
  onChange,
  onSame,
}: PseudonymFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const typed = decisions.pseudonyms[groupKey];
  const value = typed ?? pseudonymFor(groupKey, decisions, suggestedAll);
  const shown = value.trim() ? value.trim() : pseudonymFor(groupKey, { ...decisions, pseudonyms: {} }, suggestedAll);
  // Main refuses these too: a stand-in that holds a word of what it stands for, or of anything else found.
  const refusal = value.trim() ? refuse(value, forms) : null;
  const words = twin ? sameWords(groupKey, twin.key) : sameWords(groupKey);
  const problem = refusal
    ? refusal.other
      ? `“${refusal.word}” is part of “${refusal.value}”, which the check also found, so it would give that away. Please choose words that are not in it.`
      : `“${refusal.word}” is part of “${refusal.value}”, so it would give it away. Please choose words that are not in it.`
    : refused
      ? refused.word
        ? `“${refused.word}” in “${shown}” would give away something the check found, so it cannot be used. Please choose another.`
        : `“${shown}” looks like a name from your list or another detail, so it would not hide anything. Please choose another.`
      : null;
  const question = !problem && twin ? `“${shown}” also stands in for “${twin.name}”. ${words.question}` : null;
  const note = problem
    ? problem
    : question
      ? null
      : !value.trim()
        ? `An empty pseudonym would leave a gap, so “${shown}” will be used unless you type another.`
        : forms.length > 1
          ? `“${value.trim()}” stands in for “${name}” everywhere, however it is written, in every item and in the title.`
          : `The same pseudonym stands in everywhere “${name}” appears, in every item and in the title.`;
  // Read out once typing pauses: what is wrong with it, or the question it raises.
  const announced = useSettledQuery(problem ?? question ?? '', ANNOUNCE_AFTER_MS);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.smallLabel}>
        Pseudonym for “{name}”
      </label>
      <input
        id={id}
        ref={input}
        className={styles.input}
        value={value}
        maxLength={MAX_PSEUDONYM}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={question ? `${id}-same` : `${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      {note === null ? null : (
        <span id={`${id}-hint`} className={problem || !value.trim() ? styles.gentleSmall : styles.hint}>
          {note}
        </span>
      )}
      <div role="status" className="visually-hidden">
        {announced}
      </div>
      {question && twin ? (
        <div className={styles.sameQuestion} role="group" aria-labelledby={`${id}-same`}>
          <p id={`${id}-same`}>{question}</p>
          <p className={styles.hint}>Until you answer, this still needs a decision.</p>
          <div className={styles.sameButtons}>
            <Button variant="secondary" onClick={() => onSame(twin.key)}>
              {words.yes}
            </Button>
            <Button
              variant="quiet"
              onClick={() => {
                input.current?.focus();
                input.current?.select();
              }}
            >
              No, I’ll choose another
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** One form or one joined group under a finding, and the button that says it is someone else. */
function TakeOutRow({
  className,
  no,
  written,
  name,
  onTakeOut,
  children,
}: {
  className: string | undefined;
  no: string;
  written: string;
  name: string;
  onTakeOut: () => void;
  children: ReactNode;
}) {
  return (
    <li className={className}>
      <span className={styles.variantText}>{children}</span>
      <Button
        variant="quiet"
        className={styles.variantButton}
        aria-label={`${no}: “${written}” is not “${name}”`}
        onClick={onTakeOut}
      >
        {no}
      </Button>
    </li>
  );
}
