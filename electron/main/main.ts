/**
 * Electron main: a thin shell. It hardens the session, serves the renderer from app://, opens the audit
 * history with a key kept by the OS (safeStorage), runs the plugin host and the extraction in utility
 * processes, and connects the API handler table to the window over IPC.
 */
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { distPath, packageRoot, packageVersion } from '../services/app-paths.js';
import { defaultDataDir } from '../services/audit/data-dir.js';
import { applyPendingCopy, BOOTSTRAP_FILE_NAME, dataFolderPort, startupDataDir } from '../services/settings/data-folder.js';
import { SafeStorageKeyProvider } from '../services/keys/electron-key-provider.js';
import { openAppServices, type AppServices } from '../services/api/app-services.js';
import { APP_INDEX_URL } from './app-path.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { electronDialogs } from './dialogs.js';
import { bindIpc } from './ipc.js';
import { hardenSession, hardenWebContents, secureWebPreferences } from './security.js';
import { launchUtility } from './utility-process-launcher.js';

const log = (message: string): void => { process.stderr.write(`${message}\n`); };

app.enableSandbox();
registerAppScheme();
app.commandLine.appendSwitch('disable-features', 'HardwareMediaKeyHandling,MediaSessionService');

let mainWindow: BrowserWindow | undefined;
let services: AppServices | undefined;
let unbind: (() => void) | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  app.whenReady().then(start).catch((err: unknown) => {
    log(`sigilo: failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    const detail = err instanceof Error && 'userMessage' in err && typeof err.userMessage === 'string' ? err.userMessage : (err instanceof Error ? err.message : String(err));
    dialog.showErrorBox('O Sigilo não pôde ser iniciado', `${detail}\n\nVerifique se a pasta de dados está acessível e tente de novo.`);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !services) return;
    // close the audit database and the isolated processes before exiting
    event.preventDefault();
    closing = true;
    unbind?.();
    void services.close().finally(() => app.exit(0));
  });
}

async function start(): Promise<void> {
  // the chosen data folder is kept in a bootstrap file outside it, in the app-data folder (Electron's userData
  // for product "Sigilo"), where the command line reads it too; SIGILO_DATA_DIR overrides it
  const bootstrapFile = path.join(defaultDataDir(), BOOTSTRAP_FILE_NAME);
  const explicit = process.env.SIGILO_DATA_DIR || undefined;
  let dataDir = startupDataDir({ explicit, bootstrapFile, defaultDir: defaultDataDir() });
  if (!explicit && dataDir !== defaultDataDir() && !existsSync(dataDir) && !existsSync(path.dirname(dataDir))) {
    // the chosen folder's place is gone (a disk or network share not connected): never create a stray history
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: 'Pasta de dados indisponível',
      message: `A pasta de dados escolhida não está acessível:\n${dataDir}`,
      detail: 'Conecte o disco ou a pasta de rede e abra o Sigilo de novo. Você também pode usar a pasta padrão só desta vez (o histórico dela é outro).',
      buttons: ['Sair', 'Usar a pasta padrão desta vez'],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice !== 1) { app.exit(1); return; }
    dataDir = defaultDataDir();
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!explicit) log(`sigilo: data folder ${dataDir} (copy of the previous folder: ${await applyPendingCopy(bootstrapFile, dataDir)})`);
  hardenSession(session.defaultSession);
  handleAppProtocol(distPath('renderer'));

  services = await openAppServices({
    dataDir,
    version: packageVersion(),
    platform: process.platform,
    keyProvider: new SafeStorageKeyProvider(safeStorage, dataDir),
    launcher: launchUtility,
    dialogs: electronDialogs(() => mainWindow, () => app.getPath('documents')),
    dataFolder: dataFolderPort({ bootstrapFile, current: dataDir, defaultDir: defaultDataDir(), locked: explicit !== undefined }),
    log,
  });
  unbind = bindIpc(services.table, () => mainWindow);
  createWindow();
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(); });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Sigilo',
    backgroundColor: '#f5f7f8',
    icon: path.join(packageRoot(), 'resources', 'icons', '512x512.png'),
    webPreferences: secureWebPreferences(distPath('preload', 'preload.cjs')),
  });
  mainWindow.removeMenu();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => { mainWindow = undefined; });
  void mainWindow.loadURL(APP_INDEX_URL);
}
