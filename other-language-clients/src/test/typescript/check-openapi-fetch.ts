// Calls every operation of both APIs on the mock server with openapi-fetch, typed by the `paths` openapi-typescript
// generates with `--default-non-nullable false`, and compares each read's answer with the raw answer of the same GET.
// The plan is written by GeneratedTypeScriptClientsTest from the specs.
import { readFileSync } from 'fs';
import createClient from 'openapi-fetch';
import type { components as modelarts, paths as modelartsPaths } from '../../../target/openapi-typescript/modelarts';
import type { components as openyuanrong, paths as openyuanrongPaths } from '../../../target/openapi-typescript/openyuanrong';

// At compile time: a create request without `is_reboot` (which the vendor documents with "Default Value: false")
// type-checks, a ModelArts time is a `number` and an openYuanrong time a `string`; tsc fails here otherwise.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const withoutIsReboot: modelarts['schemas']['DevServerJobCreateRequest'] = {
  name: 'n', server_ids: ['s'], type: 'ASCEND_SOFTWARE_QUERY', items: [{ type: 'HDK_QUERY' }],
};
const createAtIsANumber: Equals<NonNullable<modelarts['schemas']['DevServerJobListResponse']['create_at']>, number> = true;
const startTimeIsAString: Equals<NonNullable<openyuanrong['schemas']['JobDetails']['start_time']>, string> = true;

interface Call {
  api: string;
  method: string;
  pathTemplate: string;
  path: Record<string, string>;
  body?: unknown;
  read: boolean;
  url: string;
}

type Untyped = (path: string, init: { params: { path: Record<string, string> }; body?: unknown }) =>
    Promise<{ data?: unknown; error?: unknown; response: Response }>;

async function main(): Promise<void> {
  const [planFile, baseUrl] = process.argv.slice(2);
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Call[];
  const clients: Record<string, unknown> = {
    modelarts: createClient<modelartsPaths>({ baseUrl }),
    openyuanrong: createClient<openyuanrongPaths>({ baseUrl }),
  };
  const failures: string[] = [];
  const operations: string[] = [];
  let compared = 0;
  for (const call of plan) {
    const where = call.method + ' ' + call.pathTemplate;
    try {
      const client = clients[call.api] as Record<string, Untyped>;
      const raw = call.read ? await (await fetch(call.url)).json() : undefined;
      const answer = await client[call.method](call.pathTemplate, { params: { path: call.path }, body: call.body });
      if (!answer.response.ok) {
        failures.push(where + ': ' + answer.response.status + ' ' + JSON.stringify(answer.error));
      } else if (call.read && JSON.stringify(answer.data) !== JSON.stringify(raw)) {
        failures.push(where + ': read ' + JSON.stringify(answer.data) + ', raw ' + JSON.stringify(raw));
      } else {
        compared += call.read ? 1 : 0;
        operations.push(where);
      }
    } catch (e) {
      failures.push(where + ': ' + String(e));
    }
  }
  if (!(createAtIsANumber && startTimeIsAString && withoutIsReboot.is_reboot === undefined)) {
    failures.push('the types');
  }
  console.log(JSON.stringify({ operations, compared, failures }));
}

main().catch((e) => {
  console.log(JSON.stringify({ operations: [], compared: 0, failures: [String(e)] }));
});
