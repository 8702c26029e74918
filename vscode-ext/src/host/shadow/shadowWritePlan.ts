import { findJsonSyntaxProblem, type JsonSyntaxProblem } from './jsonSyntaxProblem.js';

/**
 * Why VS Code writes the shadow file, as `onWillSaveTextDocument` reported it (TextDocumentSaveReason Manual,
 * AfterDelay, FocusOut), or undefined when no save participant ran (e.g. "Save without Formatting").
 */
export type ShadowSaveReason = 'manual' | 'afterDelay' | 'focusOut';

/** What one write of iot-shadow:/… does. Only `push` reaches the cloud. */
export type ShadowWritePlan =
  /** Auto-save (after a delay, focus or window change) or an unknown reason: the text is kept as a draft, nothing is sent. */
  | { readonly kind: 'stage' }
  /** An explicit save while a conflict is unresolved: it would only conflict again, so the choices are offered again. */
  | { readonly kind: 'conflict' }
  /** An explicit save of text that is not JSON: kept as a draft, and the message says where and what is expected. */
  | { readonly kind: 'refuse'; readonly problem: JsonSyntaxProblem | { readonly message: string } }
  | { readonly kind: 'push' };

/**
 * code-server saves after a one-second delay by default and desktop users often turn that on: a half-typed shadow
 * must never reach a device. So only the user's own save pushes; every other write keeps the text as a draft.
 */
export function planShadowWrite(reason: ShadowSaveReason | undefined, text: string, conflictPending: boolean): ShadowWritePlan {
  if (reason !== 'manual') return { kind: 'stage' };
  if (conflictPending) return { kind: 'conflict' };
  const problem = findJsonSyntaxProblem(text);
  return problem ? { kind: 'refuse', problem } : { kind: 'push' };
}
