import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LinkedEntry } from '../../../../common/journal/types';
import { describeError, holding, unwrap } from '../../api';
import { Button, Notice } from '../../ui/controls';
import { EntryPicker, entryTitle, KIND_LABELS } from '../../ui/EntryPicker';
import { journalKeys } from './queries';
import styles from './journal.module.css';

/** The entries linked to this one, either way round: open one, remove a link, or add another. */
export function LinkedEntries({ entryId, onOpen }: { entryId: string; onOpen?: ((id: string) => void) | undefined }) {
  const queryClient = useQueryClient();
  const [picking, setPicking] = useState(false);
  // When the picker closes (a link made, or cancelled), focus returns to the button that opened it.
  const linkButton = useRef<HTMLButtonElement>(null);
  const wasPicking = useRef(false);
  useEffect(() => {
    if (wasPicking.current && !picking) linkButton.current?.focus();
    wasPicking.current = picking;
  }, [picking]);
  const links = useQuery({
    queryKey: journalKeys.links(entryId),
    queryFn: () => unwrap(holding().journal.links({ id: entryId })),
  });
  const setLinks = (value: LinkedEntry[], otherId: string) => {
    queryClient.setQueryData(journalKeys.links(entryId), value);
    // The other entry shows the link too.
    void queryClient.invalidateQueries({ queryKey: journalKeys.links(otherId) });
  };
  const link = useMutation({
    mutationFn: (toId: string) => unwrap(holding().journal.link({ fromId: entryId, toId })),
    onSuccess: (value, toId) => {
      setLinks(value, toId);
      setPicking(false);
    },
  });
  const unlink = useMutation({
    mutationFn: (toId: string) => unwrap(holding().journal.unlink({ fromId: entryId, toId })),
    onSuccess: setLinks,
  });
  const items = links.data ?? [];

  return (
    <section className={styles.links} aria-label="Linked entries">
      <h2 className={styles.linksHeading}>Linked entries</h2>
      {items.length ? (
        <ul className={styles.linkList}>
          {items.map((item) => (
            <li key={item.id}>
              {onOpen && !item.deletedAt ? (
                <button type="button" className={styles.linkOpen} onClick={() => onOpen(item.id)}>
                  {entryTitle(item)}
                </button>
              ) : (
                <span>{entryTitle(item)}</span>
              )}
              <span className={styles.status}>
                {KIND_LABELS[item.kind]}
                {item.deletedAt ? ' · in the trash' : ''}
              </span>
              <Button
                variant="quiet"
                aria-label={`Unlink “${entryTitle(item)}”`}
                onClick={() => unlink.mutate(item.id)}
                disabled={unlink.isPending}
              >
                Unlink
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.status}>Nothing linked yet.</p>
      )}
      {picking ? (
        <EntryPicker
          label="Link an entry"
          excludeIds={[entryId, ...items.map((i) => i.id)]}
          onPick={(e) => link.mutate(e.id)}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <Button ref={linkButton} variant="secondary" onClick={() => setPicking(true)}>
          Link an entry
        </Button>
      )}
      {link.isError ? <Notice>{describeError(link.error)}</Notice> : null}
      {unlink.isError ? <Notice>{describeError(unlink.error)}</Notice> : null}
    </section>
  );
}
