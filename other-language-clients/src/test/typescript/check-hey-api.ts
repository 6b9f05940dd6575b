// Calls every operation of both APIs on the mock server through the SDKs @hey-api/openapi-ts generates with default
// options (its fetch client), and compares each read's `data` with the raw answer of the same GET (see plan.ts).
import * as modelarts from '../../../target/hey-api/modelarts';
import * as openyuanrong from '../../../target/hey-api/openyuanrong';
import { client as modelartsClient } from '../../../target/hey-api/modelarts/client.gen';
import { client as openyuanrongClient } from '../../../target/hey-api/openyuanrong/client.gen';
import { Equals, followPlan } from './plan';

// At compile time: a ModelArts time is a `number`, an openYuanrong time a `string`; tsc fails here otherwise.
const createAtIsANumber: Equals<NonNullable<modelarts.DevServerJobListResponse['create_at']>, number> = true;
const startTimeIsAString: Equals<NonNullable<openyuanrong.JobDetails['start_time']>, string> = true;

type Result = { data?: unknown; error?: unknown; response?: Response };
type Sdk = Record<string, (options: Record<string, unknown>) => Promise<Result>>;

const sdks: Record<string, Sdk> = {
  modelarts: modelarts as unknown as Sdk,
  openyuanrong: openyuanrong as unknown as Sdk,
};

followPlan(async (call, baseUrl) => {
  modelartsClient.setConfig({ baseUrl });
  openyuanrongClient.setConfig({ baseUrl });
  const result = await sdks[call.api][call.operationId]({ path: call.path, body: call.body });
  if (result.error !== undefined || !result.response?.ok) {
    throw new Error(result.response?.status + ' ' + JSON.stringify(result.error));
  }
  return result.data;
}, createAtIsANumber && startTimeIsAString);
