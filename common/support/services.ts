/**
 * The Support page's services: well-known places to turn, for clinicians and for anyone, by country.
 * Shipped with Holding so the page works offline and while the journal is locked. Each was checked against
 * the service's own pages (or, where noted, a health body's) on the date below; numbers do change, so each
 * names where to find the current one. Our own words throughout.
 */

export const SUPPORT_CHECKED = '2026-12-05';

export const SUPPORT_REGIONS = ['uk', 'ie', 'us', 'ca', 'au', 'nz'] as const;
export type SupportRegion = (typeof SUPPORT_REGIONS)[number];

export const REGION_NAMES: Record<SupportRegion, string> = {
  uk: 'the United Kingdom',
  ie: 'Ireland',
  us: 'the United States',
  ca: 'Canada',
  au: 'Australia',
  nz: 'New Zealand',
};

/** Emergency numbers, for the quiet note about being unsafe right now. */
export const EMERGENCY: Record<SupportRegion, string> = {
  uk: '999',
  ie: '112 or 999',
  us: '911',
  ca: '911',
  au: '000',
  nz: '111',
};

export interface SupportWay {
  kind: 'call' | 'text' | 'email' | 'web';
  /** What to dial, text or visit, as a person would write it down. */
  value: string;
  /** For text: what to send, if it matters. */
  message?: string;
}

export interface SupportService {
  id: string;
  name: string;
  regions: SupportRegion[];
  /** Who it is for: everyone, or people in health work. */
  audience: 'anyone' | 'clinicians';
  /** What it is, in a sentence. */
  about: string;
  hours: string;
  ways: SupportWay[];
  /** Where the details were checked, and where to find them if they change. */
  source: string;
}

export const SUPPORT_SERVICES: SupportService[] = [
  {
    id: 'samaritans',
    name: 'Samaritans',
    regions: ['uk', 'ie'],
    audience: 'anyone',
    about:
      'Someone to talk to about whatever is on your mind, without judgement. Free from any phone, and the call does not show on your bill.',
    hours: 'Day or night, every day of the year',
    ways: [
      { kind: 'call', value: '116 123' },
      { kind: 'email', value: 'jo@samaritans.org' },
    ],
    source: 'https://www.samaritans.org/how-we-can-help/contact-samaritan/',
  },
  {
    id: 'shout',
    name: 'Shout',
    regions: ['uk'],
    audience: 'anyone',
    about: 'Support by text message with a trained volunteer, for when talking out loud is too much.',
    hours: 'Day or night, every day',
    ways: [{ kind: 'text', value: '85258', message: 'SHOUT' }],
    source: 'https://giveusashout.org/about-us/faq/',
  },
  {
    id: 'nhs-111',
    name: 'NHS 111',
    regions: ['uk'],
    audience: 'anyone',
    about:
      'For urgent help with your mental health that is not an emergency: they can talk it through and tell you where to go.',
    hours: 'Day or night, every day',
    ways: [
      { kind: 'call', value: '111' },
      { kind: 'web', value: 'https://111.nhs.uk' },
    ],
    source: 'https://111.nhs.uk',
  },
  {
    id: 'practitioner-health',
    name: 'NHS Practitioner Health',
    regions: ['uk'],
    audience: 'clinicians',
    about:
      'A free, confidential NHS mental health and addiction service for doctors, dentists and other healthcare staff in England, especially when getting care locally does not feel confidential. You can refer yourself.',
    hours: 'Monday to Friday 8am to 8pm, Saturday 8am to 2pm',
    ways: [
      { kind: 'call', value: '0300 0303 300' },
      { kind: 'web', value: 'https://www.practitionerhealth.nhs.uk' },
    ],
    source: 'https://www.practitionerhealth.nhs.uk/healthcare-staff-in-england',
  },
  {
    id: '988-us',
    name: '988 Suicide & Crisis Lifeline',
    regions: ['us'],
    audience: 'anyone',
    about:
      'Free, confidential support from a trained counsellor for any kind of emotional distress, not only thoughts of suicide.',
    hours: 'Day or night, every day',
    ways: [
      { kind: 'call', value: '988' },
      { kind: 'text', value: '988' },
      { kind: 'web', value: 'https://988lifeline.org' },
    ],
    source: 'https://988lifeline.org',
  },
  {
    id: 'physician-support-line',
    name: 'Physician Support Line',
    regions: ['us'],
    audience: 'clinicians',
    about:
      'Free, confidential peer support for physicians and medical students, from volunteer psychiatrists. No appointment, and nothing to report to a board.',
    hours: '8am to 1am Eastern time, every day',
    ways: [
      { kind: 'call', value: '1-888-409-0141' },
      { kind: 'web', value: 'https://physiciansupportline.com' },
    ],
    source: 'https://physiciansupportline.com/faq',
  },
  {
    id: '988-canada',
    name: '9-8-8: Suicide Crisis Helpline',
    regions: ['ca'],
    audience: 'anyone',
    about: 'Free support from a trained responder, in English and French, for anyone who is struggling.',
    hours: 'Day or night, every day',
    ways: [
      { kind: 'call', value: '988' },
      { kind: 'text', value: '988' },
      { kind: 'web', value: 'https://988.ca' },
    ],
    source: 'https://988.ca',
  },
  {
    id: 'lifeline-au',
    name: 'Lifeline',
    regions: ['au'],
    audience: 'anyone',
    about: 'Crisis support from a trained supporter, by phone, text or online chat, for anyone feeling overwhelmed.',
    hours: 'Day or night, every day',
    ways: [
      { kind: 'call', value: '13 11 14' },
      { kind: 'text', value: '0477 13 11 14' },
      { kind: 'web', value: 'https://www.lifeline.org.au' },
    ],
    source: 'https://www.lifeline.org.au',
  },
  {
    id: 'nm-support',
    name: 'Nurse & Midwife Support',
    regions: ['au'],
    audience: 'clinicians',
    about:
      'Free, confidential and anonymous advice and support for nurses, midwives and students, about work stress, your own health and where to turn.',
    hours: 'Day or night, every day',
    ways: [
      { kind: 'call', value: '1800 667 877' },
      { kind: 'web', value: 'https://www.nmsupport.org.au' },
    ],
    source: 'https://www.nmsupport.org.au',
  },
  {
    id: 'need-to-talk',
    name: 'Need to talk? 1737',
    regions: ['nz'],
    audience: 'anyone',
    about: 'Free support from a trained counsellor, by call or text, for anyone.',
    hours: 'Day or night, every day',
    ways: [
      { kind: 'call', value: '1737' },
      { kind: 'text', value: '1737' },
    ],
    source: 'https://1737.org.nz',
  },
];

/** The country the computer's language setting names, if it is one Holding has services for. */
export function regionFromLanguage(language: string | undefined): SupportRegion | null {
  const country = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(language ?? '')?.[1]?.toUpperCase();
  const byCountry: Record<string, SupportRegion> = {
    GB: 'uk',
    UK: 'uk',
    IE: 'ie',
    US: 'us',
    CA: 'ca',
    AU: 'au',
    NZ: 'nz',
  };
  return country ? (byCountry[country] ?? null) : null;
}

/** A person's own contact: someone they can turn to. */
export interface SupportContact {
  id: string;
  name: string;
  /** How to reach them: a number, an address, anything. */
  how: string;
  note: string;
}

export const MAX_SUPPORT_CONTACTS = 30;
export const MAX_SUPPORT_TEXT = 300;

/** What the Support page shows from the journal (only while it is unlocked). */
export interface SupportView {
  contacts: SupportContact[];
  /** Who the person named beside their early-warning signs, with the sign. */
  fromSigns: { sign: string; contact: string }[];
  /** Services the person chose to hide (by id). */
  hidden: string[];
  /** The country whose services to show; null until chosen (the window guesses from the language). */
  region: SupportRegion | 'all' | null;
}
