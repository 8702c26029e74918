import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID, SCHEMES } from '../../src/constants.js';

const SQL = "SELECT temperature FROM 'ABCDE12345/+/event' WHERE temperature > 30";
const base64 = Buffer.from(SQL, 'utf8').toString('base64');

async function activated(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  if (!extension.isActive) await vscode.commands.executeCommand(COMMANDS.refreshResources);
  assert.ok(extension.isActive, 'a command of the extension activated it');
  return extension;
}

/** The checks of the desktop suite: what can be proved without typing into VS Code's input boxes. */
export const checks: readonly (readonly [string, () => Promise<void>])[] = [
  [
    'activates lazily on a command and registers every contributed command',
    async () => {
      await activated();
      const registered = new Set(await vscode.commands.getCommands(true));
      for (const id of Object.values(COMMANDS)) assert.ok(registered.has(id), `${id} is registered`);
    },
  ],
  [
    'shows the decoded SQL of "Sql": "<base64>" as CodeLens and hover',
    async () => {
      await activated();
      const document = await vscode.workspace.openTextDocument({ language: 'json', content: `{"TopicRulePayload": {"Sql": "${base64}", "Actions": "[]"}}` });
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      assert.ok(
        lenses.some((lens) => lens.command?.title.includes('SELECT temperature')),
        JSON.stringify(lenses.map((l) => l.command?.title)),
      );
      const position = document.positionAt(document.getText().indexOf(base64) + 4);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.ok(text.includes(SQL), text);
    },
  ],
  [
    'opening a shadow without a profile fails with what to run, and writes nothing',
    async () => {
      await activated();
      const uri = vscode.Uri.from({ scheme: SCHEMES.shadow, path: '/ABCDE12345/dev1.json' });
      await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(uri)), /Add Profile/);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.delete(uri)), /can only be opened, edited and pushed/);
    },
  ],
  [
    'settings never hold a SecretKey',
    async () => {
      await activated();
      const profiles = vscode.workspace.getConfiguration('iotDevkit').inspect('profiles');
      assert.ok(!JSON.stringify(profiles ?? {}).includes('secretKey'));
    },
  ],
];
