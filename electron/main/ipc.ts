/**
 * The Electron transport of the renderer API: one invoke channel into HandlerTable.invoke and one event
 * channel out. Only the app's own frame (app://sigilo) may call. No logic of its own.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { HandlerTable } from '../services/api/handlers.js';
import { API_EVENTS, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/api-methods.js';
import { APP_ORIGIN } from './app-path.js';

function fromApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

export function bindIpc(table: HandlerTable, window: () => BrowserWindow | undefined): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!fromApp(event)) return { ok: false, error: { code: 'NOT_ALLOWED', message: 'Operação não permitida.' } };
    return table.invoke(method, args);
  });
  const forwarders = API_EVENTS.map((name) => {
    const forward = (payload: unknown): void => {
      const w = window();
      if (w && !w.isDestroyed()) w.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    };
    table.events.on(name, forward);
    return { name, forward };
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    for (const { name, forward } of forwarders) table.events.off(name, forward);
  };
}
