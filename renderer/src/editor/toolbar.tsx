import { type ButtonHTMLAttributes, type ReactNode, useRef } from 'react';
import { useRovingToolbar } from '../ui/useRovingToolbar';
import styles from './editor.module.css';

/** A row of tool buttons above the text: one Tab stop, the arrow keys moving along it (see useRovingToolbar). */
export function RovingToolbar({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingToolbar(ref);
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={label}
      aria-orientation="horizontal"
      className={styles.toolbar}
      {...roving}
    >
      {children}
    </div>
  );
}

/** A button in one of the editor's toolbars, or in the link form under them. */
export function ToolButton(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className={styles.tool} {...props} />;
}
