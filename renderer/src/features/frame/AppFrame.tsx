import { useCallback, useMemo, useRef, useState } from 'react';
import { Button } from '../../ui/controls';
import { HIDE_SHORTCUT, isMac } from '../../ui/Curtain';
import { Icon, type IconName } from '../../ui/icons';
import tip from '../../ui/tip.module.css';
import { usePageHeadingFocus } from '../../ui/usePageHeadingFocus';
import { CheckinsPage } from '../checkins/CheckinsPage';
import { ExportPage } from '../export/ExportPage';
import { JournalPage } from '../journal/JournalPage';
import { SettingsPage } from '../settings/SettingsPage';
import { OpenRequest } from '../sharing/OpenRequest';
import { type Arrival, SharedPage } from '../sharing/SharedPage';
import { SupervisionPage } from '../supervision/SupervisionPage';
import { SupportPage } from '../support/SupportPage';
import { TwoTruthsPage } from '../two-truths/TwoTruthsPage';
import { type Navigation, NavigationContext } from './navigation';
import { SECTIONS, type SectionId } from './sections';
import { menuIsNarrow, toggledMenu, useLayout, useNarrowWindow } from './layout';
import styles from './frame.module.css';

const ICONS: Record<SectionId, IconName> = {
  journal: 'journal',
  'two-truths': 'two-truths',
  'check-ins': 'check-ins',
  supervision: 'supervision',
  export: 'export',
  shared: 'shared',
  settings: 'settings',
  support: 'support',
};

export function AppFrame({
  onLock,
  onHide,
  onRestore,
}: {
  onLock: () => void;
  onHide: () => void;
  onRestore: () => void;
}) {
  const [current, setCurrent] = useState<SectionId>('journal');
  // An entry to open in the journal, asked for from elsewhere (an agenda item, a session); `n` makes
  // asking twice for the same entry open it again.
  const [openRequest, setOpenRequest] = useState<{ id: string; n: number } | null>(null);
  // A shared file the person agreed to open from the system: Sharing shows what came of it.
  const [arrival, setArrival] = useState<Arrival | null>(null);
  const arrivalSeen = useCallback(() => setArrival(null), []);
  // The share a supervisor is reviewing stays open while they look elsewhere in the app.
  const [reviewing, setReviewing] = useState<string | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      openEntry: (id) => {
        setOpenRequest((r) => ({ id, n: (r?.n ?? 0) + 1 }));
        setCurrent('journal');
      },
      goTo: setCurrent,
    }),
    [],
  );
  const contentRef = useRef<HTMLElement>(null);
  const section = SECTIONS.find((s) => s.id === current);
  const layout = useLayout();
  const narrowWindow = useNarrowWindow();
  const narrow = menuIsNarrow(layout.sideMenu, narrowWindow);
  // The names of the narrowed menu's icons show as tips; Escape puts a tip away until the pointer or focus moves.
  const [tipsAway, setTipsAway] = useState(false);

  // Focus to the page's heading as it shows: the first one after unlocking or opening the journal, and each
  // one chosen in the menu, so screen-reader and keyboard users land in it.
  usePageHeadingFocus(contentRef, current);

  // Support last, and on every page: a place to turn when things are hard.
  const nav = [
    ...SECTIONS.map((s) => ({ id: s.id, label: s.label })),
    { id: 'settings' as const, label: 'Settings' },
    { id: 'support' as const, label: 'Support' },
  ];

  return (
    <NavigationContext.Provider value={navigation}>
      <div
        className={`${styles.frame} ${narrow ? styles.narrow : ''}`}
        data-menu={narrow ? 'icons' : 'full'}
        data-tips={tipsAway ? 'away' : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setTipsAway(true);
        }}
        onPointerMove={tipsAway ? () => setTipsAway(false) : undefined}
        onFocus={tipsAway ? () => setTipsAway(false) : undefined}
      >
        <a className={styles.skip} href="#content">
          Skip to content
        </a>
        <aside className={styles.sidebar}>
          <div className={styles.brandRow}>
            {narrow ? null : <div className={styles.brand}>Holding</div>}
            <span className={tip.wrap}>
              {/*
                A toggle (pressed while the menu is narrowed), not a disclosure: the menu is never hidden. A choice
                that matches what the window's width gives anyway is kept as "automatic", so toggling back
                restores narrowing by itself in a small window.
              */}
              <button
                type="button"
                className={`${styles.menuToggle} ${tip.anchor}`}
                aria-label="Narrow the menu"
                aria-pressed={narrow}
                onClick={() => layout.choose({ sideMenu: toggledMenu(narrow, narrowWindow) })}
              >
                <Icon name={narrow ? 'panel-open' : 'panel-close'} />
              </button>
              <span className={tip.tip} aria-hidden="true">
                {narrow ? 'Show the menu in full' : 'Narrow the menu to icons'}
              </span>
            </span>
          </div>
          <nav aria-label="Main">
            <ul className={styles.navList}>
              {nav.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={`${styles.navItem} ${tip.anchor}`}
                    aria-current={current === item.id ? 'page' : undefined}
                    onClick={() => setCurrent(item.id)}
                  >
                    <Icon name={ICONS[item.id]} />
                    <span className={narrow ? tip.tip : styles.navLabel}>{item.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className={styles.spacer} />
          <div className={styles.lock}>
            <Button variant="secondary" onClick={onLock} className={narrow ? `${styles.iconButton} ${tip.anchor}` : ''}>
              <Icon name="lock" size={18} />
              <span className={narrow ? tip.tip : undefined}>Lock now</span>
            </Button>
            {narrow ? null : <span className={styles.shortcut}>{isMac ? '⌘ L' : 'Ctrl + L'} locks at any time</span>}
            <Button variant="quiet" onClick={onHide} className={narrow ? `${styles.iconButton} ${tip.anchor}` : ''}>
              <Icon name="hide" size={18} />
              <span className={narrow ? tip.tip : undefined}>Hide screen</span>
            </Button>
            {narrow ? null : <span className={styles.shortcut}>{HIDE_SHORTCUT} hides Holding for a moment</span>}
          </div>
        </aside>
        <main
          id="content"
          className={current === 'journal' || current === 'two-truths' ? styles.contentFull : styles.content}
          ref={contentRef}
          tabIndex={-1}
        >
          {current === 'journal' ? (
            <JournalPage openRequest={openRequest} onOpened={() => setOpenRequest(null)} />
          ) : current === 'two-truths' ? (
            <TwoTruthsPage />
          ) : current === 'check-ins' ? (
            <CheckinsPage />
          ) : current === 'supervision' ? (
            <SupervisionPage />
          ) : current === 'export' ? (
            <ExportPage />
          ) : current === 'shared' ? (
            <SharedPage arrival={arrival} onArrivalSeen={arrivalSeen} reviewing={reviewing} onReview={setReviewing} />
          ) : current === 'settings' ? (
            <SettingsPage onLock={onLock} onRestore={onRestore} />
          ) : current === 'support' ? (
            <SupportPage />
          ) : section ? (
            <>
              <h1 tabIndex={-1}>{section.title}</h1>
              <div className={styles.empty}>
                <p>
                  <strong>Nothing here yet.</strong>
                </p>
                {section.empty.map((line) => (
                  <p key={line} className={styles.muted}>
                    {line}
                  </p>
                ))}
              </div>
            </>
          ) : null}
        </main>
        <OpenRequest
          onDone={(outcome) => {
            setArrival(outcome);
            setCurrent('shared');
          }}
        />
      </div>
    </NavigationContext.Provider>
  );
}
