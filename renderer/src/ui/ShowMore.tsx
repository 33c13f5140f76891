import { type ReactNode, useState } from 'react';
import { Actions, Button } from './controls';

/** A long list shown a page at a time: the first `page` items, then twice as many more at each ask. */
export function usePaged<T>(list: readonly T[], page: number) {
  const [shown, setShown] = useState(page);
  return {
    visible: list.slice(0, shown),
    more: list.length > shown,
    showMore: () => setShown((n) => n + page * 2),
  };
}

/** The button under a paged list that shows more of it, while there is more. */
export function ShowMore({ paged, children }: { paged: { more: boolean; showMore: () => void }; children: ReactNode }) {
  return paged.more ? (
    <Actions>
      <Button variant="secondary" onClick={paged.showMore}>
        {children}
      </Button>
    </Actions>
  ) : null;
}
