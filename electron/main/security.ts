/**
 * Electron's security checklist, applied in one place: the window's web preferences, a session that grants
 * no permission and reaches nothing but app://, and web contents that cannot navigate or open windows.
 */
import { app, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './app-path.js';

export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    disableDialogs: false,
    enableWebSQL: false,
    devTools: !app.isPackaged || process.env.SIGILO_TEST_BUILD === '1',
  };
}

/** True for URLs the renderer may load: app://sigilo/… and devtools (unpackaged only). */
export function isAllowedRequestUrl(url: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`) || url === APP_ORIGIN) return true;
  if (!app.isPackaged && url.startsWith('devtools://')) return true;
  return false;
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  session.on('will-download', (event) => event.preventDefault());
  // nothing is ever fetched from the network; make sure no proxy/PAC lookups happen either
  void session.setProxy({ mode: 'direct' });
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => { if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault(); });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window opens, inside the app or in the user's browser: a URL handed to the browser could carry data
  // out of the machine.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export { APP_SCHEME };
