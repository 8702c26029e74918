// The API catalog for pages: the popup's searchable action picker and its generated parameter form (the core's
// action form views). The catalog (≈270 KB of JSON) stays in the service worker's bundle so the popup stays small
// and opens fast.
import { actionSummary, describeActionForm, listActions as catalogActions } from '@iot-devkit/core';
import type { ActionSummary, Handlers } from '../protocol.js';

let summaries: ActionSummary[] | undefined;

export const listActions: Handlers['listActions'] = async () => (summaries ??= catalogActions().map(actionSummary));

export const describeAction: Handlers['describeAction'] = async ({ service, action }) => describeActionForm(service, action) ?? null;
