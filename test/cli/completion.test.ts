import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../support/cli.js';

// The generated scripts loaded in the real shells: `iot-devkit` on PATH as `npm link` or `npm install -g` puts it.
const bin = mkdtempSync(join(tmpdir(), 'iot-devkit-bin-'));
symlinkSync(new URL('../../cli/bin/iot-devkit.js', import.meta.url).pathname, join(bin, 'iot-devkit'));
after(() => rmSync(bin, { recursive: true, force: true }));
runCli(['--help']); // builds the bundle once

function bash(script: string) {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: bin } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}
/** What bash offers for the words typed so far (the last one being completed), through the loaded function. */
const complete = (...words: string[]) =>
  bash(
    `source <(iot-devkit completion bash); COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _iot_devkit; printf '%s\\n' "\${COMPREPLY[@]}"`,
  )
    .split('\n')
    .filter(Boolean);

test('bash: source <(iot-devkit completion bash) registers it, and commands, actions, parameters and options complete', () => {
  assert.equal(bash('source <(iot-devkit completion bash); complete -p iot-devkit').trim(), 'complete -F _iot_devkit iot-devkit');
  assert.deepEqual(complete('iot-devkit', 'req'), ['request']);
  assert.deepEqual(complete('iot-devkit', 'comp'), ['completion']);
  assert.deepEqual(complete('iot-devkit', 'request', 'CreateTopicR'), ['CreateTopicRule']);
  assert.ok(complete('iot-devkit', 'catalog', 'DescribeDeviceSh').includes('DescribeDeviceShadow'));
  // compgen over the action list the script holds, the check a user would make by hand.
  assert.match(bash(`source <(iot-devkit completion bash); compgen -W "$_iot_devkit_actions" -- UpdateDeviceSh`), /^UpdateDeviceShadow$/m);
  assert.deepEqual(complete('iot-devkit', 'request', 'CreateTopicRule', '--param', 'Top'), ['TopicRulePayload=']);
  assert.deepEqual(complete('iot-devkit', 'request', 'CreateDevice', '--cli-in'), ['--cli-input-json']);
  assert.deepEqual(complete('iot-devkit', 'request', 'CreateDevice', '--output', 't'), ['table', 'text']);
  assert.deepEqual(complete('iot-devkit', 'profile', 'r'), ['remove']);
  assert.deepEqual(complete('iot-devkit', 'completion', 'p'), ['powershell']);
});

test('zsh, fish and PowerShell scripts are generated from the same table; a bad shell is named', () => {
  const zsh = runCli(['completion', 'zsh']);
  assert.match(zsh.stdout, /bashcompinit/);
  assert.match(zsh.stdout, /complete -F _iot_devkit iot-devkit/);
  const fish = runCli(['completion', 'fish']).stdout;
  assert.match(fish, /complete -c iot-devkit -n '__fish_seen_subcommand_from request' -l cli-input-json -r -F/);
  assert.match(fish, /complete -c iot-devkit -n '__fish_seen_subcommand_from request' -l output -x -a "json table text"/);
  const powershell = runCli(['completion', 'powershell']).stdout;
  assert.match(powershell, /Register-ArgumentCompleter -Native -CommandName iot-devkit/);
  assert.match(powershell, /'request' = @\(.*'--waiter'/);
  const bad = runCli(['completion', 'tcsh']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /one shell: bash, zsh, fish, powershell, got "tcsh"/);
  assert.match(runCli(['completion', '--help']).stdout, /echo 'source <\(iot-devkit completion bash\)' >> ~\/\.bashrc/);
  assert.match(runCli(['completion', '--params', 'CreateDevice']).stdout, /^ProductId=\nDeviceName=\n/);
});
