// An ARIA tablist: click or arrow keys switch panels; the chosen tab is reported so the page can keep it in its draft.
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
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const current = tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true');
    const next = tabs[(current + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    select(next.id);
    next.focus();
    onChange(next.id);
  });
  return select;
}
