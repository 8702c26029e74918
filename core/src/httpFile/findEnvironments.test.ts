import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEnvironments, MAX_FOLDERS_UP } from './findEnvironments.js';

/** A file system of the given files; every path asked for is recorded, in order. */
const filesOf = (files: Record<string, string>) => {
  const asked: string[] = [];
  const readFile = async (path: string) => {
    asked.push(path);
    return files[path];
  };
  return { asked, readFile };
};

const ENV = JSON.stringify({ $shared: { host: 'http://127.0.0.1:9180' }, local: { device: 'thermostat-1' } });

describe('findEnvironments', () => {
  it('looks beside the file first, .vscode/ before the folder itself, then in each folder above', async () => {
    const { asked, readFile } = filesOf({ '/work/iot-devkit.environments.json': ENV });
    const found = await findEnvironments('/work/api/shadow/emulator.http', readFile);
    assert.deepEqual(asked, [
      '/work/api/shadow/.vscode/iot-devkit.environments.json',
      '/work/api/shadow/iot-devkit.environments.json',
      '/work/api/.vscode/iot-devkit.environments.json',
      '/work/api/iot-devkit.environments.json',
      '/work/.vscode/iot-devkit.environments.json',
      '/work/iot-devkit.environments.json',
    ]);
    assert.equal(found?.path, '/work/iot-devkit.environments.json');
    assert.ok(found?.ok);
    assert.deepEqual(found.environments.names, ['local']);
  });

  it('the nearest file wins, and .vscode/ wins in its folder', async () => {
    const { readFile } = filesOf({
      '/w/.vscode/iot-devkit.environments.json': JSON.stringify({ near: {} }),
      '/w/iot-devkit.environments.json': JSON.stringify({ far: {} }),
    });
    const found = await findEnvironments('/w/a.http', readFile);
    assert.equal(found?.path, '/w/.vscode/iot-devkit.environments.json');
    assert.ok(found?.ok);
    assert.deepEqual(found.environments.names, ['near']);
  });

  it('a wrong file is found with its problems, not passed over for one further up', async () => {
    const { readFile } = filesOf({ '/w/iot-devkit.environments.json': '{"local": 3}', '/iot-devkit.environments.json': ENV });
    const found = await findEnvironments('/w/a.http', readFile);
    assert.equal(found?.path, '/w/iot-devkit.environments.json');
    assert.equal(found?.ok, false);
    assert.ok(!found.ok);
    assert.match(found.problems[0]!, /^\/w\/iot-devkit\.environments\.json: local: expected an object/);
  });

  it('none anywhere: undefined, after the root; Windows paths and relative paths walk up too', async () => {
    const root = filesOf({});
    assert.equal(await findEnvironments('/a/b.http', root.readFile), undefined);
    assert.deepEqual(root.asked.slice(-2), ['/.vscode/iot-devkit.environments.json', '/iot-devkit.environments.json']);
    const windows = filesOf({ 'C:\\w/iot-devkit.environments.json': ENV });
    assert.equal((await findEnvironments('C:\\w\\x\\a.http', windows.readFile))?.path, 'C:\\w/iot-devkit.environments.json');
    const relative = filesOf({});
    await findEnvironments('a.http', relative.readFile);
    assert.deepEqual(relative.asked, ['./.vscode/iot-devkit.environments.json', './iot-devkit.environments.json']);
  });

  it('stops after MAX_FOLDERS_UP folders on a very deep path', async () => {
    const deep = filesOf({});
    await findEnvironments(`${'/d'.repeat(100)}/a.http`, deep.readFile);
    assert.equal(deep.asked.length, MAX_FOLDERS_UP * 2);
  });
});
