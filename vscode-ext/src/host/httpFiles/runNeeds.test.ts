import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEnvironments, parseHttpFile } from '@iot-devkit/core';
import { runNeeds } from './runNeeds.js';

const FILE = `@id = {{$processEnv TENCENTCLOUD_SECRET_ID}}
@loop = {{loop}}

### signed by the active profile, the body through an environment variable
POST {{endpoint}}/
Authorization: TC3 region:ap-guangzhou
X-TC-Action: DescribeDevices

{"ProductId": "{{productId}}", "x": "{{loop}}"}

###
POST https://iotcloud.tencentcloudapi.com/
Authorization: TC3 profile:prod service:iotcloud
X-TC-Action: DescribeDevices

{}

###
POST https://iotcloud.tencentcloudapi.com/
Authorization: TC3 {{id}} {{$processEnv TENCENTCLOUD_SECRET_KEY}}
X-TC-Action: DescribeDevices

{}
`;
const ENVIRONMENTS = parseEnvironments(
  JSON.stringify({
    $shared: { region: '{{$processEnv REGION_VAR}}' },
    dev: { endpoint: 'http://127.0.0.1:9180', productId: '{{$shared region}}-{{$processEnv PRODUCT_VAR}}' },
  }),
  'env.json',
);

describe('what a run needs before it starts', () => {
  assert.ok(ENVIRONMENTS.ok);
  const environments = ENVIRONMENTS.environments;
  const file = parseHttpFile(FILE);

  it('the active profile, named profiles and $processEnv names, reached through file, environment and $shared variables', () => {
    assert.deepEqual(runNeeds(file, file.requests, environments, 'dev'), {
      activeProfile: true,
      profiles: ['prod'],
      processEnv: ['PRODUCT_VAR', 'REGION_VAR', 'TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY'],
    });
  });

  it('only the requests that run count: no prompt for a variable another request uses', () => {
    assert.deepEqual(runNeeds(file, [file.requests[1]!], environments, 'dev'), { activeProfile: false, profiles: ['prod'], processEnv: [] });
    assert.deepEqual(runNeeds(file, [file.requests[0]!]), { activeProfile: true, profiles: [], processEnv: [] }, 'no environment: nothing to follow');
  });
});
