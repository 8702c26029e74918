// Wiring only: builds the services once and registers every command, view and provider. Behaviour lives in
// commands/* (one module per command) and host/*; ids live in constants.ts.
import * as vscode from 'vscode';
import { SigningKeyCache } from '@iot-devkit/core';
import { addProfile } from './commands/addProfile.js';
import { compareShadowWithLatest } from './commands/compareShadowWithLatest.js';
import { deleteProfile } from './commands/deleteProfile.js';
import { discardShadowEdit } from './commands/discardShadowEdit.js';
import { openDeviceShadow } from './commands/openDeviceShadow.js';
import { pushShadow } from './commands/pushShadow.js';
import { reapplyShadowEdit } from './commands/reapplyShadowEdit.js';
import { refreshResources } from './commands/refreshResources.js';
import { showDecodedSql } from './commands/showDecodedSql.js';
import { showShadowDelta } from './commands/showShadowDelta.js';
import { switchProfile } from './commands/switchProfile.js';
import { COMMANDS, SCHEMES, VIEWS } from './constants.js';
import { fetchTransport } from './host/api/fetchTransport.js';
import { TencentApiClient } from './host/api/TencentApiClient.js';
import { RequestHistory } from './host/history/RequestHistory.js';
import { ProfileStore } from './host/profiles/ProfileStore.js';
import type { Services } from './host/Services.js';
import { ShadowConflicts } from './host/shadow/ShadowConflicts.js';
import { ShadowDeltaProvider } from './host/shadow/ShadowDeltaProvider.js';
import { ShadowDrafts } from './host/shadow/ShadowDrafts.js';
import { ShadowFileSystem } from './host/shadow/ShadowFileSystem.js';
import { ShadowPushStatus } from './host/shadow/ShadowPushStatus.js';
import { ShadowService } from './host/shadow/ShadowService.js';
import { parseShadowPath } from './host/shadow/shadowUri.js';
import { SidebarViewProvider } from './host/sidebar/SidebarViewProvider.js';
import { SQL_DOCUMENTS, SqlLensProvider } from './host/sql/SqlLensProvider.js';
import { ruleSqlDiagnostics } from './host/sql/ruleSqlDiagnostics.js';
import { ResourceTreeProvider, type ResourceNode } from './host/tree/ResourceTreeProvider.js';
import type { TreeActionDeps } from './host/devices/TreeActionDeps.js';
import { loadLazy } from './host/loadLazy.js';
import { whenHttpOpens } from './host/httpEdit/whenHttpOpens.js';

type TreeActions = typeof import('./lazy/treeActions.js');
type VirtualDeviceBundle = typeof import('./lazy/virtualDevice.js');
type HttpFilesBundle = typeof import('./lazy/httpFiles.js');
type HttpFileCommand = 'send' | 'signingSteps' | 'copyAsCurl' | 'diagnose';
type HttpEditBundle = typeof import('./lazy/httpEdit.js');

export function activate(context: vscode.ExtensionContext): void {
  const keyCache = new SigningKeyCache();
  const profiles = new ProfileStore(context.secrets, keyCache);
  const api = new TencentApiClient(profiles, fetchTransport, undefined, keyCache);
  const shadows = new ShadowService(api);
  const conflicts = new ShadowConflicts();
  const delta = new ShadowDeltaProvider(shadows);
  const shadowFs = new ShadowFileSystem(shadows, new ShadowDrafts(context.workspaceState), {
    conflict: (uri, conflict) => void conflicts.show(uri, conflict),
    pendingConflict: (uri) => conflicts.get(uri)?.latest,
    pushed: (uri) => {
      void conflicts.resolve(uri);
      const address = parseShadowPath(uri.path);
      if (address.ok) delta.refresh(address.address);
    },
  });
  const pushStatus = new ShadowPushStatus(shadowFs, conflicts);
  const history = new RequestHistory(context.globalState);
  const services: Services = { context, profiles, api, shadows, shadowFs, conflicts, delta, history, keyCache };
  const tree = new ResourceTreeProvider(profiles, api);
  const treeView = vscode.window.createTreeView(VIEWS.resources, { treeDataProvider: tree });
  // The tree's actions and the virtual device (MQTT.js) are lazy bundles: nothing of them loads until first used.
  const treeDeps: TreeActionDeps = {
    ...services,
    tree,
    treeView,
    virtualDevices: () => loadLazy<VirtualDeviceBundle>('virtualDevice').virtualDevices(services, tree),
  };
  const treeAction = (name: keyof TreeActions) => (node?: ResourceNode) => loadLazy<TreeActions>('treeActions')[name](treeDeps)(node);
  // .http files (lazy bundle httpFiles): the lenses, the response tabs' provider and the commands only load it.
  const httpHooks = { lensesChanged: new vscode.EventEmitter<void>(), viewChanged: new vscode.EventEmitter<vscode.Uri>() };
  const httpFiles = () => loadLazy<HttpFilesBundle>('httpFiles').httpFiles(services, httpHooks);
  const httpCommand = (name: HttpFileCommand) => (uri: unknown, key: unknown) => httpFiles()[name](uri, key);
  const sidebar = new SidebarViewProvider(services);
  const sqlLens = new SqlLensProvider();
  // .http completion and diagnostics: a lazy bundle, loaded with the first http document.
  const httpEdit = () => loadLazy<HttpEditBundle>('httpEdit');

  context.subscriptions.push(
    profiles,
    conflicts,
    shadowFs,
    pushStatus,
    delta,
    tree,
    treeView,
    sidebar,
    vscode.workspace.registerFileSystemProvider(SCHEMES.shadow, shadowFs, { isCaseSensitive: true }),
    vscode.workspace.onWillSaveTextDocument((event) => shadowFs.willSave(event.document.uri, event.reason)),
    vscode.workspace.registerTextDocumentContentProvider(SCHEMES.shadowLatest, conflicts),
    vscode.workspace.registerTextDocumentContentProvider(SCHEMES.shadowYours, conflicts),
    vscode.languages.registerCodeLensProvider({ scheme: SCHEMES.shadow }, pushStatus),
    vscode.workspace.registerTextDocumentContentProvider(SCHEMES.shadowDelta, delta),
    vscode.window.registerWebviewViewProvider(VIEWS.sidebar, sidebar),
    vscode.languages.registerHoverProvider(SQL_DOCUMENTS, sqlLens),
    vscode.languages.registerCodeLensProvider(SQL_DOCUMENTS, sqlLens),
    ruleSqlDiagnostics(),
    httpHooks.lensesChanged,
    httpHooks.viewChanged,
    vscode.languages.registerCodeLensProvider(
      { language: 'http' },
      { onDidChangeCodeLenses: httpHooks.lensesChanged.event, provideCodeLenses: (document) => httpFiles().provideCodeLenses(document) },
    ),
    vscode.workspace.registerTextDocumentContentProvider(SCHEMES.httpView, {
      onDidChange: httpHooks.viewChanged.event,
      provideTextDocumentContent: (uri) => httpFiles().views.provideTextDocumentContent(uri),
    }),
    whenHttpOpens(() => httpEdit().startHttpEditing(vscode.env.language.toLowerCase().startsWith('zh'))),
    vscode.commands.registerCommand(COMMANDS.addProfile, addProfile(services)),
    vscode.commands.registerCommand(COMMANDS.switchProfile, switchProfile(services)),
    vscode.commands.registerCommand(COMMANDS.deleteProfile, deleteProfile(services)),
    vscode.commands.registerCommand(COMMANDS.openDeviceShadow, openDeviceShadow(services)),
    vscode.commands.registerCommand(COMMANDS.showShadowDelta, showShadowDelta(services)),
    vscode.commands.registerCommand(COMMANDS.reapplyShadowEdit, reapplyShadowEdit(services)),
    vscode.commands.registerCommand(COMMANDS.pushShadow, pushShadow(services)),
    vscode.commands.registerCommand(COMMANDS.compareShadowWithLatest, compareShadowWithLatest(services)),
    vscode.commands.registerCommand(COMMANDS.discardShadowEdit, discardShadowEdit(services)),
    vscode.commands.registerCommand(COMMANDS.refreshResources, refreshResources(tree)),
    vscode.commands.registerCommand(COMMANDS.showDecodedSql, showDecodedSql(services)),
    vscode.commands.registerCommand(COMMANDS.createDevice, treeAction('createDevice')),
    vscode.commands.registerCommand(COMMANDS.deleteDevice, treeAction('deleteDevice')),
    vscode.commands.registerCommand(COMMANDS.copyMqttCredentials, treeAction('copyMqttCredentials')),
    vscode.commands.registerCommand(COMMANDS.connectVirtualDevice, treeAction('connectVirtualDevice')),
    vscode.commands.registerCommand(COMMANDS.disconnectVirtualDevice, treeAction('disconnectVirtualDevice')),
    vscode.commands.registerCommand(COMMANDS.monitorDeviceMessages, treeAction('monitorDeviceMessages')),
    vscode.commands.registerCommand(COMMANDS.publishDeviceMessage, treeAction('publishDeviceMessage')),
    vscode.commands.registerCommand(COMMANDS.enableTopicRule, treeAction('enableTopicRule')),
    vscode.commands.registerCommand(COMMANDS.disableTopicRule, treeAction('disableTopicRule')),
    vscode.commands.registerCommand(COMMANDS.deleteTopicRule, treeAction('deleteTopicRule')),
    vscode.commands.registerCommand(COMMANDS.httpSend, httpCommand('send')),
    vscode.commands.registerCommand(COMMANDS.httpSigningSteps, httpCommand('signingSteps')),
    vscode.commands.registerCommand(COMMANDS.httpCopyAsCurl, httpCommand('copyAsCurl')),
    vscode.commands.registerCommand(COMMANDS.httpDiagnose, httpCommand('diagnose')),
    vscode.commands.registerCommand(COMMANDS.selectHttpEnvironment, () => httpFiles().selectEnvironment()),
    vscode.commands.registerCommand(COMMANDS.forgetStoredEnvironmentValues, () => httpFiles().forgetStoredEnvironmentValues()),
    vscode.commands.registerCommand(COMMANDS.openExampleCollection, () => httpEdit().openExampleCollection(context.extensionUri)),
  );
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
