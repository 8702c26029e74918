// The core's JSON tree (buildResponseView) as collapsible DOM: objects and arrays are <details> (the browser's own
// folding, keyboard-operable, no framework), strings that held JSON show the parsed value under a "parsed" mark.
// Everything goes in as text nodes. The tree is bounded by the core's depth limit, so the recursion here is too.
import type { JsonTreeNode } from '@iot-devkit/core';
import { el } from './dom.js';
import { t } from './localize.js';

/** Nodes with more children than this start folded, so a DescribeDevices page does not flood the popup. */
const OPEN_UP_TO_CHILDREN = 20;

type Child = Node | string;

function scalar(node: Exclude<JsonTreeNode, { kind: 'object' | 'array' }>): HTMLElement {
  switch (node.kind) {
    case 'string':
      return el('span', { class: 'jt-string' }, JSON.stringify(node.value));
    case 'deep':
      return el('span', { class: 'jt-deep' }, node.text);
    default:
      return el('span', { class: `jt-${node.kind}` }, node.text);
  }
}

function container(node: Extract<JsonTreeNode, { kind: 'object' | 'array' }>, label: Child[], trailing: string, depth: number): HTMLElement {
  const isObject = node.kind === 'object';
  const children = isObject
    ? node.entries.map((entry) => row(entry.node, [el('span', { class: 'jt-key' }, JSON.stringify(entry.key)), ': '], depth + 1))
    : node.items.map((item) => row(item, [], depth + 1));
  const count = isObject ? node.entries.length : node.items.length;
  const [open, close] = isObject ? ['{', '}'] : ['[', ']'];
  if (count === 0) return el('div', { class: 'jt-row' }, ...label, `${open}${close}${trailing}`);
  children.forEach((child, i) => i < children.length - 1 && child.append(','));
  const size = isObject ? t('jsonKeys', `${count} keys`, [String(count)]) : t('jsonItems', `${count} items`, [String(count)]);
  return el(
    'details',
    { class: 'jt-node', ...(count <= OPEN_UP_TO_CHILDREN || depth === 0 ? { open: true } : {}) },
    el('summary', {}, ...label, open, el('span', { class: 'jt-size' }, size)),
    el('div', { class: 'jt-children' }, ...children),
    el('div', { class: 'jt-close' }, `${close}${trailing}`),
  );
}

function row(node: JsonTreeNode, label: Child[], depth: number): HTMLElement {
  if (node.kind === 'object' || node.kind === 'array') return container(node, label, '', depth);
  if (node.kind === 'string' && node.embedded) {
    // The field held JSON text (DescribeDeviceShadow's Data): the parsed value, marked, with the text on hover.
    const mark = el('span', { class: 'jt-parsed', title: node.value }, t('jsonParsed', 'JSON in a string, shown parsed'));
    const inner = row(node.embedded, [...label, mark, ' '], depth);
    inner.classList.add('jt-embedded');
    return inner;
  }
  return el('div', { class: 'jt-row' }, ...label, scalar(node));
}

/** The tree of a body; a toolbar outside it can open or fold every node. */
export function renderJsonTree(tree: JsonTreeNode): HTMLElement {
  return el('div', { class: 'json-tree mono' }, row(tree, [], 0));
}

/** Opens (true) or folds every node under `root`. */
export function setAllOpen(root: HTMLElement, open: boolean): void {
  for (const node of root.querySelectorAll('details.jt-node')) (node as HTMLDetailsElement).open = open;
}
