// zh-CN and en: the pages' own strings come from _locales through i18n.getMessage; elements carry their
// message name in data-i18n (text), data-i18n-placeholder, data-i18n-title or data-i18n-aria-label.
import type { LocalizedText } from '@iot-devkit/core';
import { i18n } from '../browserApi.js';

export const isChinese = (): boolean => i18n.getUILanguage().toLowerCase().startsWith('zh');

/** A message from _locales, or the fallback when the name is unknown (never an empty label). */
export function t(name: string, fallback: string, substitutions?: string[]): string {
  return i18n.getMessage(name, substitutions) || fallback;
}

/** Core texts carry both languages; pick the browser's. */
export const pick = (text: LocalizedText): string => (isChinese() ? text.zh : text.en);

export function localizePage(root: ParentNode = document): void {
  document.documentElement.lang = isChinese() ? 'zh-CN' : 'en';
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = t(element.dataset['i18n']!, element.textContent ?? '');
  for (const [attribute, key] of [
    ['placeholder', 'i18nPlaceholder'],
    ['title', 'i18nTitle'],
    ['aria-label', 'i18nAriaLabel'],
  ] as const) {
    for (const element of root.querySelectorAll<HTMLElement>(`[data-${attribute === 'aria-label' ? 'i18n-aria-label' : `i18n-${attribute}`}]`)) {
      element.setAttribute(attribute, t(element.dataset[key]!, element.getAttribute(attribute) ?? ''));
    }
  }
}
