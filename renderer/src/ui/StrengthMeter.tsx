import { useEffect, useState } from 'react';
import type { PassphraseAssessment } from '../../../common/passphrase';
import styles from './ui.module.css';

type Assess = (passphrase: string) => PassphraseAssessment;

/** zxcvbn's dictionaries are large; load them only on the screens that need them. */
export function usePassphraseAssessment(passphrase: string): PassphraseAssessment | null {
  const [assess, setAssess] = useState<Assess | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../../common/passphrase').then((m) => {
      if (live) setAssess(() => m.assessPassphrase);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!assess || passphrase.length === 0) return null;
  return assess(passphrase);
}

const COLOURS = ['var(--meter-0)', 'var(--meter-1)', 'var(--meter-2)', 'var(--meter-3)', 'var(--meter-4)'];

export function StrengthMeter({ assessment, id }: { assessment: PassphraseAssessment | null; id: string }) {
  const score = assessment?.score ?? 0;
  const filled = assessment ? Math.max(1, score) : 0;
  return (
    <div className={styles.meter} id={id}>
      <div
        className={styles.meterTrack}
        role="meter"
        aria-label="Passphrase strength"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={assessment ? assessment.label : 'nothing typed yet'}
      >
        {[1, 2, 3, 4].map((n) => (
          <span
            key={n}
            className={styles.meterBar}
            style={n <= filled ? { background: COLOURS[score], borderColor: COLOURS[score] } : undefined}
          />
        ))}
      </div>
      <span aria-live="polite">{assessment ? `Strength: ${assessment.label}` : 'Strength: nothing typed yet'}</span>
    </div>
  );
}
