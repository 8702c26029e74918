// The line of an environments file each of its problems is about, so a message can say file:line and the editor
// can go there. parseEnvironments names the place as "<env>.<variable>" (or "<env>", or a JSON error's position);
// the line is found by looking for those keys in the text, in one pass each (indexOf), never by a pattern.

export interface LocatedProblem {
  /** 1-based; 1 when the problem is about the file as a whole. */
  readonly line: number;
  readonly message: string;
}

const lineAt = (text: string, offset: number) => {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
};

/** Where the quoted key `name` first appears at or after `from` as a key (followed by a colon), or -1. */
function keyOffset(text: string, name: string, from: number): number {
  const quoted = JSON.stringify(name);
  for (let at = text.indexOf(quoted, from); at >= 0; at = text.indexOf(quoted, at + 1)) {
    let next = at + quoted.length;
    while (next < text.length && ' \t\r\n'.includes(text[next]!)) next++;
    if (text[next] === ':') return at;
  }
  return -1;
}

/** Each problem of `path` with its line; `problems` as parseEnvironments gives them (each starting with "path: "). */
export function locateEnvironmentProblems(text: string, path: string, problems: readonly string[]): LocatedProblem[] {
  return problems.map((problem) => {
    const message = problem.startsWith(`${path}: `) ? problem.slice(path.length + 2) : problem;
    const position = /at position (\d+)/.exec(message);
    if (position) return { line: lineAt(text, Number(position[1])), message };
    const place = message.slice(0, Math.max(0, message.indexOf(': ')));
    const quotedEnvironment = /^environment ("(?:[^"\\]|\\.)*")$/.exec(place);
    const environment = quotedEnvironment ? (JSON.parse(quotedEnvironment[1]!) as string) : place.split('.')[0]!;
    const variable = quotedEnvironment ? undefined : place.split('.').slice(1).join('.');
    const environmentAt = environment ? keyOffset(text, environment, 0) : -1;
    if (environmentAt < 0) return { line: 1, message };
    const variableAt = variable ? keyOffset(text, variable, environmentAt) : -1;
    return { line: lineAt(text, variableAt >= 0 ? variableAt : environmentAt), message };
  });
}
