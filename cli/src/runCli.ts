import { SigningInputError, suggestNearest } from '@iot-devkit/core';
import { UsageError, type CommandContext } from './Command.js';
import { commands } from './commands/index.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: iot-devkit <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `iot-devkit <command> --help` for its options.',
    // The one-line install of shell completion, where a new user looks first.
    "Shell completion: echo 'source <(iot-devkit completion bash)' >> ~/.bashrc  (zsh, fish, powershell: iot-devkit completion --help)",
  ].join('\n');
}

/** Dispatches to a command; every failure becomes one clear stderr line and an exit code, never a stack trace. */
export async function runCli(context: CommandContext): Promise<number> {
  const [name, ...rest] = context.args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.out(help());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const near = suggestNearest(
      name,
      commands.map((c) => c.name),
      2,
    );
    context.err(`iot-devkit: unknown command "${name}"${near.length ? `; did you mean ${near.join(' or ')}?` : ''}\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    context.out(command.usage);
    return 0;
  }
  try {
    return await command.run({ ...context, args: rest });
  } catch (error) {
    if (error instanceof UsageError || error instanceof SigningInputError) {
      context.err(`iot-devkit ${name}: ${error.message}`);
      return 2;
    }
    context.err(`iot-devkit ${name}: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 70;
  }
}
