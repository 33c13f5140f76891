/**
 * A shared item's text as React elements: read-only, and nothing in it can act. Links show their words and
 * their address as plain text (the address may be anything), never as something to follow.
 */
import { createElement, type ReactNode } from 'react';
import { textOf } from '../../../../common/export/document';
import type { Block, Inline, Inlines as InlineRuns, TableRow } from '../../../../common/export/types';
import styles from './sharing.module.css';

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function runText(text: string): ReactNode {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  return lines.map((line, i) => (
    <span key={i}>
      {line}
      {i < lines.length - 1 ? <br /> : null}
    </span>
  ));
}

function Run({ run }: { run: Inline }) {
  let node: ReactNode = runText(run.text);
  if (run.code) node = <code className={styles.inlineCode}>{node}</code>;
  if (run.highlight) node = <mark className={styles.mark}>{node}</mark>;
  if (run.strike) node = <s>{node}</s>;
  if (run.underline) node = <u>{node}</u>;
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  if (run.href !== undefined) {
    const sameAsText = run.href.trim() === run.text.trim();
    node = (
      <span className={styles.link}>
        {node}
        {sameAsText ? null : (
          <span className={styles.address}>
            {' '}
            <span className="visually-hidden">(link to </span>
            <span aria-hidden="true">(</span>
            {run.href})
          </span>
        )}
      </span>
    );
  }
  return node;
}

export function Inlines({ runs }: { runs: InlineRuns }) {
  return (
    <>
      {runs.map((run, i) => (
        <Run key={i} run={run} />
      ))}
    </>
  );
}

/** The smallest heading level an item's blocks use, so its first heading sits just under the item's own. */
function smallestHeading(blocks: readonly Block[]): number | null {
  let min: number | null = null;
  const visit = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.type === 'heading') min = min === null ? b.level : Math.min(min, b.level);
      else if (b.type === 'quote') visit(b.blocks);
      else if (b.type === 'list') for (const item of b.items) visit(item.blocks);
    }
  };
  visit(blocks);
  return min;
}

interface Context {
  /** What a block heading of a given level (1–3) becomes on the page. */
  headingFor: (level: number) => HeadingTag;
}

function Table({ rows }: { rows: TableRow[] }) {
  const lead = rows.findIndex((r) => !r.header);
  const headCount = lead === -1 ? rows.length : lead;
  const row = (r: TableRow, i: number, inHead: boolean) => (
    <tr key={i}>
      {r.cells.map((cell, c) => {
        const span = r.spans?.[c];
        const props = {
          key: c,
          dir: 'auto' as const,
          ...(span && span.colspan > 1 ? { colSpan: span.colspan } : {}),
          ...(span && span.rowspan > 1 ? { rowSpan: span.rowspan } : {}),
        };
        const content = <Inlines runs={cell} />;
        return r.header ? (
          <th {...props} scope={inHead ? 'col' : 'row'}>
            {content}
          </th>
        ) : (
          <td {...props}>{content}</td>
        );
      })}
    </tr>
  );
  const head = rows.slice(0, headCount);
  const body = rows.slice(headCount);
  return (
    <div className={styles.tableScroll} tabIndex={0} role="group" aria-label="Table">
      <table className={styles.table}>
        {head.length ? <thead>{head.map((r, i) => row(r, i, true))}</thead> : null}
        {body.length ? <tbody>{body.map((r, i) => row(r, i, false))}</tbody> : null}
      </table>
    </div>
  );
}

function BlockView({ block, ctx }: { block: Block; ctx: Context }) {
  switch (block.type) {
    case 'heading':
      // An element named by a string ('h3'), not a component: created directly.
      return createElement(
        ctx.headingFor(block.level),
        { dir: 'auto', className: styles.blockHeading },
        <Inlines runs={block.content} />,
      );
    case 'paragraph':
      return block.content.length ? (
        <p dir="auto">
          <Inlines runs={block.content} />
        </p>
      ) : null;
    case 'code':
      return (
        <pre dir="auto" className={styles.code}>
          <code>{textOf(block.content)}</code>
        </pre>
      );
    case 'rule':
      return <hr className={styles.rule} />;
    case 'quote':
      return (
        <blockquote className={styles.quote}>
          <BlockList blocks={block.blocks} ctx={ctx} />
        </blockquote>
      );
    case 'list': {
      const tasks = block.items.some((i) => i.checked !== null);
      const items = block.items.map((item, i) => (
        <li key={i} className={item.checked === null ? undefined : styles.task}>
          {item.checked === null ? null : (
            <>
              <span aria-hidden="true" className={styles.box}>
                {item.checked ? '☑' : '☐'}
              </span>
              <span className="visually-hidden">{item.checked ? 'Done: ' : 'Not done: '}</span>
            </>
          )}
          <div className={styles.listBody}>
            <BlockList blocks={item.blocks} ctx={ctx} />
          </div>
        </li>
      ));
      if (block.ordered) {
        return (
          <ol className={styles.list} start={block.start}>
            {items}
          </ol>
        );
      }
      return <ul className={tasks ? styles.tasks : styles.list}>{items}</ul>;
    }
    case 'table':
      return <Table rows={block.rows} />;
    case 'fields':
      return (
        <dl className={styles.fields}>
          {block.rows.map((r, i) => (
            <div key={i} className={styles.fieldRow}>
              <dt>{r.label}</dt>
              <dd dir="auto">
                <Inlines runs={r.value} />
              </dd>
            </div>
          ))}
        </dl>
      );
  }
}

function BlockList({ blocks, ctx }: { blocks: readonly Block[]; ctx: Context }) {
  return (
    <>
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} ctx={ctx} />
      ))}
    </>
  );
}

/**
 * An item's blocks. `itemLevel` is the level of the item's own heading (its title): the blocks' headings
 * start one below it, whatever level the writer began at, so the page's outline stays in order.
 */
export function Blocks({ blocks, itemLevel }: { blocks: readonly Block[]; itemLevel: number }) {
  const min = smallestHeading(blocks) ?? 1;
  const ctx: Context = {
    headingFor: (level) => `h${Math.min(6, Math.max(2, itemLevel + 1 + level - min))}` as HeadingTag,
  };
  return (
    <div className={styles.blocks}>
      <BlockList blocks={blocks} ctx={ctx} />
    </div>
  );
}
