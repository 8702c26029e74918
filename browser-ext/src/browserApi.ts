// The one place that touches the browser's extension API, so Chrome/Firefox differences live in one file.
// webextension-polyfill gives Chrome the promise-returning `browser.*` namespace Firefox has natively.
import browser, { type Storage } from 'webextension-polyfill';
import type { StorageArea } from './shared/StorageArea.js';

export type { Runtime, Storage } from 'webextension-polyfill';

/** The stores' StorageArea over one of browser.storage's areas: the one place the stores reach the browser. */
const storageArea = (area: Storage.StorageArea): StorageArea => ({
  get: async (key) => (await area.get(key))[key],
  set: (key, value) => area.set({ [key]: value }),
  remove: (key) => area.remove(key),
});

/** Survives browser restarts: profiles, history, encrypted keys, non-secret drafts. */
export const localArea = storageArea(browser.storage.local);

/** Memory only, gone when the browser closes: unlocked SecretKeys and drafts of secret fields. */
export const sessionArea = storageArea(browser.storage.session);

export const runtime = browser.runtime;

export const i18n = browser.i18n;

export const openTab = (path: string) => browser.tabs.create({ url: browser.runtime.getURL(path) });

/** A request the inspected page made, in HAR form, with its response body. */
export interface HarRequest {
  readonly startedDateTime?: string;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: readonly { name: string; value: string }[];
    readonly postData?: { readonly text?: string };
  };
  readonly response: { readonly status: number };
  getContent(callback?: (content: string | null) => void): Promise<[string | null, string]> | undefined;
}

/**
 * A finished request's response body. Chrome's HAR entry takes a callback (content, encoding) — the polyfill
 * does not wrap objects handed to listeners — while Firefox returns a promise of [content, mimeType].
 */
export function readResponseBody(request: HarRequest): Promise<string> {
  return new Promise((resolve) => {
    const maybePromise = request.getContent((content) => resolve(content ?? ''));
    if (maybePromise && typeof maybePromise.then === 'function')
      maybePromise.then(
        ([content]) => resolve(content ?? ''),
        () => resolve(''),
      );
  });
}

/**
 * devtools.network, available to the DevTools page and its panels only. The polyfill types a finished request as
 * an opaque object; it is a HAR entry (Chrome and Firefox both document it so), hence the cast.
 */
export const devtools = {
  get available(): boolean {
    return typeof browser.devtools?.network !== 'undefined';
  },
  createPanel: (title: string, page: string) => browser.devtools.panels.create(title, 'icons/icon-32.png', page),
  get inspectedTabId(): number {
    return browser.devtools.inspectedWindow.tabId;
  },
  onRequestFinished(listener: (request: HarRequest) => void): void {
    browser.devtools.network.onRequestFinished.addListener(listener as unknown as Parameters<typeof browser.devtools.network.onRequestFinished.addListener>[0]);
  },
  onNavigated(listener: (url: string) => void): void {
    browser.devtools.network.onNavigated.addListener(listener);
  },
};
