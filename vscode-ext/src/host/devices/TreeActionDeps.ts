import type * as vscode from 'vscode';
import type { Services } from '../Services.js';
import type { ResourceNode, ResourceTreeProvider } from '../tree/ResourceTreeProvider.js';
import type { VirtualDevices } from './VirtualDevices.js';

/** What the tree's actions are given (extension.ts builds it): the services, the tree to refresh and reveal in, the devices. */
export interface TreeActionDeps extends Services {
  readonly tree: ResourceTreeProvider;
  readonly treeView: vscode.TreeView<ResourceNode>;
  /** Loads the MQTT bundle (dist/lazy/virtualDevice.cjs) on first use. */
  readonly virtualDevices: () => VirtualDevices;
}

/**
 * Lists the tree again and selects `reveal` once it is there (reveal expands its parents). The whole tree: VS Code
 * knows a row by the element object it was given, and a node rebuilt here is another object (rows keep their
 * expansion across the refresh, their ids being stable).
 */
export async function refreshAndReveal(deps: TreeActionDeps, reveal?: ResourceNode): Promise<void> {
  deps.tree.refresh();
  if (!reveal) return;
  try {
    await deps.treeView.reveal(reveal, { select: true, focus: false, expand: false });
  } catch {
    // The row is gone (deleted meanwhile) or the view is hidden: the refresh is what matters.
  }
}
