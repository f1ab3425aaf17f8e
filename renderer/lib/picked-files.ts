/**
 * Turns dropped or picked files into analysis inputs: a path when the bridge can give one (Electron),
 * otherwise the file's bytes. Dropped folders without a path are walked with the File System Entry API.
 */
import type { SigiloApi, Upload } from '../../electron/shared/api.js';

export interface PickedFiles { paths: string[]; uploads: Upload[] }

const MAX_FOLDER_FILES = 1000;

async function toUpload(file: File): Promise<Upload> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(dir: FileSystemDirectoryEntry, out: File[]): Promise<void> {
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const entry of batch) {
      if (out.length >= MAX_FOLDER_FILES || entry.name.startsWith('.')) continue;
      if (entry.isFile) out.push(await fileOf(entry as FileSystemFileEntry));
      else if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, out);
    }
  }
}

/** Must be called synchronously from the drop handler (DataTransfer items expire after it returns). */
export function fromDataTransfer(dt: DataTransfer, api: SigiloApi): Promise<PickedFiles> {
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
  const captured = items.length > 0
    ? items.map((item) => ({ file: item.getAsFile(), entry: typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null }))
    : Array.from(dt.files).map((file) => ({ file, entry: null }));
  return (async () => {
    const picked: PickedFiles = { paths: [], uploads: [] };
    for (const { file, entry } of captured) {
      const p = file ? api.pathForFile(file) : undefined;
      if (p) { picked.paths.push(p); continue; }
      if (entry?.isDirectory) {
        const files: File[] = [];
        await walk(entry as FileSystemDirectoryEntry, files);
        for (const f of files) picked.uploads.push(await toUpload(f));
      } else if (file) {
        picked.uploads.push(await toUpload(file));
      }
    }
    return picked;
  })();
}

export async function fromFileList(list: FileList | null, api: SigiloApi): Promise<PickedFiles> {
  const picked: PickedFiles = { paths: [], uploads: [] };
  for (const file of Array.from(list ?? [])) {
    const p = api.pathForFile(file);
    if (p) picked.paths.push(p);
    else picked.uploads.push(await toUpload(file));
  }
  return picked;
}
