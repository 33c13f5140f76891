/** The passphrases the tests, benchmarks and scripts make journals with. */
export const PASSPHRASE = 'quiet harbour lantern meadow';
export const NEW_PASSPHRASE = 'copper kettle under willow rain';
