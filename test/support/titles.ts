/** The titles of these entries, links or agenda items, in alphabetical order: to compare which are there. */
export const sortedTitles = (items: { title: string }[]): string[] => items.map((i) => i.title).sort();
