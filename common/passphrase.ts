import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

import { MIN_PASSPHRASE_LENGTH, MIN_PASSPHRASE_SCORE } from './limits';

export { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH, MIN_PASSPHRASE_SCORE } from './limits';

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  // Built on first use: the dictionaries are large and most screens never need them.
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, holding: ['holding', 'supervision', 'journal'] },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

export type StrengthLabel = 'too short' | 'weak' | 'fair' | 'good' | 'strong';

export interface PassphraseAssessment {
  acceptable: boolean;
  /** 0–4, for the meter. */
  score: number;
  label: StrengthLabel;
  /** One plain sentence to help, or empty when all is well. */
  hint: string;
}

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    return {
      acceptable: false,
      score: 0,
      label: 'too short',
      hint: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`,
    };
  }
  // zxcvbn gets slow on very long input and gains nothing past this point.
  const result = estimator().check(passphrase.slice(0, 100));
  const score = result.score;
  const label: StrengthLabel = score <= 1 ? 'weak' : score === 2 ? 'fair' : score === 3 ? 'good' : 'strong';
  const acceptable = score >= MIN_PASSPHRASE_SCORE;
  return {
    acceptable,
    score,
    label,
    hint: acceptable
      ? ''
      : 'This would be quick to guess. Try adding another word or two that only you would put together.',
  };
}
