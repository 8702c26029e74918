import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseProfile, type ProfileChoice } from './chooseProfile.js';
import { resolveApiCredentials, type CredentialSources, type KeychainLookup } from './resolveApiCredentials.js';

// Made-up keys only.
const ENV = { TENCENTCLOUD_SECRET_ID: 'AKIDenvMadeUp000000', TENCENTCLOUD_SECRET_KEY: 'envMadeUpSecretKey00000000000000' };
const TCCLI = JSON.stringify({ secretId: 'AKIDtccliMadeUp0000', secretKey: 'tccliMadeUpSecretKey000000000000' });

function sources(over: Partial<CredentialSources> & { keychainAnswer?: KeychainLookup } = {}): CredentialSources & { asked: () => number } {
  let asked = 0;
  return {
    env: {},
    tccliCredential: { path: '/h/.tccli/x.credential', missing: true },
    tccliConfigure: { path: '/h/.tccli/x.configure', missing: true },
    sharedCredentials: { path: '/h/.tencentcloud/credentials', missing: true },
    keychain: () => {
      asked++;
      return over.keychainAnswer ?? { unavailable: 'no Secret Service' };
    },
    ...over,
    asked: () => asked,
  };
}
const choice = (name = 'default', chosenBy: ProfileChoice['chosenBy'] = 'default'): ProfileChoice => ({ name, chosenBy });

test('chooseProfile: --profile, then TCCLI_PROFILE, then default; a name that could leave ~/.tccli is refused', () => {
  assert.deepEqual(chooseProfile('prod', { TCCLI_PROFILE: 'other' }), { name: 'prod', chosenBy: 'flag' });
  assert.deepEqual(chooseProfile(undefined, { TCCLI_PROFILE: 'other' }), { name: 'other', chosenBy: 'TCCLI_PROFILE' });
  assert.deepEqual(chooseProfile(undefined, {}), { name: 'default', chosenBy: 'default' });
  for (const bad of ['../x', '.hidden', 'a/b', 'a\\b', ''])
    assert.match((chooseProfile(bad, {}) as { problem: string }).problem, /^--profile: a profile name/, bad);
  assert.match((chooseProfile(undefined, { TCCLI_PROFILE: 'x y' }) as { problem: string }).problem, /^TCCLI_PROFILE: .*" " is not allowed/);
});

test('the environment wins for an unnamed profile; a named profile skips it, as tccli does', () => {
  const withFile = { env: ENV, tccliCredential: { path: '/h/.tccli/default.credential', text: TCCLI } };
  const unnamed = resolveApiCredentials(choice(), sources(withFile));
  assert.ok(unnamed.ok && unnamed.kind === 'environment' && unnamed.credentials.secretId === ENV.TENCENTCLOUD_SECRET_ID);
  const named = resolveApiCredentials(choice('default', 'flag'), sources(withFile));
  assert.ok(named.ok && named.kind === 'tccli' && named.credentials.secretId === 'AKIDtccliMadeUp0000');
  assert.ok(!named.summary.includes('tccliMadeUpSecretKey') && named.summary.includes('SecretKey tccl****'));
});

test('tccli before the shared file before the keychain; the keychain is asked only when nothing else answered', () => {
  const shared = {
    path: '/h/.tencentcloud/credentials',
    sections: { default: { secret_id: 'AKIDsharedMadeUp000', secret_key: 'sharedMadeUpSecretKey00000000000', token: 'tok' } },
  };
  const both = sources({ tccliCredential: { path: '/t', text: TCCLI }, sharedCredentials: shared });
  const first = resolveApiCredentials(choice(), both);
  assert.ok(first.ok && first.kind === 'tccli');
  assert.equal(both.asked(), 0);
  const onlyShared = resolveApiCredentials(choice(), sources({ sharedCredentials: shared }));
  assert.ok(onlyShared.ok && onlyShared.kind === 'shared-credentials' && onlyShared.credentials.token === 'tok');
  const keychain = resolveApiCredentials(
    choice(),
    sources({ keychainAnswer: { found: { secretId: 'AKIDkc', secretKey: 'keychainMadeUpKey000', region: 'ap-beijing' } } }),
  );
  assert.ok(keychain.ok && keychain.kind === 'keychain' && keychain.region === 'ap-beijing');
});

test('region: TENCENTCLOUD_REGION for an unnamed profile, else NAME.configure (_sys_param or the older top level)', () => {
  const configure = (text: string) => ({ path: '/c', text });
  const fromEnv = resolveApiCredentials(
    choice(),
    sources({ env: { ...ENV, TENCENTCLOUD_REGION: 'ap-chengdu' }, tccliConfigure: configure('{"_sys_param":{"region":"ap-shanghai"}}') }),
  );
  assert.ok(fromEnv.ok && fromEnv.region === 'ap-chengdu');
  const fromFile = resolveApiCredentials(
    choice('p', 'flag'),
    sources({ env: { TENCENTCLOUD_REGION: 'ap-chengdu' }, tccliCredential: { path: '/t', text: TCCLI }, tccliConfigure: configure('{"region":"ap-nanjing"}') }),
  );
  assert.ok(fromFile.ok && fromFile.region === 'ap-nanjing');
});

test('roles, CVM roles and broken files are named; nothing found lists every place looked at', () => {
  const role = resolveApiCredentials(
    choice(),
    sources({
      tccliCredential: {
        path: '/t',
        text: JSON.stringify({ secretId: 'A', secretKey: 'B', 'role-arn': 'qcs::cam::uin/1:roleName/r', 'role-session-name': 's' }),
      },
    }),
  );
  assert.ok(!role.ok && /role-arn qcs::cam::uin\/1:roleName\/r \(session s\).*STS AssumeRole.*does not make that call/.test(role.message));
  const cvm = resolveApiCredentials(choice(), sources({ tccliCredential: { path: '/t', text: '{"type":"cvm-role"}' } }));
  assert.ok(!cvm.ok && /cvm-role.*metadata service/.test(cvm.message));
  const broken = resolveApiCredentials(choice(), sources({ tccliCredential: { path: '/t', text: '{"secretId": ' } }));
  assert.ok(!broken.ok && broken.message.startsWith('/t: a credential file as tccli writes it, a JSON object'));
  const half = resolveApiCredentials(choice(), sources({ tccliCredential: { path: '/t', text: '{"secretId":"AKIDx"}' } }));
  assert.ok(!half.ok && /secretKey is missing/.test(half.message));
  const none = resolveApiCredentials(choice(), sources({ env: { TENCENTCLOUD_SECRET_ID: 'AKIDx' } }));
  assert.ok(!none.ok);
  assert.match(none.message, /1\. TENCENTCLOUD_SECRET_KEY: set it too/);
  assert.match(none.message, /2\. \/h\/\.tccli\/x\.credential: no such file/);
  assert.match(none.message, /3\. \/h\/\.tencentcloud\/credentials: no such file/);
  assert.match(none.message, /4\. the OS keychain: not available \(no Secret Service\)/);
});
