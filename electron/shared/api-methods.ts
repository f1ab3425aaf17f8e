/**
 * The names of the methods and events of the renderer API (window.sigilo). Dependency-free on purpose:
 * the sandboxed preload imports this file and may not load node_modules.
 */
export const API_METHODS = [
  'appInfo',
  'chooseFiles',
  'analysisStart',
  'analysisCancel',
  'analysisStatus',
  'resultsList',
  'reportGet',
  'findingSetDecision',
  'pluginsList',
  'pluginSetEnabled',
  'historyList',
  'historyStats',
  'historyVerify',
  'settingsGet',
  'settingsSet',
  'exportForm',
  'exportRedacted',
  'revealPath',
  'exportBatch',
  'exportCancel',
  'pluginInspect',
  'pluginInstall',
  'pluginRollback',
  'pluginRemove',
  'pluginGrant',
  'pluginDevMode',
  'pluginSettings',
  'trustList',
  'trustAdd',
  'trustRemove',
  'dataDirChoose',
  'dataDirSet',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

export const API_EVENTS = ['analysisProgress', 'exportProgress'] as const;
export type ApiEvent = (typeof API_EVENTS)[number];

/** IPC channel names (Electron transport). */
export const IPC_INVOKE_CHANNEL = 'sigilo:invoke';
export const IPC_EVENT_CHANNEL = 'sigilo:event';

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && (API_METHODS as readonly string[]).includes(value);
}
