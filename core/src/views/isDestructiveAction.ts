/**
 * Actions that delete, unbind, reset or disable something cannot be taken back; the extension asks before it
 * sends one and again before it replays one. Matched on the action's verb (DeleteDevice, UnbindDevices,
 * ResetDeviceState, DisableTopicRule), case-insensitively because people type names from memory.
 */
export const DESTRUCTIVE_VERBS = ['Delete', 'Unbind', 'Reset', 'Disable'] as const;

export function isDestructiveAction(action: string): boolean {
  const name = action.trim().toLowerCase();
  return DESTRUCTIVE_VERBS.some((verb) => name.startsWith(verb.toLowerCase()));
}
