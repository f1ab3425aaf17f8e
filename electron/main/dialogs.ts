/** The DialogsPort of the app: Electron's native open/save dialogs and "show in folder". */
import { dialog, shell, type BrowserWindow } from 'electron';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DialogsPort } from '../services/api/deps.js';

const DOCUMENTS = { name: 'Documentos', extensions: ['pdf', 'docx', 'odt', 'txt', 'md', 'csv', 'html', 'htm', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp'] };

export function electronDialogs(window: () => BrowserWindow | undefined, defaultDir: () => string): DialogsPort {
  return {
    native: true,
    async openPaths({ folders }) {
      const w = window();
      const options: Electron.OpenDialogOptions = folders
        ? { title: 'Escolher pasta para analisar', properties: ['openDirectory', 'multiSelections'] }
        : { title: 'Escolher arquivos para analisar', properties: ['openFile', 'multiSelections'], filters: [DOCUMENTS, { name: 'Todos os arquivos', extensions: ['*'] }] };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async savePath(defaultName) {
      const w = window();
      const options: Electron.SaveDialogOptions = { title: 'Salvar', defaultPath: path.join(defaultDir(), defaultName), properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async reveal(target) {
      // a folder (batch export) is opened; a file is shown selected in its folder
      const isFolder = await stat(target).then((s) => s.isDirectory(), () => false);
      if (isFolder) return (await shell.openPath(target)) === '';
      shell.showItemInFolder(target);
      return true;
    },
    async chooseFolder(purpose) {
      const w = window();
      const options: Electron.OpenDialogOptions = purpose === 'plugin'
        ? { title: 'Escolher a pasta do plugin', properties: ['openDirectory'] }
        : purpose === 'dataDir'
        ? { title: 'Escolher a nova pasta de dados do Sigilo', buttonLabel: 'Usar esta pasta', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] }
        : { title: 'Escolher a pasta onde salvar as exportações do lote', buttonLabel: 'Salvar aqui', defaultPath: defaultDir(), properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
    async choosePluginFile() {
      const w = window();
      const options: Electron.OpenDialogOptions = { title: 'Escolher o arquivo do plugin', properties: ['openFile'], filters: [{ name: 'Plugin do Sigilo', extensions: ['sigilo-plugin'] }] };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
  };
}
