import type { ReactNode } from 'react';

/**
 * Holding's own small line icons, drawn on a 24-unit grid in the text colour. They are always beside a name
 * (shown, or kept for screen readers and shown as a tip): never the only way something is said.
 */
const PATHS = {
  journal: (
    <>
      <path d="M6 4h10a2 2 0 0 1 2 2v14H8a2 2 0 0 1-2-2z" />
      <path d="M6 18a2 2 0 0 1 2-2h10" />
      <path d="M10 8h4" />
    </>
  ),
  'two-truths': (
    <>
      <circle cx="9" cy="12" r="5.5" />
      <circle cx="15" cy="12" r="5.5" />
    </>
  ),
  'check-ins': <path d="M3 13h4l2.5-6 4 11 2.5-5H21" />,
  supervision: (
    <>
      <path d="M4 5h11v8H9l-5 3.5z" />
      <path d="M15 9h5v10l-4-2.5h-6V13" />
    </>
  ),
  export: (
    <>
      <path d="M12 15V3.5" />
      <path d="M7.5 8 12 3.5 16.5 8" />
      <path d="M5 13v6h14v-6" />
    </>
  ),
  shared: (
    <>
      <rect x="3" y="6" width="18" height="13" rx="2" />
      <path d="m3.5 8 8.5 6 8.5-6" />
    </>
  ),
  settings: (
    <>
      <path d="M4 7h9m4 0h3M4 17h3m4 0h9" />
      <circle cx="15" cy="7" r="2" />
      <circle cx="9" cy="17" r="2" />
    </>
  ),
  support: <path d="M12 19.5s-7-4.3-7-9.6A3.9 3.9 0 0 1 12 7.6a3.9 3.9 0 0 1 7 2.3c0 5.3-7 9.6-7 9.6z" />,
  lock: (
    <>
      <rect x="5" y="10.5" width="14" height="9.5" rx="2" />
      <path d="M8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3" />
    </>
  ),
  hide: (
    <>
      <path d="M3 12s3.4-5.5 9-5.5 9 5.5 9 5.5-3.4 5.5-9 5.5S3 12 3 12z" />
      <circle cx="12" cy="12" r="2.5" />
      <path d="m4.5 4.5 15 15" />
    </>
  ),
  /** A panel with its side fold: the arrow says which way it goes. */
  'panel-close': (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
      <path d="M9.5 4.5v15" />
      <path d="m16 9.5-2.5 2.5 2.5 2.5" />
    </>
  ),
  'panel-open': (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
      <path d="M9.5 4.5v15" />
      <path d="m13.5 9.5 2.5 2.5-2.5 2.5" />
    </>
  ),
  list: <path d="M8 7h12M8 12h12M8 17h12M4 7h.01M4 12h.01M4 17h.01" />,
  folder: <path d="M3.5 7.5a2 2 0 0 1 2-2h4l2 2h7a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" />,
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      style={{ flex: 'none' }}
    >
      {PATHS[name]}
    </svg>
  );
}
