import { describe, expect, it } from 'vitest';
import {
  type Finding,
  findAddresses,
  findDatesOfBirth,
  findEmails,
  findIdentifiers,
  findListedNames,
  findNhsNumbers,
  findPhoneNumbers,
  findPostcodes,
  isValidNhsNumber,
} from '../../common/deid/detectors';

// All data invented: NHS numbers from the 999 test range with computed check digits, Ofcom drama phone numbers.
const YEAR = 2026;
const texts = (found: readonly Finding[]) => found.map((f) => f.text);

/** Every finding's text is its slice of the input, and findings are sorted and disjoint. */
function expectWellFormed(input: string, found: readonly Finding[]) {
  for (const [i, f] of found.entries()) {
    expect(f.text).toBe(input.slice(f.start, f.end));
    if (i > 0) expect(f.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  }
}

describe('isValidNhsNumber', () => {
  it('accepts numbers with the modulus 11 check digit', () => {
    expect(isValidNhsNumber('9990000018')).toBe(true);
    expect(isValidNhsNumber('9997654323')).toBe(true);
    expect(isValidNhsNumber('9990000050')).toBe(true); // 11 - 0 = 11 → check digit 0
  });

  it('rejects wrong check digits, a remainder of 10, and anything not ten digits', () => {
    expect(isValidNhsNumber('9990000019')).toBe(false);
    expect(isValidNhsNumber('9991234560')).toBe(false); // 11 - 1 = 10 → never issued
    expect(isValidNhsNumber('999000001')).toBe(false);
    expect(isValidNhsNumber('999 000 0018')).toBe(false);
    expect(isValidNhsNumber('99900000181')).toBe(false);
  });
});

describe('findNhsNumbers', () => {
  it('finds plain, spaced and hyphenated numbers', () => {
    const input = 'NHS 9990000018; also 999 765 4323 and 999-111-2227.';
    const found = findNhsNumbers(input);
    expect(texts(found)).toEqual(['9990000018', '999 765 4323', '999-111-2227']);
    expectWellFormed(input, found);
  });

  it('ignores wrong check digits without a cue, longer runs and mixed separators', () => {
    expect(findNhsNumbers('ref 9990000019')).toEqual([]);
    // With the cue, a typo in the check digit still identifies someone.
    expect(texts(findNhsNumbers('NHS 9990000019'))).toEqual(['9990000019']);
    expect(findNhsNumbers('ref 99900000189 or 19990000018')).toEqual([]);
    expect(findNhsNumbers('999 000 0018 12 and 1 999 000 0018')).toEqual([]);
    expect(findNhsNumbers('999 000-0018')).toEqual([]);
  });
});

describe('findDatesOfBirth', () => {
  it('flags dates after a cue, whatever their age', () => {
    for (const input of [
      'DOB 12/11/2020',
      'D.O.B.: 12-11-2020',
      'date of birth was 12.11.2020',
      'born on 12th March 2020',
      'her birthday, March 12, 2020',
      'b. 1/2/20',
    ]) {
      expect(findDatesOfBirth(input, YEAR), input).toHaveLength(1);
    }
  });

  it('flags old dates without a cue, in every format', () => {
    const input = 'Seen 03/07/1961, 3/7/61, 03.07.61, 12 March 1984, 12th of Sept 1984, Mar 12 1984, 1984-03-12.';
    expect(texts(findDatesOfBirth(input, YEAR))).toEqual([
      '03/07/1961',
      '3/7/61',
      '03.07.61',
      '12 March 1984',
      '12th of Sept 1984',
      'Mar 12 1984',
      '1984-03-12',
    ]);
    expectWellFormed(input, findDatesOfBirth(input, YEAR));
  });

  it('does not flag recent dates without a cue', () => {
    expect(findDatesOfBirth('Review on 12/11/2026 and 2026-11-21, supervision 3 March 2020.', YEAR)).toEqual([]);
  });

  it('uses the cue only for the first date after it', () => {
    expect(texts(findDatesOfBirth('DOB 01/02/1990, seen 12/11/2026', YEAR))).toEqual(['01/02/1990']);
  });

  it('rejects impossible days, months and years', () => {
    expect(findDatesOfBirth('DOB 31/02/1984, DOB 29/02/1983, DOB 13/13/1984, DOB 12/11/1899', YEAR)).toEqual([]);
    // Month first where the day cannot come first.
    expect(texts(findDatesOfBirth('DOB 07/23/2010', YEAR))).toEqual(['07/23/2010']);
    expect(findDatesOfBirth('DOB 12/11/2027 and born 1 May 2030', YEAR)).toEqual([]);
    expect(texts(findDatesOfBirth('DOB 29/02/1984', YEAR))).toEqual(['29/02/1984']);
  });

  it('ignores version numbers, times and longer number runs', () => {
    expect(findDatesOfBirth('version 1.2.34, at 10.30, ref 12/03/1984/7, 112/03/1984', YEAR)).toEqual([]);
  });

  it('does not take cues from inside other words', () => {
    expect(findDatesOfBirth('Dobson wrote on 12/11/2025; Jacob. 12/11/2025', YEAR)).toEqual([]);
  });
});

describe('findPostcodes', () => {
  it('finds every outward-code shape, with or without the space, in any case', () => {
    const codes = ['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'W1A 0AX', 'GIR 0AA'];
    const input = codes.join(', ') + ' and sw1a1aa.';
    const found = findPostcodes(input);
    expect(texts(found)).toEqual([...codes, 'sw1a1aa']);
    expectWellFormed(input, found);
  });

  it('rejects half postcodes and lookalikes', () => {
    expect(findPostcodes('SW1A alone, AB12 too, ABC 123, Q1 1AA, SW1A 1CA, XSW1A 1AA, SW1A 1AAB')).toEqual([]);
  });
});

describe('findPhoneNumbers', () => {
  it('finds UK numbers in the usual formats', () => {
    const numbers = [
      '07700 900123',
      '07700900123',
      '+44 7700 900123',
      '+44 (0)20 7946 0958',
      '020 7946 0958',
      '0161 496 0000',
      '(0121) 496 0000',
      '0800 123 4567',
    ];
    const input = numbers.map((n) => `call ${n}.`).join(' ');
    const found = findPhoneNumbers(input);
    expect(texts(found)).toEqual(numbers);
    expectWellFormed(input, found);
  });

  it('stops before numbers that follow, and starts after numbers that precede', () => {
    expect(texts(findPhoneNumbers('rang 020 7946 0958 12 times'))).toEqual(['020 7946 0958']);
    expect(texts(findPhoneNumbers('extension 0 07700 900123'))).toEqual(['07700 900123']);
  });

  it('takes a 10-digit number as a phone only when it is not a valid NHS number', () => {
    expect(isValidNhsNumber('0800123456')).toBe(false);
    expect(texts(findPhoneNumbers('0800123456'))).toEqual(['0800123456']);
    expect(texts(findIdentifiers('0800123456'))).toEqual(['0800123456']);
    expect(findIdentifiers('0800123456')[0]?.kind).toBe('phone');

    expect(isValidNhsNumber('0123456789')).toBe(true);
    expect(findPhoneNumbers('0123456789')).toEqual([]);
    expect(findIdentifiers('0123456789')).toEqual([{ kind: 'nhs-number', start: 0, end: 10, text: '0123456789' }]);
  });

  it('ignores dates, times, short or long runs and unused ranges', () => {
    expect(findPhoneNumbers('on 01/02/1984 or 01-02-1984 at 09:30, 0930-1030, 07 12 15 18 22, 04700 900123')).toEqual(
      [],
    );
    expect(findPhoneNumbers('07700 9001234 and 077009001234')).toEqual([]);
  });
});

describe('findEmails', () => {
  it('finds addresses and leaves out trailing punctuation', () => {
    const input = 'Write to jo.bloggs@example.org. Or (a+b@mail.example.co.uk), zoë@exämple.com!';
    const found = findEmails(input);
    expect(texts(found)).toEqual(['jo.bloggs@example.org', 'a+b@mail.example.co.uk', 'zoë@exämple.com']);
    expectWellFormed(input, found);
  });

  it('keeps only the well-formed part of a dotted local part', () => {
    expect(texts(findEmails('see...jo@example.org and a..b@example.org'))).toEqual(['jo@example.org', 'b@example.org']);
  });

  it('ignores things that are not addresses', () => {
    expect(findEmails('@handle, jo@localhost, jo@ example.org, me@example.c, a@b')).toEqual([]);
  });
});

describe('findAddresses', () => {
  it('finds house numbers, words and a street type', () => {
    const input = 'Visited 14 Acacia Avenue; then 221b Baker Street; then Flat 3, 12 Mill Lane and 12 St Mary’s Rd.';
    const found = findAddresses(input);
    expect(texts(found)).toEqual(['14 Acacia Avenue', '221b Baker Street', 'Flat 3, 12 Mill Lane', '12 St Mary’s Rd']);
    expectWellFormed(input, found);
  });

  it('needs a whole street type, and words before it', () => {
    expect(findAddresses('I saw 3 patients on the ward; 2 Park; a 5 minute walk; 14 Acacia Avenues')).toEqual([]);
    // Lower case counts: "lives at 14 acacia avenue".
    expect(texts(findAddresses('lives at 14 acacia avenue'))).toEqual(['14 acacia avenue']);
    expect(findAddresses('14 Acacia\nAvenue')).toEqual([]);
  });
});

describe('findListedNames', () => {
  it('matches whole words whatever the case, and multi-word names across any whitespace', () => {
    const input = 'ANN said to ann: Mary\nJane Smith came too.';
    expect(texts(findListedNames(input, ['Ann', 'Mary Jane Smith']))).toEqual(['ANN', 'ann', 'Mary\nJane Smith']);
  });

  it('does not match inside other words', () => {
    expect(findListedNames('Annual leave; Joanne; Annexe; Anna', ['Ann'])).toEqual([]);
    expect(texts(findListedNames("Ann's notes", ['Ann']))).toEqual(['Ann']);
  });

  it('is Unicode-aware for Welsh and accented names', () => {
    const input = 'SIÂN and Zoë met Siân; Sianed and Zoëlle did not.';
    expect(texts(findListedNames(input, ['Siân', 'Zoë']))).toEqual(['SIÂN', 'Zoë', 'Siân']);
    // Decomposed accents in the text still match a composed name.
    expect(texts(findListedNames('Sia\u0302n', ['Siân']))).toEqual(['Sia\u0302n']);
  });

  it('escapes regex characters in names', () => {
    const names = ["Dr. O'Neil (Jnr)", 'C++', 'A.B.', '[ward]', 'a|b', '.*'];
    const input = "Dr. O’Neil (Jnr) and Dr. O'Neil (Jnr) used C++ with A.B. on [ward]; a|b, .* but not DrX, AxB.";
    expect(texts(findListedNames(input, names))).toEqual([
      'Dr. O’Neil (Jnr)',
      "Dr. O'Neil (Jnr)",
      'C++',
      'A.B.',
      '[ward]',
      'a|b',
      '.*',
    ]);
    // A word of a listed name is found on its own too.
    expect(texts(findListedNames("seen by O'Neil", names))).toEqual(["O'Neil"]);
    expect(findListedNames('anything at all', ['.*', '(', '\\'])).toEqual([]);
  });

  it('ignores empty names and prefers the longest when names overlap', () => {
    expect(findListedNames('some text', ['', '   '])).toEqual([]);
    const input = 'Jo Ann Smith and Jo Ann.';
    const found = findListedNames(input, ['Jo Ann', 'Ann Smith', 'Ann']);
    // "Jo" is a word of "Jo Ann", so it is found on its own where the longer names do not cover it.
    expect(texts(found)).toEqual(['Jo', 'Ann Smith', 'Jo Ann']);
    expectWellFormed(input, found);
  });
});

describe('findIdentifiers', () => {
  it('finds every kind in a mixed paragraph, with offsets and no overlaps', () => {
    const input =
      'Met Siân Ap Rhys (DOB 03/07/1961, NHS 999 000 0018) at 14 Acacia Avenue, CR2 6XH. ' +
      'Her daughter rang from 07700 900123 and e-mailed jo.bloggs@example.org. Review on 12/11/2026 in Annual clinic.';
    const found = findIdentifiers(input, { names: ['Siân Ap Rhys', 'Acacia', 'Ann'], year: YEAR });
    const expected: [Finding['kind'], string][] = [
      ['listed-name', 'Siân Ap Rhys'],
      ['date-of-birth', '03/07/1961'],
      ['nhs-number', '999 000 0018'],
      // The address runs on to its postcode, as one finding.
      ['address', '14 Acacia Avenue, CR2 6XH'],
      ['phone', '07700 900123'],
      ['email', 'jo.bloggs@example.org'],
    ];
    expect(found.map((f) => [f.kind, f.text])).toEqual(expected);
    for (const f of found) expect(f.start).toBe(input.indexOf(f.text));
    expectWellFormed(input, found);
  });

  it('keeps the longer finding when detectors overlap', () => {
    // A listed name inside an e-mail address, and a listed place inside a street address.
    const found = findIdentifiers('jo@example.org, 14 Mill Lane', { names: ['jo', 'Mill Lane'], year: YEAR });
    expect(found.map((f) => f.kind)).toEqual(['email', 'address']);
  });

  it('finds nothing in ordinary reflective prose', () => {
    const input =
      'Supervision on 12/11/2026 went well. We talked about 3 difficult conversations and Annual leave, ' +
      'version 2.1.0 of the rota, and the 10:30 handover on the ward.';
    expect(findIdentifiers(input, { names: ['Ann'], year: YEAR })).toEqual([]);
  });

  // Inputs that make careless patterns backtrack for minutes; these finish in milliseconds (speed
  // itself belongs in bench/, not here; the test runner's own time limit catches a runaway).
  it('copes with long adversarial input', () => {
    expect(findIdentifiers('a.'.repeat(25_000), { year: YEAR })).toEqual([]);
    expect(findIdentifiers('0 12 '.repeat(10_000), { year: YEAR })).toEqual([]);
    expect(findIdentifiers('x@' + 'a-'.repeat(25_000), { year: YEAR })).toEqual([]);
    // Longest first: "Ann Ann" pairs, never a lone "Ann" overlapping one.
    expect(findIdentifiers('Ann '.repeat(15_000), { names: ['Ann', 'Ann Ann'], year: YEAR })).toHaveLength(7_500);
  });

  it('defaults to this year and no names', () => {
    expect(texts(findIdentifiers('DOB 03/07/1961'))).toEqual(['03/07/1961']);
  });
});
