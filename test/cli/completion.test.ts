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

function shell(name: 'zsh' | 'fish', script: string) {
  const result = spawnSync(name, ['-c', script], { encoding: 'utf8', env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: bin } });
  assert.equal(result.status, 0, `${name} (installed by scripts/setup/15-shells.sh): ${result.stderr}${result.error?.message ?? ''}`);
  return result.stdout;
}

test('zsh: the script registers through bashcompinit and offers the actions (zsh itself filters by what is typed)', () => {
  const out = shell(
    'zsh',
    `source <(iot-devkit completion zsh); print -r -- \${_comps[iot-devkit]}; setopt ksharrays; COMP_WORDS=(iot-devkit request CreateTopicR); COMP_CWORD=2; _iot_devkit; print -rl -- "\${COMPREPLY[@]}"`,
  );
  const [registered, ...offered] = out.trim().split('\n');
  assert.equal(registered, '_bash_complete -F _iot_devkit');
  assert.ok(offered.includes('CreateTopicRule') && offered.includes('UpdateDeviceShadow'), `${offered.length} words offered`);
});

test("fish: fish's own completion engine (complete -C) completes commands, actions, option values and parameters", () => {
  const completions = (line: string) =>
    shell('fish', `iot-devkit completion fish | source; complete -C '${line}'`)
      .trim()
      .split('\n')
      .map((l) => l.split('\t')[0]);
  assert.deepEqual(completions('iot-devkit req'), ['request']);
  assert.deepEqual(completions('iot-devkit request CreateTopicR'), ['CreateTopicRule']);
  assert.deepEqual(completions('iot-devkit request CreateDevice --output t'), ['table', 'text']);
  assert.deepEqual(completions('iot-devkit request CreateDevice --param Dev'), ['DeviceName=']);
});

test('PowerShell script is generated from the same table; a bad shell is named', () => {
  const powershell = runCli(['completion', 'powershell']).stdout;
  assert.match(powershell, /Register-ArgumentCompleter -Native -CommandName iot-devkit/);
  assert.match(powershell, /'request' = @\(.*'--waiter'/);
  const bad = runCli(['completion', 'tcsh']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /one shell: bash, zsh, fish, powershell, got "tcsh"/);
  assert.match(runCli(['completion', '--help']).stdout, /echo 'source <\(iot-devkit completion bash\)' >> ~\/\.bashrc/);
  assert.match(runCli(['completion', '--params', 'CreateDevice']).stdout, /^ProductId=\nDeviceName=\n/);
});
