// Calls every operation of both APIs on the mock server through the clients openapi-generator's `typescript-axios`
// makes with default options, and compares each read's answer with the raw answer of the same GET (see plan.ts).
import * as modelarts from '../../../target/generated-clients/typescript-axios/modelarts';
import * as openyuanrong from '../../../target/generated-clients/typescript-axios/openyuanrong';
import { Equals, followPlan } from './plan';

// At compile time: a ModelArts time is a `number`, an openYuanrong time a `string`; tsc fails here otherwise.
const createAtIsANumber: Equals<NonNullable<modelarts.DevServerJobListResponse['create_at']>, number> = true;
const startTimeIsAString: Equals<NonNullable<openyuanrong.JobDetails['start_time']>, string> = true;

type Client = Record<string, (...args: unknown[]) => Promise<{ data: unknown }>>;

const libraries: Record<string, Record<string, unknown>> = {
  modelarts: modelarts as unknown as Record<string, unknown>,
  openyuanrong: openyuanrong as unknown as Record<string, unknown>,
};

followPlan(async (call, baseUrl) => {
  const library = libraries[call.api];
  const Configuration = library['Configuration'] as new (parameters: { basePath: string }) => unknown;
  const Api = library[call.apiClass] as new (configuration: unknown) => Client;
  return (await new Api(new Configuration({ basePath: baseUrl }))[call.operationId](...call.args)).data;
}, createAtIsANumber && startTimeIsAString);
