import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * A plain menu with Lock now on Ctrl/Cmd+L: the quickest way out when someone walks in. Developer
 * tools are offered only when running from source (`npm start`), never in the packaged app.
 */
export function installMenu(onLock: () => void, { developer }: { developer: boolean }): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Holding',
      submenu: [
        { label: 'Lock now', accelerator: 'CmdOrCtrl+L', click: onLock },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit Holding' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(developer ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
