import * as vscode from 'vscode';

/** The toolkit's collection for the emulator's demo data (cli/examples, copied into the package by build.mjs). */
export const EXAMPLE_FILES = { collection: 'emulator.http', environments: 'iot-devkit.environments.json' } as const;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * IoT Devkit: Open Example Collection. Writes the example `.http` file and its environments file into the workspace
 * folder the user picks (a file already there is kept, not overwritten) and opens the collection; without a folder,
 * opens both as untitled documents.
 */
export async function openExampleCollection(extensionUri: vscode.Uri): Promise<void> {
  const source = (name: string) => vscode.Uri.joinPath(extensionUri, 'dist', 'examples', name);
  const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(source(name)));
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder =
    folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder to put the example collection in') }) : folders[0];
  if (folders.length > 1 && !folder) return;
  if (!folder) {
    const environments = await vscode.workspace.openTextDocument({ language: 'json', content: await read(EXAMPLE_FILES.environments) });
    await vscode.window.showTextDocument(environments, { preview: false });
    const collection = await vscode.workspace.openTextDocument({ language: 'http', content: await read(EXAMPLE_FILES.collection) });
    await vscode.window.showTextDocument(collection, { preview: false });
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No folder is open: the example collection opened untitled. Save both files in one folder, the environments file as {0}.',
        EXAMPLE_FILES.environments,
      ),
    );
    return;
  }
  const kept: string[] = [];
  for (const name of Object.values(EXAMPLE_FILES)) {
    const target = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(target)) kept.push(name);
    else await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(source(name)));
  }
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, EXAMPLE_FILES.collection), { preview: false });
  if (kept.length > 0) void vscode.window.showInformationMessage(vscode.l10n.t('Kept the existing {0} in {1}.', kept.join(', '), folder.name));
}
