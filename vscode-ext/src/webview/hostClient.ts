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

/** Form drafts survive the view being hidden; they never hold secrets (the host keeps every key). */
export function saveDraft(key: string, value: unknown): void {
  const state = (vscode.getState() ?? {}) as Record<string, unknown>;
  vscode.setState({ ...state, [key]: value });
}

export function loadDraft<T>(key: string): T | undefined {
  const state = (vscode.getState() ?? {}) as Record<string, unknown>;
  return state[key] as T | undefined;
}
