import { describe, expect, it } from 'vitest';
import { carryForward } from '../../common/supervision/carry-forward';
import type { AgendaSource } from '../../common/supervision/types';

const item = (id: string, position: number, source: AgendaSource = { kind: 'scratch' }) => ({ id, position, source });

describe('carrying the agenda forward', () => {
  it('takes discussed items off, keeps what was not reached in order, and adds new open actions', () => {
    const result = carryForward({
      sessionId: 's1',
      agenda: [item('c', 3), item('a', 1), item('b', 2), item('d', 4)],
      outcomes: { a: 'discussed', b: 'not-reached', d: 'discussed' },
      actions: [
        { id: 'x', doneAt: null },
        { id: 'y', doneAt: '2026-11-01T10:00:00Z' },
      ],
    });
    // c had no outcome: it was not reached either.
    expect(result).toEqual({ remove: ['a', 'd'], carry: ['b', 'c'], addActions: ['x'] });
  });

  it('keeps an open action on the agenda until it is done, discussed or not', () => {
    const agenda = [
      item('act', 1, { kind: 'action', actionId: 'x' }),
      item('e', 2, { kind: 'entry', entryId: 'j', entryTitle: 'J', excerpt: null }),
    ];
    const open = carryForward({
      sessionId: 's2',
      agenda,
      outcomes: { act: 'discussed', e: 'discussed' },
      actions: [{ id: 'x', doneAt: null }],
    });
    expect(open).toEqual({ remove: ['e'], carry: ['act'], addActions: [] });
    const done = carryForward({
      sessionId: 's2',
      agenda,
      outcomes: {},
      actions: [{ id: 'x', doneAt: '2026-11-20T09:00:00Z' }],
    });
    expect(done).toEqual({ remove: ['act'], carry: ['e'], addActions: [] });
  });

  it('copes with an empty agenda and no actions', () => {
    expect(carryForward({ sessionId: 's', agenda: [], outcomes: {}, actions: [] })).toEqual({
      remove: [],
      carry: [],
      addActions: [],
    });
  });

  it('adds each open action once, even when several sessions left actions open', () => {
    const result = carryForward({
      sessionId: 's3',
      agenda: [item('old', 1, { kind: 'action', actionId: 'x' })],
      outcomes: {},
      actions: [
        { id: 'x', doneAt: null },
        { id: 'z', doneAt: null },
        { id: 'w', doneAt: null },
      ],
    });
    expect(result.addActions).toEqual(['z', 'w']);
    expect(result.carry).toEqual(['old']);
  });
});
