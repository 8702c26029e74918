// Device shadow: DescribeDeviceShadow, edit desired in Monaco, UpdateDeviceShadow with the version that was read.
// When someone changed the shadow meanwhile (UpdateVersionNotMatch), the latest desired is shown beside the
// developer's edit in a diff editor; the edit stays, and the next update applies it on the latest version.
import { callBackground } from '../messaging.js';
import type { ShadowRead, ShadowTarget } from '../protocol.js';
import { byId, setText } from '../ui/dom.js';
import { t } from '../ui/localize.js';
import { createDraftEditor, monaco, setEditorText, theme } from './monacoModel.js';

const reportedOf = (documentText: string): string => {
  try {
    return JSON.stringify((JSON.parse(documentText) as { state?: { reported?: unknown } }).state?.reported ?? {}, null, 2);
  } catch {
    return '';
  }
};
const versionOf = (documentText: string): number | undefined => {
  try {
    const version = (JSON.parse(documentText) as { version?: unknown }).version;
    return typeof version === 'number' ? version : undefined;
  } catch {
    return undefined;
  }
};

export interface ShadowEditor {
  /** After a draft restore: show the restored edit and the shadow it was based on. */
  restore(): void;
  layout(): void;
}

export function setupShadowEditor(profile: HTMLSelectElement, saveDraft: () => void): ShadowEditor {
  const status = byId('shadow-status');
  const base = byId<HTMLTextAreaElement>('shadow-base');
  const mirror = byId<HTMLTextAreaElement>('shadow-desired-text');
  const editor = createDraftEditor(byId('shadow-editor'), mirror, 'json', saveDraft);
  let diff: monaco.editor.IStandaloneDiffEditor | undefined;
  const latestModel = monaco.editor.createModel('', 'json');
  const target = (): ShadowTarget => ({
    profileId: profile.value,
    productId: byId<HTMLInputElement>('shadow-product').value,
    deviceName: byId<HTMLInputElement>('shadow-device').value,
  });

  const showBase = () => {
    const version = versionOf(base.value);
    setText(
      byId('shadow-version'),
      version === undefined ? '' : t('shadowVersion', `ShadowVersion ${version}: updates are sent with this version.`, [String(version)]),
    );
    setText(byId('shadow-reported'), reportedOf(base.value));
  };
  const hideConflict = () => {
    byId('shadow-conflict').hidden = true;
  };
  const showConflict = (latest: ShadowRead, sentVersion: number | undefined) => {
    byId('shadow-conflict').hidden = false;
    latestModel.setValue(latest.desiredText);
    if (!diff) {
      diff = monaco.editor.createDiffEditor(byId('shadow-diff'), {
        originalEditable: false,
        renderSideBySide: true,
        automaticLayout: true,
        theme: theme(),
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
      });
      // The right side is the very model of the main editor: editing either edits the one draft.
      diff.setModel({ original: latestModel, modified: editor.getModel()! });
    }
    setText(
      byId('conflict-text'),
      t(
        'conflictExplained',
        `UpdateVersionNotMatch: the shadow was at version ${sentVersion ?? '?'} when you loaded it and is now at ${latest.version}. Your edit is kept (right); the latest desired is on the left. Update again to send your edit with version ${latest.version}.`,
        [String(sentVersion ?? '?'), String(latest.version)],
      ),
    );
  };

  const load = async () => {
    try {
      setText(status, t('loading', 'Loading…'));
      const read = await callBackground('describeShadow', target());
      base.value = read.documentText;
      setEditorText(editor, read.desiredText);
      mirror.value = read.desiredText;
      showBase();
      hideConflict();
      saveDraft();
      setText(status, t('shadowLoaded', `Loaded version ${read.version}.`, [String(read.version)]));
    } catch (error) {
      setText(status, (error as Error).message);
    }
  };

  const update = async () => {
    if (base.value === '') return setText(status, t('loadFirst', 'Load the shadow first: updates are sent against the version you read.'));
    const sentVersion = versionOf(base.value);
    try {
      setText(status, t('sending', 'Sending…'));
      const outcome = await callBackground('updateShadow', { ...target(), desiredText: editor.getValue(), baseDocumentText: base.value });
      if (outcome.status === 'updated') {
        base.value = outcome.shadow.documentText;
        setEditorText(editor, outcome.shadow.desiredText);
        hideConflict();
        setText(status, t('shadowUpdated', `Updated: the shadow is now at version ${outcome.shadow.version}.`, [String(outcome.shadow.version)]));
      } else if (outcome.status === 'conflict') {
        // The next update goes against the latest shadow; the developer's edit is left exactly as it is.
        base.value = outcome.latest.documentText;
        showConflict(outcome.latest, sentVersion);
        setText(status, t('conflictStatus', 'Not updated: the shadow changed meanwhile. Compare, then update again.'));
      } else {
        setText(status, `${outcome.error.code}: ${outcome.error.message}`);
      }
      showBase();
      saveDraft();
    } catch (error) {
      setText(status, (error as Error).message);
    }
  };

  byId('shadow-load').addEventListener('click', () => void load());
  byId('shadow-update').addEventListener('click', () => void update());
  return {
    restore() {
      setEditorText(editor, mirror.value);
      showBase();
    },
    layout() {
      editor.layout();
      diff?.layout();
    },
  };
}
