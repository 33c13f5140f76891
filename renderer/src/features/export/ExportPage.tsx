import { useEffect, useRef } from 'react';
import { Button } from '../../ui/controls';
import { useGoToSettings } from '../frame/navigation';
import { requestEverything } from './EverythingSection';
import { CheckStep } from './CheckStep';
import { ChooseStep } from './ChooseStep';
import { useExportDraft } from './draft';
import { ExportedBefore } from './ExportedBefore';
import styles from './export.module.css';

const STEPS = [
  { id: 'choose', label: 'Choose what to include' },
  { id: 'check', label: 'Check, preview and save' },
] as const;

/** Export for supervision: choose, check for identifying details, see exactly what leaves, and save. */
export function ExportPage() {
  const [draft, setDraft, reset] = useExportDraft();
  const goToSettings = useGoToSettings();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  // The new step's heading takes focus after a person moves between steps, not when the page opens.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    stepHeading.current?.focus();
  }, [draft.step]);
  const goTo = (step: 'choose' | 'check') => {
    moved.current = true;
    setDraft((d) => ({ ...d, step }));
  };

  return (
    <div className={styles.page}>
      <h1 tabIndex={-1}>Export for supervision</h1>
      <p className={styles.intro}>
        Gather what you would like to take to supervision, check it for anything that could identify someone, and see
        exactly what will leave before you save it as a file, or seal it so that only your supervisor can open it.
        Nothing leaves Holding until you save.
      </p>
      <ol className={styles.steps} aria-label="Steps">
        {STEPS.map((step, index) => (
          <li key={step.id} className={styles.step} aria-current={draft.step === step.id ? 'step' : undefined}>
            <span className={styles.stepNumber} aria-hidden="true">
              {index + 1}
            </span>
            <span>{step.label}</span>
          </li>
        ))}
      </ol>
      {draft.step === 'choose' ? (
        <ChooseStep
          draft={draft}
          setDraft={setDraft}
          onCheck={() => goTo('check')}
          onReset={reset}
          headingRef={stepHeading}
        />
      ) : (
        <CheckStep
          draft={draft}
          setDraft={setDraft}
          onBack={() => goTo('choose')}
          onStartAgain={() => {
            moved.current = true;
            reset();
          }}
          headingRef={stepHeading}
        />
      )}
      <ExportedBefore />
      <aside className={styles.everything} aria-label="Your whole journal">
        <p>
          Looking to take your whole journal out, to keep or to move to another program? That is a different export, in
          Settings.
        </p>
        <Button variant="secondary" onClick={() => goToSettings(requestEverything)}>
          Export everything…
        </Button>
      </aside>
    </div>
  );
}
