import type { DocNode } from './doc';

export interface TemplateSection {
  heading: string;
  /** A short guiding question, shown as a placeholder under the heading until you write. */
  prompt: string;
}

export interface Template {
  id: string;
  name: string;
  description: string;
  builtin: boolean;
  sections: TemplateSection[];
}

/**
 * The reflective models clinicians are taught, each with prompts written for Holding.
 * Ids are stable: entries remember which template they began from.
 */
export const BUILTIN_TEMPLATES: Template[] = [
  {
    id: 'builtin:free',
    name: 'Free writing',
    description: 'No structure at all. Start wherever you are.',
    builtin: true,
    sections: [],
  },
  {
    id: 'builtin:gibbs',
    name: "Gibbs' reflective cycle",
    description: 'Six steps from what happened to what you will do next time.',
    builtin: true,
    sections: [
      { heading: 'Description', prompt: 'What happened? Who was there, and what did each of you do?' },
      { heading: 'Feelings', prompt: 'What were you feeling and thinking, then and now? All of it is allowed here.' },
      {
        heading: 'Evaluation',
        prompt: 'What went well, and what was harder? Try to be as fair to yourself as to anyone.',
      },
      { heading: 'Analysis', prompt: 'What sense can you make of it? What might help explain what happened?' },
      {
        heading: 'Conclusion',
        prompt: 'What else could you have done? What have you learned, about the work or about you?',
      },
      { heading: 'Action plan', prompt: 'If something like this happens again, what would you like to do?' },
    ],
  },
  {
    id: 'builtin:driscoll',
    name: "Driscoll's What? So what? Now what?",
    description: 'Three plain questions, good when time or energy is short.',
    builtin: true,
    sections: [
      { heading: 'What?', prompt: 'What happened? Describe it simply, as if to a colleague who was not there.' },
      { heading: 'So what?', prompt: 'Why does it matter? What did it stir in you, and what does it tell you?' },
      { heading: 'Now what?', prompt: 'What, if anything, would you like to do differently or find out more about?' },
    ],
  },
  {
    id: 'builtin:johns',
    name: "Johns' structured reflection",
    description: 'Looks closely at what shaped your choices and what else was possible.',
    builtin: true,
    sections: [
      { heading: 'Description', prompt: 'Describe the experience and what feels most significant about it.' },
      {
        heading: 'Reflection',
        prompt: 'What were you trying to achieve? How did it feel for you, and for the other person?',
      },
      {
        heading: 'Influencing factors',
        prompt: 'What shaped how you acted: your own feelings, expectations, time, the team, the setting?',
      },
      { heading: 'Alternatives', prompt: 'What other choices were there, and what might each have led to?' },
      { heading: 'Learning', prompt: 'How do you feel about it now? What will you carry into your practice?' },
    ],
  },
  {
    id: 'builtin:kolb',
    name: "Kolb's learning cycle",
    description: 'Experience, reflection, ideas and trying something new.',
    builtin: true,
    sections: [
      { heading: 'Concrete experience', prompt: 'What did you do, see or take part in?' },
      {
        heading: 'Reflective observation',
        prompt: 'Looking back, what do you notice? What stands out now that did not at the time?',
      },
      {
        heading: 'Abstract conceptualisation',
        prompt: 'What ideas, theory or past experience help you understand it?',
      },
      { heading: 'Active experimentation', prompt: 'What will you try next, and how will you know how it went?' },
    ],
  },
  {
    id: 'builtin:schon',
    name: 'Schön: reflection in and on action',
    description: 'What you noticed in the moment, and what you make of it afterwards.',
    builtin: true,
    sections: [
      {
        heading: 'Reflection in action',
        prompt: 'In the moment, what did you notice, and how did you adjust as it unfolded?',
      },
      {
        heading: 'Reflection on action',
        prompt: 'Now, with some distance, what do you understand about what you did and why?',
      },
      { heading: 'For next time', prompt: 'What would you like to be ready to notice, or to try, next time?' },
    ],
  },
  {
    id: 'builtin:rolfe',
    name: "Rolfe's reflective framework",
    description: 'Description, then meaning, then action, each asked in turn.',
    builtin: true,
    sections: [
      { heading: 'What?', prompt: 'What was my part in this? What was I trying to do, and what happened?' },
      {
        heading: 'So what?',
        prompt: 'What does this show me about myself, the person I was working with, and our relationship?',
      },
      { heading: 'Now what?', prompt: 'What do I need to do, learn or ask for, to make things better from here?' },
    ],
  },
];

export function findBuiltinTemplate(id: string): Template | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}

/** A new entry's starting body: each section as a heading with an empty paragraph to write in. */
export function docFromTemplate(template: Pick<Template, 'sections'>): DocNode {
  if (template.sections.length === 0) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return {
    type: 'doc',
    content: template.sections.flatMap((s) => [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: s.heading }] },
      { type: 'paragraph' },
    ]),
  };
}
