/** Which profile a command uses, and who chose it: the choice decides whether the environment's keys apply. */
export interface ProfileChoice {
  readonly name: string;
  /** `--profile` (or a `.http` file's `profile:`), the TCCLI_PROFILE variable, or nobody (`default`). */
  readonly chosenBy: 'flag' | 'TCCLI_PROFILE' | 'default';
}

export const DEFAULT_PROFILE = 'default';

/**
 * A profile name becomes part of a file name (`~/.tccli/NAME.credential`), so it is letters, digits, `_`, `-` and
 * `.` only, and does not start with a dot: `../x` or `/etc/x` never reach a path. Checked by one linear scan.
 */
export function profileNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 64) return 'a profile name of 1 to 64 characters';
  if (name.startsWith('.')) return 'a profile name that does not start with "." (it names a file in ~/.tccli)';
  for (const char of name)
    if (!/[A-Za-z0-9_.-]/.test(char))
      return `a profile name of letters, digits, "_", "-" and "." (it names a file in ~/.tccli; ${JSON.stringify(char)} is not allowed)`;
  return undefined;
}

/**
 * tccli's order (`tccli/configure.py` `_get_profile_name`): `--profile`, else the TCCLI_PROFILE variable, else
 * `default`. The name is checked here, once, for every command that signs.
 */
export function chooseProfile(flagValue: string | undefined, env: Readonly<Record<string, string | undefined>>): ProfileChoice | { readonly problem: string } {
  const fromEnv = env['TCCLI_PROFILE'];
  const choice: ProfileChoice =
    flagValue !== undefined
      ? { name: flagValue, chosenBy: 'flag' }
      : fromEnv !== undefined && fromEnv !== ''
        ? { name: fromEnv, chosenBy: 'TCCLI_PROFILE' }
        : { name: DEFAULT_PROFILE, chosenBy: 'default' };
  const problem = profileNameProblem(choice.name);
  if (problem) return { problem: `${choice.chosenBy === 'flag' ? '--profile' : 'TCCLI_PROFILE'}: ${problem}, got ${JSON.stringify(choice.name)}` };
  return choice;
}
