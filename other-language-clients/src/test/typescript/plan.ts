// The plan of calls GeneratedTypeScriptClientsTest writes from the specs (PlannedCall.writePlan), and the loop every
// TypeScript check runs over it: call each operation through the client under test, compare each read with the raw
// answer of the same GET, and print one JSON summary line ({ operations, compared, failures }).
import { readFileSync } from 'fs';

export interface Call {
  api: string;
  apiClass: string;
  operationId: string;
  method: string;
  pathTemplate: string;
  args: unknown[];
  path: Record<string, string>;
  body?: unknown;
  read: boolean;
  url: string;
}

/** A ModelArts time is a `number`, an openYuanrong time a `string`: `Equals<A, B>` is `true` only when A is B. */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

/**
 * Reads the plan file and base URL from the command line, makes each call with `call` (which returns what the client
 * read, or throws), and prints the summary; `typesHold` is the check's compile-time assertions, false if one failed.
 */
export async function followPlan(call: (planned: Call, baseUrl: string) => Promise<unknown>, typesHold: boolean): Promise<void> {
  const [planFile, baseUrl] = process.argv.slice(2);
  const failures: string[] = [];
  const operations: string[] = [];
  let compared = 0;
  try {
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Call[];
    for (const planned of plan) {
      try {
        const raw = planned.read ? await (await fetch(planned.url)).json() : undefined;
        const read = await call(planned, baseUrl);
        if (planned.read && JSON.stringify(read) !== JSON.stringify(raw)) {
          failures.push(planned.operationId + ': read ' + JSON.stringify(read) + ', raw ' + JSON.stringify(raw));
        } else {
          compared += planned.read ? 1 : 0;
          operations.push(planned.operationId);
        }
      } catch (e) {
        failures.push(planned.api + ' ' + planned.operationId + ': ' + String(e));
      }
    }
  } catch (e) {
    failures.push(String(e));
  }
  if (!typesHold) {
    failures.push('the types');
  }
  console.log(JSON.stringify({ operations, compared, failures }));
}
