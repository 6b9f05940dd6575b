// Calls every operation of both APIs on the mock server through the functions orval generates with default options
// (axios), and compares each read's answer with the raw answer of the same GET. The plan (which operation, which
// arguments, in which order) is written by GeneratedTypeScriptClientsTest from the specs.
import { readFileSync } from 'fs';
import * as modelarts from '../../../target/orval/modelarts/api';
import * as openyuanrong from '../../../target/orval/openyuanrong/api';

// At compile time: a ModelArts time is a `number`, an openYuanrong time a `string`; tsc fails here otherwise.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const createAtIsANumber: Equals<NonNullable<modelarts.DevServerJobListResponse['create_at']>, number> = true;
const startTimeIsAString: Equals<NonNullable<openyuanrong.JobDetails['start_time']>, string> = true;

interface Call {
  api: string;
  operationId: string;
  args: unknown[];
  read: boolean;
  url: string;
}

type Operation = (...args: unknown[]) => Promise<{ data: unknown }>;

const libraries: Record<string, Record<string, unknown>> = {
  modelarts: modelarts as unknown as Record<string, unknown>,
  openyuanrong: openyuanrong as unknown as Record<string, unknown>,
};

async function main(): Promise<void> {
  const [planFile, baseUrl] = process.argv.slice(2);
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Call[];
  const failures: string[] = [];
  const operations: string[] = [];
  let compared = 0;
  for (const call of plan) {
    try {
      const operation = libraries[call.api][call.operationId] as Operation;
      // Each function takes the path arguments, the body, the optional query parameters, then axios's options last.
      const args: unknown[] = [...call.args];
      while (args.length < operation.length - 1) {
        args.push(undefined);
      }
      args.push({ baseURL: baseUrl });
      const raw = call.read ? await (await fetch(call.url)).json() : undefined;
      const answer = await operation(...args);
      if (call.read) {
        if (JSON.stringify(answer.data) !== JSON.stringify(raw)) {
          failures.push(call.operationId + ': read ' + JSON.stringify(answer.data) + ', raw ' + JSON.stringify(raw));
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
