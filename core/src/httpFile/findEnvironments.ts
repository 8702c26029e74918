// Where a collection's environments live, one rule for every host (the CLI reads the disk, VS Code its workspace
// file system): beside the `.http` file and then in each folder above it, `.vscode/iot-devkit.environments.json`
// before `iot-devkit.environments.json`; the first one found is the file's, read or not.
import { parseEnvironments, type EnvironmentsRead } from './parseEnvironments.js';

/** The names looked for in each folder, in this order. */
export const ENVIRONMENT_FILES = ['.vscode/iot-devkit.environments.json', 'iot-devkit.environments.json'] as const;
/** Folders walked up from the file's: enough for any workspace, and a bound on a deep or looping path. */
export const MAX_FOLDERS_UP = 32;

/** A file's text, or undefined when there is none at that path; any other failure is the host's to throw. */
export type ReadTextFile = (path: string) => Promise<string | undefined>;

/** The environments file found for a collection, as read (its problems when it is wrong). */
export type FoundEnvironments = { readonly path: string } & EnvironmentsRead;

const parentOf = (path: string): string | undefined => {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  return cut === 0 ? '/' : path.slice(0, cut);
};
const join = (folder: string, name: string) => (folder.endsWith('/') ? folder + name : `${folder}/${name}`);

/** The environments file of the collection at `file` (a path with "/" or "\" separators), or undefined when none. */
export async function findEnvironments(file: string, readFile: ReadTextFile): Promise<FoundEnvironments | undefined> {
  let folder = parentOf(file) ?? '.';
  for (let up = 0; up < MAX_FOLDERS_UP; up++) {
    for (const name of ENVIRONMENT_FILES) {
      const path = join(folder, name);
      const text = await readFile(path);
      if (text !== undefined) return { path, ...parseEnvironments(text, path) };
    }
    const parent = folder === '.' || folder === '/' ? undefined : (parentOf(folder) ?? '.');
    if (parent === undefined || parent === folder) return undefined;
    folder = parent;
  }
  return undefined;
}
