import type { ResourceNode, ResourceTreeProvider } from '../host/tree/ResourceTreeProvider.js';

/** The view's title button refreshes everything; a product's inline button only that product. */
export const refreshResources =
  (tree: ResourceTreeProvider) =>
  (node?: ResourceNode): void =>
    tree.refresh(node);
