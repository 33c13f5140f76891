/**
 * The identifying-details check, kind by kind: what issue 13 found slipping through, and the ordinary
 * writing it must leave alone. All data invented (fictional phone ranges, computed check digits).
 */
import { describe, expect, it } from 'vitest';
import { checkTexts, checkTextsInSlices } from '../../common/deid/check';
import { clearCheckCaches } from '../../common/export/deid';
import { type Finding, findListedNames } from '../../common/deid/detectors';
import { findNames } from '../../common/deid/names';
import { readerText } from '../../common/deid/normalise';

const YEAR = 2026;
const all = (text: string, names: string[] = []): Finding[] =>
  checkTexts([readerText(text)], { names, places: [], year: YEAR, nlp: false })[0]!;
const found = (text: string, names: string[] = []) => all(text, names).map((f) => f.text);
const kinds = (text: string) => all(text).map((f) => [f.kind, f.text]);

describe('phone numbers of any country', () => {
  it('finds Irish, Australian, US, Canadian and UK numbers however they are written', () => {
    for (const n of [
      '+353 85 123 4567',
      '085 123 4567',
      '0491 570 156',
      '+61 491 570 156',
      '(02) 5550 1234',
      '(212) 555-0147',
      '212.555.0183',
      '+1 312 555 0123',
      '416-555-0199',
      '07700 900123',
      '+44 (0)20 7946 0958',
      '0113 496 0721',
    ]) {
      expect(found(`Her number is ${n}, she said.`), n).toEqual([n]);
    }
  });

  it('leaves times, dates, counts and years alone', () => {
    expect(found('From 0930-1030 on 01/02/2024; 10,000 steps; 2019-2021; score 21/27; 3 of 10.')).toEqual([]);
  });
});

describe('e-mail, web addresses and handles', () => {
  it('finds addresses written out to dodge filters', () => {
    expect(found('write to wei dot chen at example dot com today')).toEqual(['wei dot chen at example dot com']);
    expect(found('jsmith (at) gmail.com')).toEqual(['jsmith (at) gmail.com']);
  });

  it('finds links and handles, named by their platform or not', () => {
    expect(kinds('see https://t.co/abc and www.example.co.uk/page')).toEqual([
      ['web-address', 'https://t.co/abc'],
      ['web-address', 'www.example.co.uk/page'],
    ]);
    expect(found('her insta is @jaylen_b')).toContain('@jaylen_b');
    expect(found('her TikTok is kayla.m.22')).toContain('kayla.m.22');
  });
});

describe('numbers that identify', () => {
  it('finds NHS numbers dotted and 3-7 grouped', () => {
    expect(found('NHS 943.476.5919 and 943 4765919')).toEqual(['943.476.5919', '943 4765919']);
  });

  it('finds CHI, National Insurance, SSN, Medicare, PPS and hospital numbers', () => {
    expect(kinds('CHI 090488 3108')).toEqual([['chi-number', '090488 3108']]);
    expect(kinds('NI no. QQ 12 34 56 C')).toEqual([['ni-number', 'QQ 12 34 56 C']]);
    expect(kinds('SSN 531-20-4417')).toEqual([['ssn', '531-20-4417']]);
    expect(kinds('Medicare 2123 45670 1')).toEqual([['medicare-number', '2123 45670 1']]);
    expect(kinds('PPSN 1234567T')).toEqual([['ppsn', '1234567T']]);
    expect(found('hosp no RXH4471920, MRN 00482913, NHI ZAB3827')).toEqual(['RXH4471920', '00482913', 'ZAB3827']);
  });

  it('finds postal codes of Ireland, the US, Canada and Australia', () => {
    expect(found('Eircode D6W Y2X2')).toEqual(['D6W Y2X2']);
    expect(found('Chicago, IL 60625-1234')).toContain('IL 60625-1234');
    expect(found('Toronto m5v 2t6')).toContain('m5v 2t6');
    expect(found('Parramatta NSW 2150')).toContain('NSW 2150');
  });
});

describe('dates of birth', () => {
  it('finds them written any way, the cue before them in the same sentence', () => {
    for (const [text, date] of [
      ['DOB 07/23/2010', '07/23/2010'],
      ['She was born in March 1992.', 'March 1992'],
      ['Her birthday is 9 November.', '9 November'],
      ['She told me she was born, she thinks, on the 4th of June 1990.', 'the 4th of June 1990'],
      ['D.O.B. 3.7.61', '3.7.61'],
      ['He was born in 1948 in a village.', '1948'],
      ['She turns 21 on the 14th of August.', 'the 14th of August'],
    ]) {
      expect(found(text!), text).toContain(date);
    }
  });

  it('leaves dates that are not birthdays alone', () => {
    expect(found('We met on 3 March 2024 and again in May; on Monday I rang.')).toEqual([]);
  });
});

describe('street addresses', () => {
  it('finds them whole, in any case, with flats and plots and the types of many places', () => {
    for (const a of [
      'Flat 2/1, 48 Allison Street',
      'Plot 6, Fen Lane',
      '1425 Maple Ave, Apt 3B',
      '3 hill view terrace',
      '14 Heol y Nant',
      '520 W 139th St',
      'Flat 12, Hollis House',
    ]) {
      expect(found(`She lives at ${a}.`).join(' '), a).toContain(a);
    }
  });
});

describe('places', () => {
  it('finds wards, schools, surgeries, hospitals and towns, whole', () => {
    expect(found('She is on Harewood Ward.')).toEqual(['Harewood Ward']);
    expect(found('He goes to St Bede’s RC Primary.')).toEqual(['St Bede’s RC Primary']);
    expect(found('Seen at Bryn Teg Surgery today.')).toEqual(['Bryn Teg Surgery']);
    expect(found('Admitted to St James’s Hospital overnight.')).toEqual(['St James’s Hospital']);
    expect(found('She grew up in Treorchy and moved to Reading.')).toEqual(['Treorchy', 'Reading']);
  });

  it('leaves the ward round, reading, and the Acts and Codes alone', () => {
    expect(
      found('Ward round ran over. Reading the Mental Health Act Code of Practice again, then the acute ward.'),
    ).toEqual([]);
  });
});

describe('names of every origin', () => {
  it('finds whole names, first names alone, family members and lower-case names', () => {
    const text =
      'Met Kwame Asante-Mensah and Siân ap Rhys. Mòrag NicLeòid rang; her brother Omar came too. ' +
      'Bogdan Popescu was quiet. saw kwame again today. Mr Ó Floinn and Gráinne Nic an tSaoir were there.';
    const names = found(text);
    for (const n of [
      'Kwame Asante-Mensah',
      'Siân ap Rhys',
      'Mòrag NicLeòid',
      'Omar',
      'Bogdan Popescu',
      'kwame',
      'Mr Ó Floinn',
      'Gráinne Nic an tSaoir',
    ])
      expect(names, n).toContain(n);
  });

  it('leaves a possessive out, and keeps one value for the same person', () => {
    const f = findNames("Omar's mum rang about Omar.", { nlp: false });
    expect(f.map((x) => x.text)).toEqual(['Omar', 'Omar']);
  });

  it('takes ordinary words for names only where they are written as names', () => {
    expect(found('I will bring it to the ward round, to be frank, as I did last summer.')).toEqual([]);
    expect(found('Hope is hard some days. Grace under pressure is a phrase I distrust.')).toEqual([]);
    expect(found('I sat with Grace for an hour. Will told me he was scared.')).toEqual(['Grace', 'Will']);
  });

  it('passes over theorists and models, but not a client who shares their name', () => {
    expect(
      found(
        'Using Gibbs and Driscoll, with Winnicott, Bion and Linehan in mind; Hawkins and Shohet’s seven-eyed model; Beck (1976); Rogers’ core conditions; DBT and CBT; the Tavistock.',
      ),
    ).toEqual([]);
    expect(found('Mr Beck came to the clinic.')).toEqual(['Mr Beck']);
  });

  it('does not take a title or degree for a name', () => {
    expect(found('She has a PhD and an MSc, and he is a DClinPsy trainee.')).toEqual([]);
  });
});

describe('quick notes: handovers, numbered streets, ZIP codes after a town, lower-case place types', () => {
  it('takes the word after a bed or bay in a handover for who is in it, and not how they are', () => {
    const note = [
      'handover, lates',
      'bay 4 - rose turner. slept after 2am.',
      'Bed 11: Tadhg, anxious re tribunal.',
      'Rm 3B) lexi/marcus on 1:1.',
      'Bed 12: empty. Bed 14: new admission, quiet. bay 5 - all settled.',
      'Bed 15 - Settled night, slept well.',
    ].join('\n');
    expect(found(note)).toEqual(['rose turner', 'Tadhg', 'lexi', 'marcus']);
  });

  it('finds names written fast: a first name and an initial, a name-word and how they are, a relation and a name', () => {
    const note = [
      'community handover tues - aoife k - depot given. - marcus t: dna again.',
      'hope settled pm, ate tea. Grace off sick this evening. frank (agency hca) was great.',
      'dad neville ringing tmrw. Will Thornbury & Joy Thornbury came together.',
    ].join('\n');
    expect(found(note)).toEqual([
      'aoife k',
      'marcus t',
      'hope',
      'Grace',
      'frank',
      'neville',
      'Will Thornbury',
      'Joy Thornbury',
    ]);
    expect(
      found('I listened. Her nan, Mere, raised her. Sky’s homeroom teacher rang. My supervisor, Tuesday, said.'),
    ).toEqual(['Mere', 'Sky']);
    // The same words as words: what someone hopes, a plan B, a mum who will ring.
    expect(found('I hope settled weather holds. Plan b - group c. Her mum will ring. Grace under pressure.')).toEqual(
      [],
    );
  });

  it('leaves ordinary notes alone around those rules', () => {
    for (const line of [
      'Bed 3: Happy with plan. Bed 4: Wife visited. Bed 5: Monday discharge planned. Bed 6: Frank haematuria.',
      'Side room 2: barrier nursed. Room 6: Day 3 of detox. bay 2 - long night. Bed 7: Polish speaking.',
      'nbm bed 4 from midnight, dnar bed 5 confirmed.',
      'She lives on Marsh Lane, flat is damp. Church Road, app on her phone.',
      'urology clinic, phlebotomy clinic, warfarin clinic, the derm clinic letter.',
      'Staff short on nights again. There was little hope from the crisis team. That may very well be true.',
      'Hope very low today? Joy very low? Not really the words.',
      'Her last four shifts started at 0700. The last four payments of 1500 bounced.',
      'The postcode lottery means 1500 people are waiting. She ran the Manchester 10000.',
      'Came 2nd Place in the quiz. Her 1st Dr appointment is Friday.',
      'Trafodwyd y ffordd ymlaen gyda hi.',
      'started vit d, calcium. Waited 20 Min For The Bus.',
      'Joy Baker came in. no joy came of it.',
    ]) {
      const extra = found(line).filter(
        (f) => !['Marsh Lane', 'Church Road', 'Manchester', 'Joy Baker', 'app', 'derm'].includes(f),
      );
      expect(extra, line).toEqual([]);
    }
  });

  it('finds addresses, towns and postcodes as quick notes and letters write them', () => {
    expect(found('pt from castlebar expected am.')).toEqual(['castlebar']);
    expect(found('Address: 14 Cnoc na Gréine, Oranmore. Billing: 71 Dovercourt Ave, apt 3.')).toEqual([
      '14 Cnoc na Gréine, Oranmore',
      '71 Dovercourt Ave, apt 3',
    ]);
    expect(found('Postcode for the outreach list: 4812. The postcode lottery in 2024 again.')).toEqual(['4812']);
    expect(found('Visit at 27B Tōtara Crescent, then 1122 West 4th Street, Apt 3C.')).toEqual([
      '27B Tōtara Crescent',
      '1122 West 4th Street, Apt 3C',
    ]);
    expect(found('Address: Fflat 4, 12 Heol y Bryn. lives flat 9 marlowe ct, and flat 2, pen y coed court.')).toEqual([
      'Fflat 4, 12 Heol y Bryn',
      'flat 9 marlowe ct',
      'flat 2, pen y coed court',
    ]);
    expect(found('A flat 2 doors down the court house; flat 4 in the house was cold; a flat, 2 bed house.')).toEqual(
      [],
    );
    expect(kinds('He turns nineteen on the 3rd of August.')).toEqual([['date-of-birth', 'the 3rd of August']]);
    expect(kinds('She will be eighteen on 3 March.')).toEqual([['date-of-birth', '3 March']]);
    // A year ends the date before it; the house number starts the address after it.
    expect(kinds('DOB: 1 Jan 1990 11 Marsh Lane')).toEqual([
      ['date-of-birth', '1 Jan 1990'],
      ['address', '11 Marsh Lane'],
    ]);
    expect(
      found('unit 4 riverside court; Apt #4, Millrace Heights; flat 2/1 ashdown court; fflat 4 cwrt y gollen'),
    ).toEqual([
      'unit 4 riverside court',
      'Apt #4, Millrace Heights',
      'flat 2/1 ashdown court',
      'fflat 4 cwrt y gollen',
    ]);
    // Flat as a mood, and a road travelled for hours, are no address.
    for (const line of [
      'Mood has been flat 3 weeks since moving house.',
      'Affect flat 2 days before her court date.',
      'Took the 101 North 2 hours along the highway.',
      'The 1 place she feels safe is her room.',
    ])
      expect(found(line), line).toEqual([]);
    expect(kinds('Ellie, who turns 18 on 14 October, wants her own appointments.')).toEqual([
      ['person-name', 'Ellie'],
      ['date-of-birth', '14 October'],
    ]);
  });

  it('finds a numbered street without a house number, and a ZIP code after its town', () => {
    expect(kinds('He waits by the laundromat on E 116th St most nights.')).toEqual([['address', 'E 116th St']]);
    expect(kinds('She moved to Tucson 85713 in the spring.')).toEqual([
      ['place', 'Tucson'],
      ['postcode', '85713'],
    ]);
    expect(kinds('SSN 529 31\n4408, read out at intake.')).toEqual([['ssn', '529 31\n4408']]);
    expect(kinds('Billing has the last four digits of her SSN as 8830.')).toEqual([['ssn', '8830']]);
    expect(found('Over the last 4 weeks of 2025, and the last four sessions.')).toEqual([]);
    // A century and a session are no street.
    expect(found('In the 21st century, at my 3rd session, the 2nd time.')).toEqual([]);
  });

  it('finds a place whose type is written in lower case after its own name', () => {
    expect(found('We met at the Pārekareka clinic, then the Tŷ Gwyn surgery.')).toEqual([
      'Pārekareka clinic',
      'Tŷ Gwyn surgery',
    ]);
    expect(found('The Kilbrack halting site has no water again.')).toEqual(['Kilbrack halting site']);
    // Not a possessive, a day, or an ordinary word before the type.
    expect(found('Tuesday clinic ran over. The Acute ward was loud. Her own practice is growing.')).toEqual([]);
  });
});

describe('the person’s own list', () => {
  it('matches a common word only where it is written as a name', () => {
    const list = ['Will', 'Ward', 'Frank', 'Summer', 'Hope'];
    expect(findListedNames('I will go. Ward round. To be frank, last summer there was hope.', list)).toEqual([]);
    expect(findListedNames('I told Will and saw Frank.', list).map((f) => f.text)).toEqual(['Will', 'Frank']);
  });

  it('matches accents either way, and each word of a whole name', () => {
    expect(findListedNames('Sian and Siân', ['Siân']).map((f) => f.text)).toEqual(['Sian', 'Siân']);
    expect(findListedNames('Siân and Sian', ['Sian']).map((f) => f.text)).toEqual(['Siân', 'Sian']);
    expect(findListedNames('Kwame came; later Mensah rang.', ['Kwame Mensah']).map((f) => f.text)).toEqual([
      'Kwame',
      'Mensah',
    ]);
  });
});

describe('nothing hides in the characters', () => {
  const invisible = [
    '\u200B',
    '\u200C',
    '\u200D',
    '\u200E',
    '\u200F',
    '\u034F',
    '\u180E',
    '\u{E0041}',
    '\uFE0F',
    '\u2060',
    '\u00AD',
    '\u202E',
  ];
  const spread = (s: string, mark: string) => [...s].join(mark);

  it('finds NHS numbers, e-mails, phones, postcodes and listed names with invisible characters between', () => {
    let missed = 0;
    let tried = 0;
    for (const mark of invisible) {
      for (const [text, names] of [
        [`NHS ${spread('9434765919', mark)}`, []],
        [`mail ${spread('jo.bloggs@example.org', mark)}`, []],
        [`call ${spread('07700 900123', mark)}`, []],
        [`lives at ${spread('LS6 2QD', mark)}`, []],
        [`saw ${spread('Keziah', mark)} today`, ['Keziah']],
      ] as [string, string[]][]) {
        tried += 1;
        if (!all(text, names).length) missed += 1;
      }
    }
    expect(tried).toBe(60);
    expect(missed).toBe(0);
  });

  it('reads fullwidth and other scripts’ digits as digits', () => {
    expect(found('NHS ９４３ ４７６ ５９１９')).toEqual(['943 476 5919']);
    expect(found('NHS ٩٤٣ ٤٧٦ ٥٩١٩')).toEqual(['943 476 5919']);
    expect(found('call ०७७०० ९००१२३')).toEqual(['07700 900123']);
  });
});

describe('what overlaps, and what hostile input does', () => {
  it('never drops the part of a finding that runs past a longer one', () => {
    expect(found('Referred by Sarah Okafor sarah.okafor@nhs.net yesterday.')).toEqual([
      'Sarah Okafor',
      'sarah.okafor@nhs.net',
    ]);
    expect(found('Contact: 14 Marsh Lane, 0161 496 0000 (landline).')).toEqual(['14 Marsh Lane', '0161 496 0000']);
  });

  // Inputs that made patterns backtrack for minutes; these finish in milliseconds (the runner's time limit
  // catches a runaway).
  it('copes with long runs of spaces, apostrophes and written-out dots', () => {
    expect(all(`See table:${' '.repeat(5000)}done.`)).toEqual([]);
    expect(all(`See table:${'\n'.repeat(5000)}done.`)).toEqual([]);
    expect(all("O'".repeat(20_000)).length).toBeLessThan(5);
    expect(all('a dot '.repeat(8000))).toEqual([]);
  });

  it('finds words picked for one export as they were picked, not word by word', () => {
    const picked = (text: string, lookFor: string[]) =>
      checkTexts([text], { names: [], places: [], lookFor, year: YEAR, nlp: false })[0]!
        .filter((f) => f.kind === 'added')
        .map((f) => f.text);
    expect(picked("She will lead the group; Pepper's lead is red.", ["Pepper's lead"])).toEqual(["Pepper's lead"]);
    expect(picked('the Tollbooth cafe', ['Tollbooth'])).toEqual(['Tollbooth']);
    expect(picked('Saw Ｋｗａｍｅ', ['Ｋｗａｍｅ'])).toEqual([]); // the text is in reader form first, in the app
    expect(picked('Saw Kwame', ['Ｋｗａｍｅ'])).toEqual(['Kwame']);
  });
});

describe('a lock while the check runs', () => {
  it('stops the check, and nothing it read is kept afterwards', async () => {
    const texts = Array.from({ length: 200 }, (_, i) => `Zebedee Quillfeather rang at ${i}.`);
    const running = checkTextsInSlices(texts, { names: [], places: [], year: YEAR, nlp: false }, 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    clearCheckCaches();
    expect(await running).toBeNull();
    // Run again after the lock: it reads everything anew (nothing was cached after the lock).
    const again = await checkTextsInSlices(texts.slice(0, 1), { names: [], places: [], year: YEAR, nlp: false });
    expect(again?.[0]?.map((f) => f.text)).toEqual(['Zebedee Quillfeather']);
  });
});

describe('authors are told apart from clients by what the sentence says', () => {
  it('passes over an author by their work, and still finds a client read about or seen', () => {
    expect(found("Kielhofner's Model of Human Occupation helped. Stroebe and Schut's dual process model too.")).toEqual(
      [],
    );
    expect(found('Reading: Herman, Trauma and Recovery. Reading Evan Stark on coercive control.')).toEqual([]);
    expect(
      found("I read Maria's notes again, and I can see Emeka next week; Daria's approach to her week worked."),
    ).toEqual(['Maria', 'Emeka', 'Daria']);
  });
});
