// Calls every operation of both APIs on the mock server through the functions orval generates with default options
// (axios), and compares each read's answer with the raw answer of the same GET (see plan.ts).
import * as modelarts from '../../../target/orval/modelarts/api';
import * as openyuanrong from '../../../target/orval/openyuanrong/api';
import { Equals, followPlan } from './plan';

// At compile time: a ModelArts time is a `number`, an openYuanrong time a `string`; tsc fails here otherwise.
const createAtIsANumber: Equals<NonNullable<modelarts.DevServerJobListResponse['create_at']>, number> = true;
const startTimeIsAString: Equals<NonNullable<openyuanrong.JobDetails['start_time']>, string> = true;

type Operation = (...args: unknown[]) => Promise<{ data: unknown }>;

const libraries: Record<string, Record<string, unknown>> = {
  modelarts: modelarts as unknown as Record<string, unknown>,
  openyuanrong: openyuanrong as unknown as Record<string, unknown>,
};

followPlan(async (call, baseUrl) => {
  const operation = libraries[call.api][call.operationId] as Operation;
  // Each function takes the path arguments, the body, the optional query parameters, then axios's options last.
  const args: unknown[] = [...call.args];
  while (args.length < operation.length - 1) {
    args.push(undefined);
  }
  args.push({ baseURL: baseUrl });
  return (await operation(...args)).data;
}, createAtIsANumber && startTimeIsAString);
