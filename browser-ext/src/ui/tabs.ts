// An ARIA tablist: click, ←/→ or Home/End (the core's tablist rule, as in VS Code's sidebar) switch panels, with a
// roving tabindex; the chosen tab is reported so the page can keep it in its draft.
import { tabIndexAfterKey } from '@iot-devkit/core';

export function setupTabs(tablist: HTMLElement, onChange: (tabId: string) => void): (tabId: string) => void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tabId: string) => {
    for (const tab of tabs) {
      const selected = tab.id === tabId;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
  };
  for (const tab of tabs) tab.addEventListener('click', () => (select(tab.id), onChange(tab.id)));
  tablist.addEventListener('keydown', (event) => {
    const index = tabIndexAfterKey(
      event.key,
      tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true'),
      tabs.length,
    );
    if (index === undefined) return;
    event.preventDefault();
    const next = tabs[index]!;
    select(next.id);
    next.focus();
    onChange(next.id);
  });
  return select;
}
