/** The least we accept: long enough to resist guessing even if the key file is copied. */
export const MIN_PASSPHRASE_LENGTH = 10;
/** zxcvbn scores run 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSPHRASE_SCORE = 3;
export const MAX_PASSPHRASE_LENGTH = 1024;
