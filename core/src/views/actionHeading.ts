// What a reader of one UI language sees of an action: its title, its description and its parameters' descriptions.
// Most of the catalog's text exists only in Chinese (the seed documents, the zh SDK); issue 15 asks that the English
// UI never shows it silently: Chinese given to an English reader carries the label "Chinese only", beside the English
// title. The VS Code sidebar and the browser popup both render these views, so the rule is held here once.
import type { LocalizedText } from '../signing/SigningStep.js';
import type { ActionFormView, ActionSummaryView, ParamFieldView } from './actionForm.js';
import { pickLanguage, type StepLanguage } from './stepViews.js';

export const CHINESE_ONLY: LocalizedText = { en: 'Chinese only', zh: '仅有中文' };
export const TITLE_DERIVED: LocalizedText = { en: 'title derived from the name', zh: '标题由接口名生成' };

/** A text as shown: `lang` for the element's lang attribute, `label` shown beside it when it is not in the UI language. */
export interface ShownText {
  readonly text: string;
  readonly lang: 'zh-CN' | 'en';
  readonly label?: string;
}

export interface ActionHeadingView {
  readonly title: ShownText;
  /** "title derived from the name": an English title we made from the action's name, not read from any source text. */
  readonly titleNote?: string;
  /** Absent when there is nothing more to say than the title (the intl SDK's English is the title). */
  readonly description?: ShownText;
}

const shown = (text: string, lang: 'zh-CN' | 'en', language: StepLanguage): ShownText =>
  text && lang !== language && language === 'en' ? { text, lang, label: pickLanguage(language)(CHINESE_ONLY) } : { text, lang };

/** The heading of an action in `language`; `description` is the form's (a summary has none). */
export function actionHeading(action: ActionSummaryView & { readonly description?: string }, language: StepLanguage): ActionHeadingView {
  const zhDescription = action.description ? shown(action.description, action.descriptionLang, language) : undefined;
  if (language === 'zh-CN' || !action.englishTitle) {
    // zh-CN readers see the document's title and description as before; an action without English shows its Chinese title labelled.
    const title = shown(action.title || (language === 'zh-CN' ? (action.englishTitle ?? '') : action.name), action.title ? 'zh-CN' : 'en', language);
    return { title, ...(zhDescription ? { description: zhDescription } : {}) };
  }
  const title: ShownText = { text: action.englishTitle, lang: 'en' };
  const note = action.englishSource === 'derived' ? { titleNote: pickLanguage(language)(TITLE_DERIVED) } : {};
  // The intl SDK's English is the document's description in English: the Chinese one would only repeat it.
  if (action.englishSource === 'intl-en' || !zhDescription) return { title, ...note };
  return { title, ...note, description: zhDescription };
}

/** A parameter's description in `language`: the intl SDK's English when it has one, else the catalog's, labelled. */
export function paramDescription(field: Pick<ParamFieldView, 'description' | 'descriptionLang' | 'englishDescription'>, language: StepLanguage): ShownText {
  if (language === 'en' && field.englishDescription) return { text: field.englishDescription, lang: 'en' };
  return shown(field.description, field.descriptionLang, language);
}

export interface LocalizedActionSummary extends ActionSummaryView {
  readonly heading: ActionHeadingView;
  /** The group heading to browse by, in the UI language (both languages exist for every category). */
  readonly groupLabel?: string;
}

export interface LocalizedParamField extends ParamFieldView {
  readonly shownDescription: ShownText;
}

export interface LocalizedActionForm extends Omit<ActionFormView, 'params'> {
  readonly heading: ActionHeadingView;
  readonly params: readonly LocalizedParamField[];
}

export const localizeActionSummary = (summary: ActionSummaryView, language: StepLanguage): LocalizedActionSummary => ({
  ...summary,
  heading: actionHeading(summary, language),
  ...(summary.category ? { groupLabel: language === 'zh-CN' ? summary.category.zh : summary.category.en } : {}),
});

export const localizeActionForm = (form: ActionFormView, language: StepLanguage): LocalizedActionForm => ({
  ...form,
  heading: actionHeading(form, language),
  params: form.params.map((field) => ({ ...field, shownDescription: paramDescription(field, language) })),
});
