// Keeps everything typed in a page as a draft in the service worker's storage, restored on reopen: a popup
// closes whenever it loses focus, and nothing typed should be lost with it. Fields marked data-draft are kept in
// storage.local; fields marked data-draft-secret (a SecretKey, a passphrase) in storage.session only.
import { callBackground } from '../messaging.js';
import type { Draft } from '../protocol.js';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isToggle = (field: Field): field is HTMLInputElement => field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');

export class DraftBinding {
  /** The save under way, if any; while it runs, further calls only mark the draft dirty (see save()). */
  private inFlight: Promise<void> | undefined;
  private dirty = false;

  constructor(
    private readonly scope: string,
    private readonly root: ParentNode = document,
  ) {
    // Chromium's session restore writes a tab's form state to disk (Default/Sessions/, UTF-16): a pasted Bearer
    // token was found there by test/e2e-browser/secret-canary.test.ts. Drafts are this class's job, so every field
    // of the page is kept out of it (el() marks the fields pages generate later).
    for (const field of root.querySelectorAll('input, textarea')) field.setAttribute('autocomplete', 'off');
    const onEdit = (event: Event) => {
      const target = event.target as Element | null;
      if (target?.matches('[data-draft], [data-draft-secret]')) void this.save();
    };
    root.addEventListener('input', onEdit);
    root.addEventListener('change', onEdit);
  }

  private fields(selector: string): Field[] {
    return [...this.root.querySelectorAll<Field>(selector)].filter((f) => f.id !== '');
  }

  collect(): Draft {
    const fields: Record<string, string | boolean> = {};
    for (const field of this.fields('[data-draft]')) fields[field.id] = isToggle(field) ? field.checked : field.value;
    const secretFields: Record<string, string> = {};
    for (const field of this.fields('[data-draft-secret]')) secretFields[field.id] = field.value;
    return { fields, secretFields };
  }

  /**
   * Saves the page's state. Calls made while a save is in flight are coalesced: one more save runs after it, with
   * the state as it is then, so the last state always wins and a burst of keystrokes costs two round trips to the
   * service worker, not one per key (a queue of one per key was seen to lag seconds behind on a loaded 2-core CI
   * machine, so a reload right after a shadow conflict restored the version read before it).
   */
  save(): Promise<void> {
    this.dirty = true;
    this.inFlight ??= this.flush();
    return this.inFlight;
  }

  private async flush(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const draft = this.collect();
        await callBackground('saveDraft', { scope: this.scope, draft }).catch(() => undefined);
      }
    } finally {
      this.inFlight = undefined;
    }
  }

  /** Restores the draft; returns false when there was none. Select options must exist before this runs. */
  async restore(): Promise<boolean> {
    return this.apply(await this.load());
  }

  /** Fetches the draft without applying it, so a page can fetch it alongside its other start-up data. */
  load(): Promise<Draft | null> {
    return callBackground('loadDraft', { scope: this.scope });
  }

  apply(draft: Draft | null): boolean {
    if (!draft) return false;
    const apply = (field: Field, value: string | boolean | undefined) => {
      if (value === undefined) return;
      if (isToggle(field)) field.checked = value === true;
      else field.value = String(value);
    };
    // A field may change kind while the page is open (the params JSON turns secret when the action has a PSK
    // parameter): the session copy, when there is one, is the newer.
    for (const field of this.fields('[data-draft], [data-draft-secret]')) apply(field, draft.secretFields[field.id] ?? draft.fields[field.id]);
    return true;
  }
}
