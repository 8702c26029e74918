import { EXPORT_FORMATS } from '@iot-devkit/core';
import * as vscode from 'vscode';
import { IOTCLOUD } from '../../constants.js';
import { loadLazy } from '../loadLazy.js';
import type { Services } from '../Services.js';
import { captureHandlers } from './captureHandlers.js';
import { catalogHandlers } from './catalogHandlers.js';
import { createApiSender } from './createApiSender.js';
import { credentialHandlers, credentialSchemeViews } from './credentialHandlers.js';
import { draftHandlers } from './draftHandlers.js';
import { errorHandlers } from './errorHandlers.js';
import { OneTimeSecrets } from './OneTimeSecrets.js';
import { SentRequests } from './SentRequests.js';
import { text, type RequestHandlers } from './RequestHandlers.js';
import { ruleSqlHandlers } from './ruleSqlHandlers.js';
import { sendHandlers } from './sendHandlers.js';
import { signHandlers } from './signHandlers.js';

export interface SidebarEvents {
  historyChanged(): void;
  runCommand(command: 'addProfile' | 'switchProfile' | 'openDeviceShadow'): void;
}

const RUNNABLE = new Set(['addProfile', 'switchProfile', 'openDeviceShadow']);

// Only a first run needs it: not part of the activation bundle.
const firstRun = () => loadLazy<typeof import('../../lazy/firstRun.js')>('firstRun');
// Save as .http formats and opens the request in the .http editing bundle.
const httpEdit = () => loadLazy<typeof import('../../lazy/httpEdit.js')>('httpEdit');

/** The whole handler map: each tab's handlers, plus the few that belong to the page itself. */
export function createSidebarHandlers(services: Services, zh: boolean, events: SidebarEvents): RequestHandlers {
  const { profiles, api, history, keyCache } = services;
  const oneTime = new OneTimeSecrets();
  const sentRequests = new SentRequests();
  const send = createApiSender(api, history, zh, events.historyChanged, oneTime, sentRequests);
  return {
    async ready() {
      const profile = await profiles.view();
      return {
        ...(profile ? { profile } : {}),
        history: history.views(),
        now: Math.floor(Date.now() / 1000),
        exportFormats: EXPORT_FORMATS,
        credentialSchemes: credentialSchemeViews(zh),
      };
    },
    ...signHandlers(profiles, zh, keyCache),
    ...credentialHandlers(zh),
    ...captureHandlers(profiles, zh, sentRequests),
    ...catalogHandlers(zh),
    ...sendHandlers(api, history, send),
    ...errorHandlers(zh),
    ...draftHandlers(),
    ...ruleSqlHandlers(
      (ruleName, payload, replace) =>
        send({ ...IOTCLOUD, action: replace ? 'ReplaceTopicRule' : 'CreateTopicRule', params: { RuleName: ruleName, TopicRulePayload: payload } }),
      zh,
    ),
    async copy({ text: value }) {
      await vscode.env.clipboard.writeText(text(value));
      return true as const;
    },
    async copyOneTimeSecret({ historyId, path }) {
      const value = oneTime.valueOf(text(historyId), text(path));
      if (value === undefined)
        return { ok: false, message: vscode.l10n.t("That secret is no longer held: a response's secrets are offered once, until the next send.") };
      await vscode.env.clipboard.writeText(value);
      return { ok: true } as const;
    },
    firstRun: () => firstRun().firstRunView(zh),
    useLocalEmulator: () => firstRun().useLocalEmulator(profiles),
    saveAsHttp: (params) => httpEdit().saveAsHttpFrom(params, profiles, history),
    runCommand({ command }) {
      if (RUNNABLE.has(command)) events.runCommand(command);
      return true as const;
    },
  };
}
