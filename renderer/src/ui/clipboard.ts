/** How long a copied recovery key may stay on the clipboard. */
export const CLEAR_CLIPBOARD_AFTER_MS = 60_000;

/**
 * Copies a secret, and a minute later clears the clipboard if it still holds that secret (issue 19: the
 * recovery key stayed there indefinitely, for any program to read). Anything the person copied since is
 * left alone. The timer is the module's, not a component's, so it still runs after the recovery key's
 * screen has gone; if the clipboard cannot be read then, it is left as it is (never cleared blind).
 */
export async function copySecret(text: string, clearAfterMs = CLEAR_CLIPBOARD_AFTER_MS): Promise<void> {
  await navigator.clipboard.writeText(text);
  window.setTimeout(() => {
    void navigator.clipboard
      .readText()
      .then((now) => (now === text ? navigator.clipboard.writeText('') : undefined))
      .catch(() => undefined);
  }, clearAfterMs);
}
