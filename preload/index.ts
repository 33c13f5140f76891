import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

// Sandboxed preload: bundled to one CommonJS file, it may only require 'electron'.
contextBridge.exposeInMainWorld(
  'holding',
  buildBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (event, listener) => {
      const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, handler);
      return () => {
        ipcRenderer.removeListener(event, handler);
      };
    },
  }),
);
