// Checks the TypeScript clients generated from both specs (openapi-generator `typescript-fetch`), compiled by tsc.
//
// usage: node check-clients.js BASE_URL CASES_JSON GUARDED_BASE_URL TOKEN
//
// CASES_JSON is the file the Python check reads too: every documented example of both specs with the model it
// decodes into, and every frontend job shape. Each is read with the generated FromJSON and written back with
// ToJSON, which must give the same JSON; every ModelArts time must come out as a number or a string. Then every
// operation of both APIs is called on the mock server at BASE_URL (Node's own fetch), and the job list on the mock
// server at GUARDED_BASE_URL, which wants the frontend's JWT: refused without it, read with TOKEN in X-Auth.
//
// The last line printed is a JSON summary; "failures" lists what went wrong.
import * as fs from 'fs';
import * as modelarts from '../../../target/generated-clients/typescript/modelarts';
import * as openyuanrong from '../../../target/generated-clients/typescript/openyuanrong';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// At compile time: the times are typed as values a user can use. A ModelArts time is a `number` (the spec types it
// as an integer of epoch milliseconds), an openYuanrong time a `string`; tsc fails here otherwise.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const jobTimeIsString: Equals<NonNullable<openyuanrong.JobDetails['startTime']>, string> = true;
const createAtIsANumber: Equals<NonNullable<modelarts.DevServerJobListResponse['createAt']>, number> = true;

interface Example {
  spec: string;
  operationId: string;
  status: string;
  name: string;
  type: string;
  value: Json;
}

const failures: string[] = [];
let modelArtsTimes = 0;

const libraries: Record<string, Record<string, unknown>> = {
  'modelarts-devserver-jobs': modelarts as unknown as Record<string, unknown>,
  'openyuanrong-jobs': openyuanrong as unknown as Record<string, unknown>,
};

function converter(spec: string, name: string, direction: 'FromJSON' | 'ToJSON'): (json: unknown) => unknown {
  const fn = libraries[spec][name + direction];
  if (typeof fn !== 'function') {
    throw new Error('the generated client has no ' + name + direction);
  }
  return fn as (json: unknown) => unknown;
}

function decode(spec: string, type: string, value: Json): unknown {
  if (type.startsWith('List[')) {
    if (!Array.isArray(value)) {
      throw new Error('expected a list');
    }
    return value.map((item) => decode(spec, type.slice(5, -1), item));
  }
  if (type === 'bool' || type === 'str') {
    const expected = type === 'bool' ? 'boolean' : 'string';
    if (typeof value !== expected) {
      throw new Error('expected a ' + expected + ', got ' + typeof value);
    }
    return value;
  }
  return converter(spec, type, 'FromJSON')(value);
}

function encode(spec: string, type: string, decoded: unknown): unknown {
  if (type.startsWith('List[')) {
    return (decoded as unknown[]).map((item) => encode(spec, type.slice(5, -1), item));
  }
  if (type === 'bool' || type === 'str') {
    return decoded;
  }
  return converter(spec, type, 'ToJSON')(decoded);
}

/** Every ModelArts time (createAt, updateAt) is a number a user can read, never an object or a string. */
function countTimes(decoded: unknown, where: string): void {
  if (Array.isArray(decoded)) {
    decoded.forEach((item, i) => countTimes(item, where + '[' + i + ']'));
  } else if (decoded !== null && typeof decoded === 'object') {
    for (const [key, value] of Object.entries(decoded as Record<string, unknown>)) {
      if (key === 'createAt' || key === 'updateAt') {
        modelArtsTimes++;
        if (typeof value !== 'number') {
          failures.push(where + '.' + key + ': a time decoded as ' + JSON.stringify(value));
        }
      } else {
        countTimes(value, where + '.' + key);
      }
    }
  }
}

/** JSON text with the keys of every object sorted, to compare documents whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

function checkRoundTrip(spec: string, type: string, value: Json, where: string): void {
  try {
    const decoded = decode(spec, type, value);
    if (spec === 'modelarts-devserver-jobs') {
      countTimes(decoded, where);
    }
    const again = JSON.parse(JSON.stringify(encode(spec, type, decoded)));
    if (canonical(again) !== canonical(value)) {
      failures.push(where + ': written back as ' + canonical(again) + ', read ' + canonical(value));
    }
  } catch (e) {
    failures.push(where + ': ' + String(e));
  }
}

function expect(condition: boolean, what: string): void {
  if (!condition) {
    failures.push(what);
  }
}

async function callModelArts(baseUrl: string, createRequest: Json): Promise<string[]> {
  const api = new modelarts.DevServerJobsApi(new modelarts.Configuration({ basePath: baseUrl }));
  const projectId = 'my-project';
  const page = await api.listDevServerJobs({ projectId, status: 'FINISHED' });
  const first = page.data![0];
  expect(typeof first.createAt === 'number', 'listDevServerJobs: createAt is a number');
  const templates = await api.listDevServerJobTemplates({ projectId });
  expect(templates.data!.length > 0, 'listDevServerJobTemplates: templates');
  const created = await api.createDevServerJob({
    projectId, devServerJobCreateRequest: modelarts.DevServerJobCreateRequestFromJSON(createRequest),
  });
  expect(created.status === 'PROCESSING', 'createDevServerJob: a new job is PROCESSING');
  const shown = await api.showDevServerJob({ projectId, id: created.id! });
  expect(shown.id === created.id && typeof shown.createAt === 'number', 'showDevServerJob: the created job');
  const deleted = await api.deleteDevServerJobs({ projectId, serverJobDeleteRequest: { jobIds: [first.id!] } });
  expect(deleted.data!.map((job) => job.id).join() === first.id, 'deleteDevServerJobs: the finished job is deleted');
  const template = await api.showDevServerJobTemplate({ projectId, id: templates.data![0].id! });
  expect(template.id === templates.data![0].id, 'showDevServerJobTemplate: the listed template');
  const service = await api.showDevServerJobService({ projectId, id: '6a1f3c2e-8d4b-4e7a-9c15-2f0b7d9e4a31' });
  expect(service.status === 'RUNNING' && service.instances!.length > 0, 'showDevServerJobService: the documented service');
  return ['listDevServerJobs', 'listDevServerJobTemplates', 'createDevServerJob', 'showDevServerJob', 'deleteDevServerJobs',
    'showDevServerJobTemplate', 'showDevServerJobService'];
}

async function callOpenYuanrong(baseUrl: string, submitRequest: Json): Promise<string[]> {
  const api = new openyuanrong.JobsApi(new openyuanrong.Configuration({ basePath: baseUrl }));
  const jobs = await api.listJobs();
  expect(jobs.length > 0 && jobs.every((job) => typeof job.startTime === 'string'), 'listJobs: jobs with string times');
  const request = openyuanrong.JobSubmitRequestFromJSON(submitRequest);
  request.submissionId = 'typescript-' + Math.random().toString(16).slice(2, 10);
  const submitted = await api.submitJob({ jobSubmitRequest: request });
  const submissionId = submitted.submissionId!;
  const job = await api.getJob({ submissionId });
  expect(job.status === 'RUNNING', 'getJob: a submitted job is RUNNING');
  expect((await api.stopJob({ submissionId })) === true, 'stopJob: true');
  expect((await api.deleteJob({ submissionId })) === true, 'deleteJob: true');
  return ['listJobs', 'submitJob', 'getJob', 'stopJob', 'deleteJob'];
}

async function callGuardedOpenYuanrong(guardedUrl: string, token: string): Promise<string[]> {
  try {
    await new openyuanrong.JobsApi(new openyuanrong.Configuration({ basePath: guardedUrl })).listJobs();
    failures.push('listJobs without a token: not refused');
  } catch (e) {
    const status = e instanceof openyuanrong.ResponseError ? e.response.status : String(e);
    expect(status === 401, 'listJobs without a token: refused with 401, not ' + status);
  }
  const withToken = new openyuanrong.Configuration({ basePath: guardedUrl, headers: { 'X-Auth': token } });
  expect((await new openyuanrong.JobsApi(withToken).listJobs()).length > 0, 'listJobs with the token in X-Auth');
  return ['listJobs (token)'];
}

async function main(): Promise<void> {
  const [baseUrl, casesFile, guardedUrl, token] = process.argv.slice(2);
  const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8')) as { examples: Example[]; frontendJobs: Json[] };
  for (const e of cases.examples) {
    checkRoundTrip(e.spec, e.type, e.value, [e.spec, e.operationId, e.status, e.name].join(' '));
  }
  cases.frontendJobs.forEach((job, i) => checkRoundTrip('openyuanrong-jobs', 'JobDetails', job, 'frontend job shape ' + i));
  checkRoundTrip('openyuanrong-jobs', 'List[JobDetails]', cases.frontendJobs, 'all frontend job shapes in one list');
  const requests = new Map(cases.examples.filter((e) => e.status === 'request').map((e) => [e.operationId, e.value]));
  const operations: string[] = [];
  for (const call of [() => callModelArts(baseUrl, requests.get('createDevServerJob')!),
    () => callOpenYuanrong(baseUrl, requests.get('submitJob')!), () => callGuardedOpenYuanrong(guardedUrl, token)]) {
    try {
      operations.push(...await call());
    } catch (e) {
      failures.push('calling the mock server: ' + String(e));
    }
  }
  expect(jobTimeIsString && createAtIsANumber, 'the time types');
  console.log(JSON.stringify({
    examples: cases.examples.length, frontendJobs: cases.frontendJobs.length, modelArtsTimes, operations, failures,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
