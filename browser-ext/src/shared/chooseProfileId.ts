/**
 * The profile a page signs with: the one chosen before while it still exists, else the first. A draft saved on a
 * first run holds '' (there was no profile yet), and one saved before a profile was deleted holds a stale id;
 * restoring either verbatim left the dropdown blank and Send refused with "none with id """.
 */
export function chooseProfileId(chosen: string, profiles: readonly { readonly id: string }[]): string {
  if (profiles.some((p) => p.id === chosen)) return chosen;
  return profiles[0]?.id ?? '';
}
