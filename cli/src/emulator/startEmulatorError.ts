/** Why the emulator cannot start, said in one line (the CLI prints it and exits 2). */
export class EmulatorStartError extends Error {
  override readonly name = 'EmulatorStartError';
}
