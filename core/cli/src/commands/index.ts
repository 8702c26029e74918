import type { Command } from '../Command.js';
import { demoCommand } from './demo.js';
import { signCommand } from './sign.js';

/** Every CLI command, in the order `iot-devkit --help` lists them. Add one line per new command. */
export const commands: readonly Command[] = [
  signCommand,
  demoCommand,
];
