/** A SecretId/SecretKey pair the emulator accepts; `token` makes it a temporary key that must carry that token. */
export interface EmulatorCredential {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token?: string;
}

// Made-up demo credentials, the same the `demo` command signs with, so its printed requests verify here too.
// They open nothing but this emulator.
export const DEMO_CREDENTIAL: EmulatorCredential = { secretId: 'AKIDDEMOiotdevkit0000000000000000000', secretKey: 'DEMOiotdevkitSecretKey0000000000' };
