/** How long a copied recovery key may stay on the clipboard. */
export const CLEAR_CLIPBOARD_AFTER_MS = 60_000;

/**
 * Clears the clipboard if it still holds `text`. Chromium lets a page read the clipboard only while it has
 * the focus, so when it has not (the person is pasting the key into a password manager), it waits for the
 * window to be in front again and tries then, until it has cleared it or the clipboard holds something else.
 * Anything the person copied since is left alone; a clipboard that cannot be read is never cleared blind.
 */
function clearIfStill(text: string): void {
  const attempt = () =>
    navigator.clipboard
      .readText()
      .then(async (now) => {
        if (now === text) await navigator.clipboard.writeText('');
        return true;
      })
      .catch(() => false);
  void attempt().then((done) => {
    if (done) return;
    const onFocus = () => {
      void attempt().then((cleared) => {
        if (cleared) window.removeEventListener('focus', onFocus);
      });
    };
    window.addEventListener('focus', onFocus);
  });
}

/**
 * Copies a secret, and a minute later clears the clipboard if it still holds that secret (issue 19: the
 * recovery key stayed there indefinitely, for any program to read). The timer is the module's, not a
 * component's, so it still runs after the recovery key's screen has gone.
 */
export async function copySecret(text: string, clearAfterMs = CLEAR_CLIPBOARD_AFTER_MS): Promise<void> {
  await navigator.clipboard.writeText(text);
  window.setTimeout(() => clearIfStill(text), clearAfterMs);
}
