import { ipcMain, type BrowserWindow } from 'electron';
import type { EventMap } from '../../common/ipc/contract';
import { CHANNELS, type EventName } from '../../common/ipc/names';
import type { Router } from '../ipc/router';

/** Binds every contract channel to the router, passing who sent it so the router can check. */
export function bindIpc(router: Router): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      router(channel, input, {
        url: event.senderFrame?.url ?? '',
        isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
      }),
    );
  }
}

export function sendEvent<E extends EventName>(win: BrowserWindow | null, event: E, payload: EventMap[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(event, payload);
}
