import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_REGION, pickActiveProfile, profileFieldProblems, readProfiles } from './Profile.js';

describe('profiles from settings', () => {
  it('reads good entries, fills the default region, drops a bad one and names it', () => {
    const { profiles, problems } = readProfiles([
      { name: 'dev', secretId: 'AKIDdev0001', region: 'ap-shanghai', endpoint: 'http://127.0.0.1:9180' },
      { name: 'prod', secretId: 'AKIDprod001' },
      { name: 'bad name', secretId: 'AKID' },
      { name: 'dev', secretId: 'AKIDdup0001' },
      'not an object',
    ]);
    assert.deepEqual(profiles, [
      { name: 'dev', secretId: 'AKIDdev0001', region: 'ap-shanghai', endpoint: 'http://127.0.0.1:9180' },
      { name: 'prod', secretId: 'AKIDprod001', region: DEFAULT_REGION },
    ]);
    assert.deepEqual(problems, [
      'iotDevkit.profiles[2].name: 1-64 letters, digits, "_", "." or "-"',
      'iotDevkit.profiles[3].name: "dev" is used twice',
      'iotDevkit.profiles[4]: expected an object',
    ]);
  });

  it('never takes a SecretKey from settings, and says so', () => {
    const { profiles, problems } = readProfiles([{ name: 'leaky', secretId: 'AKIDleak001', secretKey: 'madeUpKey123' }]);
    assert.equal(profiles.length, 1);
    assert.ok(!('secretKey' in profiles[0]!));
    assert.match(problems[0]!, /secretKey: ignored — SecretKeys belong in SecretStorage/);
    assert.ok(!problems[0]!.includes('madeUpKey123'));
  });

  it('says what a non-array setting should be', () => {
    assert.deepEqual(readProfiles({ name: 'x' }).problems, ['iotDevkit.profiles: expected an array of {name, secretId, region, endpoint?}']);
    assert.deepEqual(readProfiles(undefined), { profiles: [], problems: [] });
  });

  it('picks the named active profile, else the first', () => {
    const list = readProfiles([
      { name: 'a', secretId: 'AKIDaaaa' },
      { name: 'b', secretId: 'AKIDbbbb' },
    ]).profiles;
    assert.equal(pickActiveProfile(list, 'b')?.name, 'b');
    assert.equal(pickActiveProfile(list, 'gone')?.name, 'a');
    assert.equal(pickActiveProfile([], 'a'), undefined);
  });

  it('checks each input box value', () => {
    assert.equal(profileFieldProblems.endpoint(''), undefined);
    assert.equal(profileFieldProblems.endpoint('http://127.0.0.1:9180'), undefined);
    assert.match(profileFieldProblems.endpoint('ftp://x')!, /http:\/\/ or https:\/\//);
    assert.match(profileFieldProblems.region('Guangzhou')!, /region id/);
    assert.match(profileFieldProblems.secretKey('a b c d')!, /without spaces/);
  });
});
