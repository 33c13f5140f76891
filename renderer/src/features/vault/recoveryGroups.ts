/** Two different groups of the key, chosen at random, in order: the ones the person types back (issue 18). */
export function twoGroups(count: number, random: () => number = Math.random): [number, number] {
  const pick = () => Math.floor(random() * count);
  const first = pick();
  let second = pick();
  while (count > 1 && second === first) second = pick();
  return first < second ? [first, second] : [second, first];
}
