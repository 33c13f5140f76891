import { describe, expect, it } from 'vitest';
import { EMERGENCY, regionFromLanguage, SUPPORT_REGIONS, SUPPORT_SERVICES } from '../../common/support/services';
import { SupportService } from '../../main/support/support';

function service(signs: { name: string; contact: string }[] = []) {
  const kept = new Map<string, unknown>();
  const settings = {
    read: (key: string) => kept.get(key),
    keep: (key: string, value: unknown) => void (value === null ? kept.delete(key) : kept.set(key, value)),
  };
  const checkins = {
    signs: () => signs.map((s, i) => ({ id: `s${i}`, whatHelps: '', timesTicked: 0, ...s })),
  };
  return { support: new SupportService(settings, checkins), kept };
}

describe('the services Holding ships', () => {
  it('has something for anyone in every country it offers, an emergency number, and a source for each', () => {
    for (const region of SUPPORT_REGIONS) {
      expect(
        SUPPORT_SERVICES.some((s) => s.regions.includes(region) && s.audience === 'anyone'),
        region,
      ).toBe(true);
      expect(EMERGENCY[region]).toMatch(/^\d{3}( or \d{3})?$/);
    }
    for (const s of SUPPORT_SERVICES) {
      expect(s.source, s.id).toMatch(/^https:\/\//);
      expect(s.ways.length, s.id).toBeGreaterThan(0);
      for (const way of s.ways.filter((w) => w.kind === 'web')) expect(way.value, s.id).toMatch(/^https:\/\//);
    }
    expect(new Set(SUPPORT_SERVICES.map((s) => s.id)).size).toBe(SUPPORT_SERVICES.length);
  });

  it('guesses the country from the language setting, and says nothing when it cannot', () => {
    expect(regionFromLanguage('en-GB')).toBe('uk');
    expect(regionFromLanguage('en_IE')).toBe('ie');
    expect(regionFromLanguage('fr-CA')).toBe('ca');
    expect(regionFromLanguage('en-nz')).toBe('nz');
    expect(regionFromLanguage('en')).toBeNull();
    expect(regionFromLanguage('de-DE')).toBeNull();
    expect(regionFromLanguage(undefined)).toBeNull();
  });
});

describe('the person’s side of Support', () => {
  it('keeps their people in order, trims them, drops nameless ones, and lists who they named beside signs', () => {
    const { support } = service([
      { name: 'Not sleeping', contact: '  Sam: 07700 900123 ' },
      { name: 'Snapping', contact: '' },
    ]);
    const view = support.save({
      contacts: [
        { name: ' Jo ', how: '07700 900456', note: '' },
        { name: '   ', how: 'nobody', note: '' },
        { name: 'GP surgery', how: '01632 960000', note: 'mornings' },
      ],
    });
    expect(view.contacts.map((c) => [c.name, c.how, c.note])).toEqual([
      ['Jo', '07700 900456', ''],
      ['GP surgery', '01632 960000', 'mornings'],
    ]);
    expect(view.fromSigns).toEqual([{ sign: 'Not sleeping', contact: 'Sam: 07700 900123' }]);
    // Changing one keeps its id.
    const [jo] = view.contacts;
    const next = support.save({ contacts: [{ ...jo!, how: '07700 900789' }] });
    expect(next.contacts).toEqual([{ id: jo!.id, name: 'Jo', how: '07700 900789', note: '' }]);
  });

  it('remembers hidden services and the country, ignoring what it does not know', () => {
    const { support, kept } = service();
    expect(support.get()).toMatchObject({ hidden: [], region: null });
    support.save({ hidden: ['shout', 'shout', 'samaritans'], region: 'uk' });
    expect(support.get()).toMatchObject({ hidden: ['shout', 'samaritans'], region: 'uk' });
    kept.set('supportHidden', ['shout', 'made-up']);
    kept.set('supportRegion', 'atlantis');
    kept.set('supportContacts', [{ id: 'x', name: 'Jo', how: 1 }, null, 'text']);
    expect(support.get()).toMatchObject({
      hidden: ['shout'],
      region: null,
      contacts: [{ id: 'x', name: 'Jo', how: '', note: '' }],
    });
  });
});
