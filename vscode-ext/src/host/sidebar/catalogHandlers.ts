import { checkActionParams } from '@iot-devkit/core';
import { loadLazy } from '../loadLazy.js';
import { type RequestHandlers } from './RequestHandlers.js';
import { readSendForm } from './readSendForm.js';

type CatalogBrowse = typeof import('../../lazy/catalogBrowse.js');

/**
 * Build & send's catalog side: searchable actions, browse by service and group and the core's form of an action
 * (src/lazy/catalogBrowse.ts, loaded the first time the panel asks), and the inline checks.
 */
export function catalogHandlers(zh: boolean): Pick<RequestHandlers, 'searchActions' | 'actionGroups' | 'describeAction' | 'validateParams'> {
  let browse: ReturnType<CatalogBrowse['catalogBrowseHandlers']> | undefined;
  const lazy = () => (browse ??= loadLazy<CatalogBrowse>('catalogBrowse').catalogBrowseHandlers(zh));
  return {
    searchActions: (params) => lazy().searchActions(params),
    actionGroups: (params) => lazy().actionGroups(params),
    describeAction: (params) => lazy().describeAction(params),
    validateParams(form) {
      const reading = readSendForm(form);
      if (!reading.ok) return [{ field: reading.field, message: reading.message }];
      const { service, action, params } = reading.request;
      return checkActionParams(service, action, params).problems.map((p) => ({
        field: p.field,
        message: `${p.message} [${p.code}]`,
        ...(p.code === 'MissingParameter' ? { missing: true as const } : {}),
      }));
    },
  };
}
