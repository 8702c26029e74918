// The keys of an ARIA tablist, the same in the VS Code sidebar and the browser popup (WAI-ARIA Authoring Practices,
// "Tabs" pattern: ←/→ move with wrap-around, Home/End go to the ends, selection follows focus).

/** The index of the tab a key moves to from `current` among `count` tabs; undefined for a key the tablist ignores. */
export function tabIndexAfterKey(key: string, current: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  const from = current >= 0 && current < count ? current : 0;
  switch (key) {
    case 'ArrowRight':
      return (from + 1) % count;
    case 'ArrowLeft':
      return (from + count - 1) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
