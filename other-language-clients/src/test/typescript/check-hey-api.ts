// Calls every operation of both APIs on the mock server through the SDKs @hey-api/openapi-ts generates with default
// options (its fetch client), and compares each read's `data` with the raw answer of the same GET. The plan (which
// operation, which arguments, in which order) is written by GeneratedTypeScriptClientsTest from the specs.
import { readFileSync } from 'fs';
import * as modelarts from '../../../target/hey-api/modelarts';
import * as openyuanrong from '../../../target/hey-api/openyuanrong';
import { client as modelartsClient } from '../../../target/hey-api/modelarts/client.gen';
import { client as openyuanrongClient } from '../../../target/hey-api/openyuanrong/client.gen';

// At compile time: a ModelArts time is a `number`, an openYuanrong time a `string`; tsc fails here otherwise.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const createAtIsANumber: Equals<NonNullable<modelarts.DevServerJobListResponse['create_at']>, number> = true;
const startTimeIsAString: Equals<NonNullable<openyuanrong.JobDetails['start_time']>, string> = true;

interface Call {
  api: string;
  operationId: string;
  path: Record<string, string>;
  body?: unknown;
  read: boolean;
  url: string;
}

type Result = { data?: unknown; error?: unknown; response?: Response };
type Sdk = Record<string, (options: Record<string, unknown>) => Promise<Result>>;

const sdks: Record<string, Sdk> = {
  modelarts: modelarts as unknown as Sdk,
  openyuanrong: openyuanrong as unknown as Sdk,
};

async function main(): Promise<void> {
  const [planFile, baseUrl] = process.argv.slice(2);
  modelartsClient.setConfig({ baseUrl });
  openyuanrongClient.setConfig({ baseUrl });
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Call[];
  const failures: string[] = [];
  const operations: string[] = [];
  let compared = 0;
  for (const call of plan) {
    try {
      const raw = call.read ? await (await fetch(call.url)).json() : undefined;
      const options: Record<string, unknown> = { path: call.path };
      if (call.body !== undefined) {
        options.body = call.body;
      }
      const result = await sdks[call.api][call.operationId](options);
      if (result.error !== undefined || !result.response?.ok) {
        failures.push(call.api + ' ' + call.operationId + ': ' + result.response?.status + ' ' + JSON.stringify(result.error));
        continue;
      }
      if (call.read) {
        if (JSON.stringify(result.data) !== JSON.stringify(raw)) {
          failures.push(call.operationId + ': read ' + JSON.stringify(result.data) + ', raw ' + JSON.stringify(raw));
        } else {
          compared++;
        }
      }
      operations.push(call.operationId);
    } catch (e) {
      failures.push(call.api + ' ' + call.operationId + ': ' + String(e));
    }
  }
  if (!(createAtIsANumber && startTimeIsAString)) {
    failures.push('the time types');
  }
  console.log(JSON.stringify({ operations, compared, failures }));
}

main().catch((e) => {
  console.log(JSON.stringify({ operations: [], compared: 0, failures: [String(e)] }));
});
