import type { ReactNode } from 'react';
import styles from './sharing.module.css';

/** A card of the Sharing page, named by its heading, which the page brings focus to when it sends a person there. */
export function SharingCard({
  headingId,
  heading,
  children,
}: {
  headingId: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
