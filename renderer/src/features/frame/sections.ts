export type SectionId =
  'journal' | 'two-truths' | 'check-ins' | 'supervision' | 'export' | 'shared' | 'settings' | 'support';

export interface Section {
  id: SectionId;
  label: string;
  title: string;
  /** What this part of Holding will hold, said plainly while it is still to be built (empty once it is). */
  empty: string[];
}

export const SECTIONS: Section[] = [
  {
    id: 'journal',
    label: 'Journal',
    title: 'Journal',
    empty: [
      'Your private reflective journal. Write freely, or follow a reflective model such as Gibbs, Driscoll, Johns, Kolb, Schön or Rolfe when you want some shape to your thinking.',
      'Entries stay on this computer, encrypted. You decide later whether anything is ever brought to supervision.',
    ],
  },
  {
    id: 'two-truths',
    label: 'Two truths',
    title: 'Two truths',
    empty: [],
  },
  {
    id: 'check-ins',
    label: 'Check-ins',
    title: 'Check-ins',
    empty: [],
  },
  {
    id: 'supervision',
    label: 'Supervision',
    title: 'Supervision',
    empty: [
      'Your supervisors and contracts, the agenda for your next session, notes of what was decided, and your hours.',
      'Anything you flag to bring to supervision will gather here, ready for you to shape into what you need from the hour.',
    ],
  },
  {
    id: 'export',
    label: 'Export',
    title: 'Export for supervision',
    empty: [],
  },
  {
    id: 'shared',
    label: 'Sharing',
    title: 'Sharing',
    empty: [],
  },
];
