import type { HostToWebviewMessage, RequestMethod, RequestParams, RequestResult, ToWebviewNotifications } from '../protocol.js';

const vscode = acquireVsCodeApi();
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
const listeners = new Map<keyof ToWebviewNotifications, ((params: never) => void)[]>();

window.addEventListener('message', (event: MessageEvent<HostToWebviewMessage>) => {
  const message = event.data;
  if (message.type === 'response') {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new Error(message.error));
  } else if (message.type === 'notification') {
    for (const listener of listeners.get(message.method) ?? []) (listener as (params: unknown) => void)(message.params);
  }
});

/** One typed request to the extension host; resolves with that method's result type. */
export function request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    vscode.postMessage({ type: 'request', id, method, params });
  });
}

export function onNotification<N extends keyof ToWebviewNotifications>(method: N, listener: (params: ToWebviewNotifications[N]) => void): void {
  listeners.set(method, [...(listeners.get(method) ?? []), listener as (params: never) => void]);
}

/** Form drafts survive the view being hidden (VS Code keeps them across restarts): they never hold a secret. */
export function saveDraft(key: string, value: unknown): void {
  const state = (vscode.getState() ?? {}) as Record<string, unknown>;
  vscode.setState({ ...state, [key]: value });
}

const latestSave = new Map<string, number>();

/**
 * Saves a draft with each of the named text fields that holds or names a secret (a pasted Authorization header, a
 * body or params with DefinedPsk) left empty: the host reads them with the core's secret policy. Those fields stay in
 * the page's memory only. Saves of one draft apply in order, the last one wins.
 */
export function saveDraftWithoutSecrets<T extends object>(key: string, draft: T, textFields: readonly (keyof T & string)[]): void {
  const ticket = (latestSave.get(key) ?? 0) + 1;
  latestSave.set(key, ticket);
  const fields = Object.fromEntries(textFields.map((name) => [name, String(draft[name] ?? '')]));
  void request('draftSecrets', { fields }).then((secret) => {
    if (latestSave.get(key) === ticket) saveDraft(key, { ...draft, ...Object.fromEntries(secret.map((name) => [name, ''])) });
  });
}

export function loadDraft<T>(key: string): T | undefined {
  const state = (vscode.getState() ?? {}) as Record<string, unknown>;
  return state[key] as T | undefined;
}
