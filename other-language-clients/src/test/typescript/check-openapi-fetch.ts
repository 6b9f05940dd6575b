// Calls every operation of both APIs on the mock server with openapi-fetch, typed by the `paths` openapi-typescript
// generates with `--default-non-nullable false`, and compares each read's answer with the raw answer of the same GET
// (see plan.ts).
import createClient from 'openapi-fetch';
import type { components as modelarts, paths as modelartsPaths } from '../../../target/openapi-typescript/modelarts';
import type { components as openyuanrong, paths as openyuanrongPaths } from '../../../target/openapi-typescript/openyuanrong';
import { Equals, followPlan } from './plan';

// At compile time: a create request without `is_reboot` (which the vendor documents with "Default Value: false")
// type-checks, a ModelArts time is a `number` and an openYuanrong time a `string`; tsc fails here otherwise.
const withoutIsReboot: modelarts['schemas']['DevServerJobCreateRequest'] = {
  name: 'n', server_ids: ['s'], type: 'ASCEND_SOFTWARE_QUERY', items: [{ type: 'HDK_QUERY' }],
};
const createAtIsANumber: Equals<NonNullable<modelarts['schemas']['DevServerJobListResponse']['create_at']>, number> = true;
const startTimeIsAString: Equals<NonNullable<openyuanrong['schemas']['JobDetails']['start_time']>, string> = true;

type Untyped = (path: string, init: { params: { path: Record<string, string> }; body?: unknown }) =>
    Promise<{ data?: unknown; error?: unknown; response: Response }>;

followPlan(async (call, baseUrl) => {
  const clients: Record<string, unknown> = {
    modelarts: createClient<modelartsPaths>({ baseUrl }),
    openyuanrong: createClient<openyuanrongPaths>({ baseUrl }),
  };
  const client = clients[call.api] as Record<string, Untyped>;
  const answer = await client[call.method](call.pathTemplate, { params: { path: call.path }, body: call.body });
  if (!answer.response.ok) {
    throw new Error(call.method + ' ' + call.pathTemplate + ': ' + answer.response.status + ' ' + JSON.stringify(answer.error));
  }
  return answer.data;
}, createAtIsANumber && startTimeIsAString && withoutIsReboot.is_reboot === undefined);
