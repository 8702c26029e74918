/** What a command gets from the Node host: arguments, stdin, environment, and where to write. */
export interface CommandContext {
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  /** Seconds since the Unix epoch; injected so tests can pin it. */
  now(): number;
  /** Whether stdout / stderr are terminals: colour and progress lines are for a person, never for a pipe. */
  readonly stdoutIsTTY?: boolean;
  readonly stderrIsTTY?: boolean;
  /** Rewrites the current stderr line (a progress line on a terminal); absent where stderr is not a terminal. */
  progress?(line: string): void;
}

export interface Command {
  readonly name: string;
  /** One line for `iot-devkit --help`. */
  readonly summary: string;
  /** Full usage text for `iot-devkit <name> --help`. */
  readonly usage: string;
  /** Resolves to the process exit code: 0 ok, 1 a negative answer (e.g. unknown error code), 2 bad input. */
  run(context: CommandContext): Promise<number>;
}

/** Bad command-line input: one clear line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
