/**
 * The web preferences of every Holding window, as plain data so a unit test can hold them to
 * the security requirements without Electron. main/shell/window.ts passes them unchanged.
 */
export function secureWebPreferences(preloadPath: string, devTools: boolean) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // The spell-checker downloads dictionaries from the internet; nothing may leave the machine.
    spellcheck: false,
    devTools,
  } as const;
}
