import { describe, expect, it } from 'vitest';
import { agendaItemFromEntry, functionFromTags, RESTORATIVE_QUESTION } from '../../common/supervision/from-entry';

describe('an entry brought to the agenda in one step', () => {
  it('takes its function from a tag that names one, in any case, and room for the person comes first', () => {
    expect(functionFromTags(['restorative'])).toBe('restorative');
    expect(functionFromTags(['Team', ' Normative '])).toBe('normative');
    expect(functionFromTags(['formative', 'Restorative'])).toBe('restorative');
    expect(functionFromTags(['restoration', 'learning'])).toBeNull();
    expect(functionFromTags([])).toBeNull();
  });

  it('arrives as the restorative item a check-in suggestion promises, whenever the supervision began', () => {
    expect(agendaItemFromEntry({ title: 'How I have been lately', tags: ['restorative'] })).toEqual({
      title: 'How I have been lately',
      question: RESTORATIVE_QUESTION,
      notes: '',
      function: 'restorative',
      sevenEyed: 4,
      graces: [],
      priority: 'medium',
      minutes: 10,
    });
  });

  it('starts anything else as formative, with nothing said for the person', () => {
    expect(agendaItemFromEntry({ title: '', tags: ['team'] })).toMatchObject({
      title: 'Untitled',
      question: '',
      function: 'formative',
      sevenEyed: null,
    });
  });
});
