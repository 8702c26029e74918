import type { ResourceTreeProvider } from '../host/tree/ResourceTreeProvider.js';

export const refreshResources = (tree: ResourceTreeProvider) => (): void => tree.refresh();
