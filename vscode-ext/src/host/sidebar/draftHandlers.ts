import { secretNamesMentioned } from '@iot-devkit/core';
import { text, type RequestHandlers } from './RequestHandlers.js';

/**
 * What a webview draft may keep: the core's policy reads each text field, and a field naming a secret (a pasted
 * Authorization or X-TC-Token header, params or a body with DefinedPsk) is named, so the page saves it empty and
 * keeps it in its memory only. VS Code keeps the webview state across restarts (on disk).
 */
export function draftHandlers(): Pick<RequestHandlers, 'draftSecrets'> {
  return {
    draftSecrets({ fields }) {
      const entries = typeof fields === 'object' && fields !== null ? Object.entries(fields) : [];
      return entries.filter(([, value]) => secretNamesMentioned(text(value)).length > 0).map(([name]) => name);
    },
  };
}
