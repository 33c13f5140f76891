import type { QueryClient } from '@tanstack/react-query';

export const journalKeys = {
  all: ['journal'] as const,
  pages: ['journal', 'page'] as const,
  entry: (id: string) => ['journal', 'entry', id] as const,
  revisions: (id: string) => ['journal', 'revisions', id] as const,
  links: (id: string) => ['journal', 'links', id] as const,
  tags: ['journal', 'tags'] as const,
  templates: ['templates'] as const,
};

/** After anything changes what the list shows. */
export function invalidateLists(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: journalKeys.pages });
  void client.invalidateQueries({ queryKey: journalKeys.tags });
  // Linked entries show titles and whether each is in the trash.
  void client.invalidateQueries({ queryKey: ['journal', 'links'] });
}
