// API credentials found as tccli and the SDKs find them: profiles, files and the resolution order. Part of @iot-
// devkit/core's public surface (core/src/index.ts).
export { chooseProfile, DEFAULT_PROFILE, profileNameProblem, type ProfileChoice } from './chooseProfile.js';
export { readTccliConfigure, readTccliCredential, type TccliConfigureFile, type TccliCredentialFile } from './readTccliProfile.js';
export {
  resolveApiCredentials,
  type CredentialResolution,
  type CredentialSourceKind,
  type CredentialSources,
  type KeychainLookup,
  type KeychainProfile,
  type ReadText,
} from './resolveApiCredentials.js';
