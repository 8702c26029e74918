// The protocol's catalog views: actions for the picker, services and groups to browse, an action's generated form,
// in the UI language.
import type { LocalizedActionForm, LocalizedActionSummary, LocalizedParamField, ShownText as CoreShownText, StepLanguage } from '@iot-devkit/core';

/** An action of the catalog, for the searchable picker (the core's action form views in the UI language). */
export type ActionSummary = LocalizedActionSummary;

/** The popup's service selector and group filter, from the core's always-loaded index; `key` is ActionSummary.groupKey. */
export interface ActionBrowse {
  readonly services: readonly { readonly service: string; readonly label: string }[];
  readonly groups: readonly { readonly service: string; readonly key: string; readonly label: string; readonly count: number }[];
}

/** One parameter of an action, for the generated form. */
export type ParamField = LocalizedParamField;

export type ActionForm = LocalizedActionForm;

export type UiLanguage = StepLanguage;

/** A catalog text in the UI language, or labelled "Chinese only" beside it (the core's actionHeading rule). */
export type ShownText = CoreShownText;
