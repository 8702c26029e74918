import type { Command } from '../Command.js';
import { demoCommand } from './demo.js';
import { requestCommand } from './request.js';
import { signCommand } from './sign.js';
import { deviceCredentialsCommand } from './deviceCredentials.js';
import { onenetTokenCommand } from './onenetToken.js';
import { catalogCommand } from './catalog.js';
import { errorCommand } from './error.js';
import { emulatorCommand } from './emulator.js';
import { diagnoseCommand } from './diagnose.js';
import { httpCommand } from './http.js';
import { deviceCommand } from './device.js';
import { profileCommand } from './profile.js';
import { completionCommand } from './completion.js';

/** Every CLI command, in the order `iot-devkit --help` lists them. Add one line per new command. */
export const commands: readonly Command[] = [
  signCommand,
  demoCommand,
  requestCommand,
  httpCommand,
  deviceCredentialsCommand,
  onenetTokenCommand,
  catalogCommand,
  errorCommand,
  emulatorCommand,
  deviceCommand,
  diagnoseCommand,
  profileCommand,
  completionCommand,
];
