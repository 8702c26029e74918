import { monaco } from './monacoSetup.js';

const theme = () => (matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs');

/**
 * A Monaco editor whose text is mirrored into a hidden draft <textarea>, so an edit survives closing the tab
 * (the page's DraftBinding keeps the textarea like any other field).
 */
export function createDraftEditor(
  container: HTMLElement,
  mirror: HTMLTextAreaElement,
  language: 'json' | 'sql',
  onChange: () => void,
): monaco.editor.IStandaloneCodeEditor {
  const editor = monaco.editor.create(container, {
    value: mirror.value,
    language,
    theme: theme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    tabSize: 2,
  });
  editor.onDidChangeModelContent(() => {
    mirror.value = editor.getValue();
    onChange();
  });
  return editor;
}

/** Puts restored draft text into an editor without losing the undo stack's meaning (one edit). */
export function setEditorText(editor: monaco.editor.IStandaloneCodeEditor, text: string): void {
  if (editor.getValue() !== text) editor.setValue(text);
}

export { monaco, theme };
