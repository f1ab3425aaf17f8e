/** The bridge to main: window.sigilo (Electron preload, or the test harness's stand-in). */
import type { SigiloApi } from '../../electron/shared/api.js';

declare global {
  interface Window { sigilo?: SigiloApi }
}

export function getApi(): SigiloApi | undefined {
  return window.sigilo;
}

/** The message of anything thrown by an API call (the bridge already gives Portuguese messages). */
export function errorMessage(err: unknown, fallback: string): string {
  if (err instanceof Error && err.message) return err.message;
  return fallback;
}
