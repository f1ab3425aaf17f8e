/**
 * The preload of the (sandboxed, context-isolated) renderer: exposes window.sigilo — one function per API
 * method, forwarding to main over a single IPC channel, plus progress events and the path of dropped files.
 * No logic here: every argument is validated in main. Imports nothing but electron and the method list.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_EVENTS, API_METHODS, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/api-methods.js';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

class ApiCallError extends Error {
  code: string;
  constructor(error: { code: string; message: string }) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
  }
}

async function invoke(method: string, args: unknown): Promise<unknown> {
  const envelope = (await ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args)) as Envelope;
  if (!envelope || envelope.ok !== true) {
    const error = envelope && envelope.ok === false ? envelope.error : { code: 'INTERNAL', message: 'Erro interno inesperado.' };
    // contextBridge copies only the message of an Error; the code travels in it as a prefix-free property
    throw new ApiCallError(error);
  }
  return envelope.value;
}

const api: Record<string, unknown> = {};
for (const method of API_METHODS) api[method] = (args?: unknown) => invoke(method, args);

api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!(API_EVENTS as readonly string[]).includes(event) || typeof listener !== 'function') return () => {};
  const wrapped = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => { if (name === event) listener(payload); };
  ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
  return () => { ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped); };
};

api.pathForFile = (file: File): string | undefined => {
  try {
    const p = webUtils.getPathForFile(file);
    return p || undefined;
  } catch {
    return undefined;
  }
};

contextBridge.exposeInMainWorld('sigilo', api);
