import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli, runCliAsync, type CliResult } from '../support/cli.js';
import { startVerifyingServer } from '../support/verifyingServer.js';

// A temporary HOME holding files in the formats tccli and the SDKs write (made-up keys only):
//  ~/.tccli/NAME.credential  {"secretId", "secretKey", "token"?, "role-arn"?, "role-session-name"?}  (tccli configure set)
//  ~/.tccli/NAME.configure   {"_sys_param": {"region", "output", …}, "<service>": {"endpoint", "version"}}
//  ~/.tencentcloud/credentials  INI, [NAME] with secret_id, secret_key, token  (the SDKs' ProfileCredential)
const homes: string[] = [];
// Linux children get no DBUS_SESSION_BUS_ADDRESS from runCli (PATH and HOME only), so no Secret Service: the keychain
// is absent for real. Elsewhere (a developer's macOS Keychain) it may exist, and the keychain tests check that path.
const KEYCHAIN_ABSENT = process.platform === 'linux';
after(() => homes.forEach((home) => rmSync(home, { recursive: true, force: true })));

interface Home {
  readonly tccli?: Record<string, { credential?: unknown; configure?: unknown }>;
  readonly shared?: string;
}
function makeHome(files: Home): string {
  const home = mkdtempSync(join(tmpdir(), 'iot-devkit-home-'));
  homes.push(home);
  for (const [name, profile] of Object.entries(files.tccli ?? {})) {
    mkdirSync(join(home, '.tccli'), { recursive: true });
    if (profile.credential !== undefined)
      writeFileSync(
        join(home, '.tccli', `${name}.credential`),
        typeof profile.credential === 'string' ? profile.credential : JSON.stringify(profile.credential, null, 4),
      );
    if (profile.configure !== undefined) writeFileSync(join(home, '.tccli', `${name}.configure`), JSON.stringify(profile.configure, null, 4));
  }
  if (files.shared !== undefined) {
    mkdirSync(join(home, '.tencentcloud'));
    writeFileSync(join(home, '.tencentcloud', 'credentials'), files.shared);
  }
  return home;
}

const KEYS = {
  env: { id: 'AKIDenvProfileTest0000', key: 'envProfileTestSecretKey000000000' },
  tccli: { id: 'AKIDtccliDefault000000', key: 'tccliDefaultSecretKey00000000000' },
  prod: { id: 'AKIDtccliProd000000000', key: 'tccliProdSecretKey00000000000000' },
  shared: { id: 'AKIDsharedDefault00000', key: 'sharedDefaultSecretKey0000000000' },
  sharedStaging: { id: 'AKIDsharedStaging00000', key: 'sharedStagingSecretKey0000000000' },
};
const tccliCredential = (k: { id: string; key: string }, extra = {}) => ({ secretId: k.id, secretKey: k.key, ...extra });
const configure = (region: string) => ({
  _sys_param: { arrayCount: 10, language: 'zh-CN', output: 'json', region, warning: 'off' },
  iotcloud: { endpoint: 'iotcloud.tencentcloudapi.com', version: '2021-04-08' },
});
const envKeys = { TENCENTCLOUD_SECRET_ID: KEYS.env.id, TENCENTCLOUD_SECRET_KEY: KEYS.env.key };
const everyKey = Object.values(KEYS).map((k) => k.key);

/** Signs DescribeDevice with whatever the resolution finds; prints the curl command (nothing is sent). */
function sign(home: string, env: Record<string, string> = {}, extra: string[] = []): CliResult {
  return runCli(['request', 'DescribeDevice', '--param', 'ProductId=ABCDEFGHIJ', '--param', 'DeviceName=dev1', ...extra], { env: { HOME: home, ...env } });
}
function assertSignedWith(result: CliResult, secretId: string, source: RegExp) {
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`Credential=${secretId}/`));
  assert.match(result.stderr, source);
  for (const key of everyKey) assert.ok(!result.stdout.includes(key) && !result.stderr.includes(key), `a SecretKey leaked: ${key.slice(0, 6)}…`);
}

const bothFiles: Home = {
  tccli: {
    default: { credential: tccliCredential(KEYS.tccli), configure: configure('ap-shanghai') },
    prod: { credential: tccliCredential(KEYS.prod), configure: configure('ap-beijing') },
  },
  shared: `[default]\nsecret_id = ${KEYS.shared.id}\nsecret_key = ${KEYS.shared.key}\n\n[staging]\nsecret_id = "${KEYS.sharedStaging.id}"\nsecret_key = "${KEYS.sharedStaging.key}"\n`,
};

test('1. no profile named: the environment first, region from TENCENTCLOUD_REGION, named on stderr with the key masked', () => {
  const home = makeHome(bothFiles);
  const result = sign(home, { ...envKeys, TENCENTCLOUD_REGION: 'ap-chengdu' });
  assertSignedWith(
    result,
    KEYS.env.id,
    /^credentials from the environment \(TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY\): SecretId AKID\*{4}, SecretKey envP\*{4}, region ap-chengdu$/m,
  );
  assert.match(result.stdout, /X-TC-Region: ap-chengdu/);
  // --region beats every source.
  assert.match(sign(home, { ...envKeys, TENCENTCLOUD_REGION: 'ap-chengdu' }, ['--region', 'ap-nanjing']).stdout, /X-TC-Region: ap-nanjing/);
});

test('2. without variables: ~/.tccli/default.credential, with the region of default.configure', () => {
  const result = sign(makeHome(bothFiles));
  assertSignedWith(
    result,
    KEYS.tccli.id,
    /credentials from .*\/\.tccli\/default\.credential \(tccli profile "default"\): SecretId AKID\*{4}, SecretKey tccl\*{4}, region ap-shanghai/,
  );
  assert.match(result.stdout, /X-TC-Region: ap-shanghai/);
});

test('3. --profile prod (and TCCLI_PROFILE=prod) choose ~/.tccli/prod.* even with the variables set, as tccli does', () => {
  const home = makeHome(bothFiles);
  assertSignedWith(sign(home, envKeys, ['--profile', 'prod']), KEYS.prod.id, /\.tccli\/prod\.credential \(tccli profile "prod"\).*region ap-beijing/);
  assertSignedWith(sign(home, { ...envKeys, TCCLI_PROFILE: 'prod' }), KEYS.prod.id, /\.tccli\/prod\.credential/);
  // --profile beats TCCLI_PROFILE.
  assertSignedWith(sign(home, { TCCLI_PROFILE: 'prod' }, ['--profile', 'default']), KEYS.tccli.id, /\.tccli\/default\.credential/);
});

test('4. no tccli file for the profile: the SDKs’ ~/.tencentcloud/credentials section of that name (quotes as the ini parser reads them)', () => {
  const home = makeHome({ shared: bothFiles.shared! });
  assertSignedWith(sign(home), KEYS.shared.id, /credentials from .*\/\.tencentcloud\/credentials \[default\]: SecretId AKID\*{4}, SecretKey shar\*{4}$/m);
  assertSignedWith(sign(home, {}, ['--profile', 'staging']), KEYS.sharedStaging.id, /\.tencentcloud\/credentials \[staging\]/);
  // A [__proto__] section never becomes a prototype: the ini parser drops it, so that profile is simply not there.
  const proto = makeHome({ shared: `[__proto__]\nsecret_id = ${KEYS.shared.id}\nsecret_key = ${KEYS.shared.key}\n` });
  const protoResult = sign(proto, {}, ['--profile', '__proto__']);
  assert.equal(protoResult.status, 2);
  assert.match(protoResult.stderr, /\.tencentcloud\/credentials: no \[__proto__\] section/);
  // With both, tccli's file is read first.
  assertSignedWith(sign(makeHome(bothFiles)), KEYS.tccli.id, /\.tccli\/default\.credential/);
});

test('5. a session token is signed (X-TC-Token) and masked; role-arn and cvm-role say by name that they need a call the CLI does not make', () => {
  const token = 'tccliMadeUpSessionToken0000000000000000';
  const withToken = sign(makeHome({ tccli: { default: { credential: tccliCredential(KEYS.tccli, { token }) } } }));
  assertSignedWith(withToken, KEYS.tccli.id, /session token tccl\*{4}/);
  assert.match(withToken.stdout, new RegExp(`X-TC-Token: ${token}`), 'the token is part of the request itself');
  assert.ok(!withToken.stderr.includes(token));
  const role = sign(
    makeHome({
      tccli: { default: { credential: tccliCredential(KEYS.tccli, { 'role-arn': 'qcs::cam::uin/100000000001:roleName/iot', 'role-session-name': 'dev' }) } },
    }),
  );
  assert.equal(role.status, 2);
  assert.match(role.stderr, /default\.credential: role-arn qcs::cam::uin\/100000000001:roleName\/iot \(session dev\) — tccli would call STS AssumeRole/);
  assert.match(
    sign(makeHome({ shared: '[default]\nsecret_id = AKIDx\nsecret_key = y\nrole_arn = qcs::cam::uin/1:roleName/r\n' })).stderr,
    /\[default\]: role-arn qcs::cam::uin\/1:roleName\/r/,
  );
  const cvm = sign(makeHome({ tccli: { default: { credential: { type: 'cvm-role' } } } }));
  assert.equal(cvm.status, 2);
  assert.match(cvm.stderr, /"type": "cvm-role" .*metadata service/);
});

test('6. broken or missing files: the file and the field are named; nothing found lists each place in order', () => {
  const broken = sign(makeHome({ tccli: { default: { credential: '{"secretId": "AKIDx",' } } }));
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /\.tccli\/default\.credential: a credential file as tccli writes it, a JSON object/);
  assert.match(
    sign(makeHome({ tccli: { default: { credential: { secretId: 'AKIDx' } } } })).stderr,
    /default\.credential: secretId and secretKey are both needed .*secretKey is missing/,
  );
  const home = makeHome({});
  const none = sign(home, { TENCENTCLOUD_SECRET_ID: 'AKIDonlyTheId' });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no credentials for profile "default"; looked, in this order, at:/);
  assert.match(none.stderr, /1\. TENCENTCLOUD_SECRET_KEY: set it too/);
  assert.match(none.stderr, new RegExp(`2\\. ${home}/\\.tccli/default\\.credential: no such file`));
  assert.match(none.stderr, new RegExp(`3\\. ${home}/\\.tencentcloud/credentials: no such file`));
  // This machine has no Secret Service: the keychain is said to be unavailable, for real.
  assert.match(
    none.stderr,
    KEYCHAIN_ABSENT ? /4\. the OS keychain: not available \(/ : /4\. the OS keychain: (not available \(|no iot-devkit profile "default")/,
  );
  assert.match(sign(home, {}, ['--profile', '../../etc/x']).stderr, /--profile: a profile name that does not start with "\."/);
  assert.match(sign(home, {}, ['--profile', 'prod/x']).stderr, /--profile: a profile name of letters, digits, .*"\/" is not allowed/);
});

test('7. http shares the resolution: a bare "Authorization: TC3" signs with --profile\'s keys, profile:NAME with that one', async () => {
  const home = makeHome(bothFiles);
  // The server verifies with prod's SecretKey only: the first request must verify, the second (staging's keys) must not.
  const server = await startVerifyingServer(KEYS.prod.key);
  try {
    const file = join(home, 'calls.http');
    const request = (auth: string) =>
      `POST ${server.endpoint}\nAuthorization: TC3 ${auth}service:iotcloud region:ap-guangzhou\nContent-Type: application/json\nX-TC-Action: DescribeProducts\nX-TC-Version: 2021-04-08\n\n{"Offset":0,"Limit":10}\n`;
    writeFileSync(file, `### one\n${request('')}\n### two\n${request('profile:staging ')}`);
    const result = await runCliAsync(['http', file, '--profile', 'prod'], { env: { HOME: home, ...envKeys } });
    assert.deepEqual(
      server.received.map((r) => [r.headers['authorization']?.match(/Credential=(\w+)\//)?.[1], r.verified]),
      [
        [KEYS.prod.id, true],
        [KEYS.sharedStaging.id, false],
      ],
    );
    assert.equal(result.stderr.match(/credentials from .*prod\.credential \(tccli profile "prod"\)/g)?.length, 1);
    assert.match(result.stderr, /credentials from .*\.tencentcloud\/credentials \[staging\]/);
    for (const key of everyKey) assert.ok(!result.stdout.includes(key) && !result.stderr.includes(key));
  } finally {
    await server.close();
  }
});

test('8. profile add without an OS keychain refuses to store, writes no file; list shows every source masked', () => {
  const home = makeHome(bothFiles);
  const add = runCli(['profile', 'add', 'lab', '--secret-id', 'AKIDlabMadeUp0000000'], {
    env: { HOME: home, TENCENTCLOUD_SECRET_KEY: 'labMadeUpSecretKey00000000000000' },
  });
  assert.ok(!add.stderr.includes('labMadeUpSecretKey') && !add.stdout.includes('labMadeUpSecretKey'));
  if (KEYCHAIN_ABSENT || add.status !== 0) {
    assert.equal(add.status, 1);
    assert.match(
      add.stderr,
      /no OS keychain is available here \(.*\), so nothing was stored: iot-devkit keeps keys only in the keychain, never in a plain file/,
    );
    if (KEYCHAIN_ABSENT) assert.match(add.stderr, /no Secret Service over D-Bus/);
    assert.match(runCli(['profile', 'remove', 'lab'], { env: { HOME: home } }).stderr, /no OS keychain is available here/);
  } else {
    // A real keychain (not on CI): the profile signs, then is removed again.
    assert.match(add.stdout, /profile "lab" stored in the OS keychain: SecretId AKID\*{4}, SecretKey labM\*{4}/);
    assertSignedWith(sign(home, {}, ['--profile', 'lab']), 'AKIDlabMadeUp0000000', /credentials from the OS keychain \(iot-devkit profile "lab"\)/);
    assert.equal(runCli(['profile', 'remove', 'lab'], { env: { HOME: home } }).status, 0);
  }
  assert.deepEqual(readdirSync(home).sort(), ['.tccli', '.tencentcloud'], 'no file was written');
  assert.deepEqual(readdirSync(join(home, '.tccli')).sort(), ['default.configure', 'default.credential', 'prod.configure', 'prod.credential']);
  const shadowed = runCli(['profile', 'add', 'prod', '--secret-id', 'AKIDx'], { env: { HOME: home, TENCENTCLOUD_SECRET_KEY: 'k' } });
  assert.equal(shadowed.status, 2);
  assert.match(shadowed.stderr, /prod\.credential already has profile "prod" and is read before the keychain; choose another name/);
  assert.match(
    runCli(['profile', 'add', 'lab', '--secret-key', 'x'], { env: { HOME: home } }).stderr,
    /unknown option --secret-key; did you mean --secret-key-env/,
  );
  const list = runCli(['profile', 'list'], { env: { HOME: home, ...envKeys } });
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /environment: SecretId AKID\*{4}, SecretKey envP\*{4}/);
  assert.match(list.stdout, /\.tccli\/default\.credential: SecretId AKID\*{4}, SecretKey tccl\*{4}/);
  assert.match(list.stdout, /\.tccli\/prod\.credential: SecretId AKID\*{4}, SecretKey tccl\*{4}/);
  assert.match(list.stdout, /credentials \[staging\]: secret_id AKID\*{4}, secret_key shar\*{4}/);
  if (KEYCHAIN_ABSENT) assert.match(list.stdout, /OS keychain: not available/);
  for (const key of everyKey) assert.ok(!list.stdout.includes(key));
});
