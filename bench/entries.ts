/** Invented reflective entries for the benchmarks: nobody here is real. */

export const CLIENTS = ['Keziah', 'Tomasz', 'Aoife', 'Dev', 'Marguerite'];
/** About 250 words an entry, different in every entry, with a name and now and then a number in it. */
export function paragraphs(i: number): string[] {
  const who = CLIENTS[i % CLIENTS.length]!;
  return [
    `Entry ${i + 1}. I saw ${who} this morning and noticed how quickly I wanted to fix things for them. The room felt heavy and I could feel my shoulders tighten as we talked about the week they had had.`,
    `Afterwards I spoke with Margaret Okafor about it. She reminded me that staying alongside someone is the work, not a failure to act. I wrote down three things I could bring to supervision on day ${i}.`,
    i % 7 === 0
      ? `I need to remember to update the referral for NHS number 943 476 5919 and ring 07700 900${String(100 + (i % 900)).padStart(3, '0')} before Friday.`
      : `On the way home I let myself feel tired without deciding it meant anything about whether I am good at this. Tomorrow is a fuller day, and I want to arrive at it rested.`,
    `What I noticed in myself: a pull to rush, a wish to be liked, and underneath them some real care. What I want from supervision: help to slow down, and a place to think about endings.`,
  ];
}
