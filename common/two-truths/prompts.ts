/**
 * Two truths: pairs of things that can both be true at once. Written for Holding, for clinicians,
 * many with lived experience. They do not ask for an answer or a resolution; each is a place to
 * start writing. Ids are stable: entries remember the prompt they began from.
 */
export type ThemeId = 'responsibility' | 'power' | 'help' | 'evidence' | 'care' | 'both-sides';

export interface Theme {
  id: ThemeId;
  label: string;
}

export interface PromptPair {
  id: string;
  theme: ThemeId;
  /** The first truth. */
  a: string;
  /** The second truth, read after "and yet". */
  b: string;
  builtin: boolean;
}

/** A prompt pair as the library shows it. */
export interface PromptView extends PromptPair {
  hidden: boolean;
  /** A built-in pair the person has reworded. */
  edited: boolean;
}

export const THEMES: Theme[] = [
  { id: 'responsibility', label: 'Responsibility and fault' },
  { id: 'power', label: 'Power in the professional role' },
  { id: 'help', label: 'Asking for and offering help' },
  { id: 'evidence', label: 'Evidence and uncertainty' },
  { id: 'care', label: 'Care for self and others' },
  { id: 'both-sides', label: 'Being both provider and user of services' },
];

const pairs: Record<ThemeId, [string, string][]> = {
  responsibility: [
    ['I did my best with what I knew at the time.', 'Looking back, I can see what I missed.'],
    ['I am responsible for how I practise.', 'The outcome was never mine alone to control.'],
    ['The system I work in let this person down.', 'I was part of that system, and my choices mattered.'],
    ['I made a mistake.', 'I am still a good enough clinician.'],
    ['Saying sorry matters.', 'An apology does not have to mean carrying all of the blame.'],
    ['This was not my fault.', 'I still want to learn from it.'],
    ['I am accountable to the people I work with.', 'I am allowed to be a person with limits.'],
  ],
  power: [
    ['I often feel powerless in the system I work in.', "In the room, I hold real power over someone else's life."],
    ['My professional judgement has value.', 'The person in front of me is the expert on their own experience.'],
    [
      'Sometimes I have to use the powers my role gives me.',
      'Using them can do harm, even when it is the right thing.',
    ],
    ['I chose a role that gives me authority.', 'I can choose how gently I hold it.'],
    ['The notes I write can protect someone.', 'They can also follow that person for years.'],
    ['I want to be seen as caring and helpful.', 'Being helpful can also be a way of staying in control.'],
    ['I can hold a boundary firmly.', 'I can stay warm while I do it.'],
  ],
  help: [
    ['I am good at helping other people.', 'I find it hard to ask for help myself.'],
    ['Needing support is part of doing this work well.', 'I worry that it will be seen as weakness.'],
    ['Taking time out is sometimes the most competent thing to do.', 'I fear what colleagues will think if I do.'],
    ['My supervisor is there to support me.', 'They also have a part in judging my practice.'],
    ['I want my team to be able to lean on me.', 'I have little left to give this week.'],
    ['Telling someone how I am would help.', 'I am not sure who is safe to tell.'],
    ['Offering help can be a gift.', "It can also take away someone's chance to find their own way."],
  ],
  evidence: [
    ['The evidence points one way.', 'This person does not fit the evidence.'],
    ['A formulation helps me understand.', 'It is still a story, and it could be wrong.'],
    ['I need to make a decision now.', 'I cannot know for sure what will happen.'],
    ['Assessing risk helps keep people safe.', 'No tool can tell me what a person will do.'],
    ['My training gives me a way of seeing.', 'It can stop me seeing what does not fit.'],
    ['Outcome measures tell me something real.', 'They cannot tell me everything that changed.'],
    ['I trust my clinical instinct.', 'My instinct carries my own history and my own biases.'],
  ],
  care: [
    ['I care deeply about the people I work with.', 'I need to stop thinking about them when I go home.'],
    ['I can be there for others.', 'I also need someone to be there for me.'],
    ['Resting is part of the job.', 'There is always more that could be done.'],
    ['Compassion for others comes easily to me.', 'Compassion for myself is much harder.'],
    ['This work gives my life meaning.', 'It is wearing me down right now.'],
    ['I want to give this person more time.', 'Protecting my time protects my care for everyone else.'],
    ['Feeling what others feel helps me understand them.', 'I need to keep some of it outside me.'],
  ],
  'both-sides': [
    ['I have lived experience of mental ill health.', 'I am a skilled, trained professional.'],
    ['My own experience helps me understand people.', 'Their experience is not the same as mine.'],
    ['I have been on the other side of this desk.', 'Today I am the one holding the pen.'],
    ['Sharing my experience might help someone.', 'It is my story, and I choose when to tell it.'],
    ['My difficulties are meaningful and part of who I am.', 'I do not want them to define how others see me at work.'],
    ['I know what it is like to use this service.', 'I also have to work within it.'],
    ['Being well enough to work matters to me.', 'Being unwell sometimes is not a failure.'],
  ],
};

export const BUILTIN_PROMPTS: PromptPair[] = THEMES.flatMap((theme) =>
  pairs[theme.id].map(([a, b], i) => ({ id: `builtin:${theme.id}-${i + 1}`, theme: theme.id, a, b, builtin: true })),
);

/** The same prompt all day, a different one most days; deterministic, so it needs no stored state. */
export function promptOfTheDay<T extends { id: string }>(prompts: readonly T[], day: string): T | null {
  if (prompts.length === 0) return null;
  let hash = 2166136261;
  for (const ch of day) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return prompts[hash % prompts.length]!;
}
