import * as vscode from 'vscode';
import { callExplained, showFailure } from '../host/devices/callExplained.js';
import { refreshAndReveal, type TreeActionDeps } from '../host/devices/TreeActionDeps.js';
import type { ResourceNode } from '../host/tree/ResourceTreeProvider.js';

/** On a rule: EnableTopicRule or DisableTopicRule, then the rule's row shows its new state. */
const setTopicRuleState = (deps: TreeActionDeps, enable: boolean) => async (node?: ResourceNode) => {
  if (node?.kind !== 'rule') return;
  const what = enable ? vscode.l10n.t('Enable Rule') : vscode.l10n.t('Disable Rule');
  await showFailure(what, async () => {
    await callExplained(deps.api, enable ? 'EnableTopicRule' : 'DisableTopicRule', { RuleName: node.rule.ruleName });
    await refreshAndReveal(deps, { ...node, rule: { ...node.rule, disabled: !enable } });
    void vscode.window.showInformationMessage(
      enable ? vscode.l10n.t('Rule {0} is enabled.', node.rule.ruleName) : vscode.l10n.t('Rule {0} is disabled.', node.rule.ruleName),
    );
  });
};

export const enableTopicRule = (deps: TreeActionDeps) => setTopicRuleState(deps, true);
export const disableTopicRule = (deps: TreeActionDeps) => setTopicRuleState(deps, false);

/** On a rule: a modal confirmation naming it, then DeleteTopicRule. */
export const deleteTopicRule = (deps: TreeActionDeps) => async (node?: ResourceNode) => {
  if (node?.kind !== 'rule') return;
  const remove = vscode.l10n.t('Delete Rule');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete rule "{0}"?', node.rule.ruleName),
    { modal: true, detail: vscode.l10n.t('It stops running on {0}; this cannot be undone.', node.rule.topicPattern) },
    remove,
  );
  if (answer !== remove) return;
  await showFailure(remove, async () => {
    await callExplained(deps.api, 'DeleteTopicRule', { RuleName: node.rule.ruleName });
    await refreshAndReveal(deps, deps.tree.getParent(node));
    void vscode.window.showInformationMessage(vscode.l10n.t('Deleted rule {0}.', node.rule.ruleName));
  });
};
