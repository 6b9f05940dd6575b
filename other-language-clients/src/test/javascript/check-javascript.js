// Calls every operation of both APIs on the mock server through the clients openapi-generator's `javascript`
// generator makes with default options (callbacks, superagent), and compares each read's decoded models with the raw
// answer of the same GET. The plan (which operation, which arguments, in which order) is written by
// GeneratedJavaScriptClientsTest from the specs; the generated ES modules are transpiled to CommonJS before this runs.
'use strict';
const { readFileSync } = require('fs');
const path = require('path');

/** The value with every object's keys sorted, so that two readings compare by content, not by key order. */
function canonical(value) {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  }
  return value;
}

/** Calls the generated method with its required arguments, an empty `opts` where it takes one, and a callback. */
function invoke(api, operationId, args) {
  const method = api[operationId];
  if (typeof method !== 'function') {
    return Promise.reject(new Error('the client has no method ' + operationId));
  }
  const withOpts = method.length === args.length + 2 ? [...args, {}] : args;
  return new Promise((resolve, reject) => {
    method.call(api, ...withOpts, (error, data, response) => (error ? reject(error) : resolve({ data, response })));
  });
}

async function main() {
  const [planFile, baseUrl, generated] = process.argv.slice(2);
  const plan = JSON.parse(readFileSync(planFile, 'utf8'));
  const failures = [];
  const operations = [];
  let compared = 0;
  let numericTimes = 0;
  for (const call of plan) {
    try {
      const library = require(path.join(generated, call.api, 'src', 'index.js'));
      const api = new library[call.apiClass](new library.ApiClient(baseUrl));
      const raw = call.read ? await (await fetch(call.url)).json() : undefined;
      const answer = await invoke(api, call.operationId, call.args);
      if (call.read) {
        const read = JSON.stringify(canonical(JSON.parse(JSON.stringify(answer.data))));
        if (read !== JSON.stringify(canonical(raw))) {
          failures.push(call.operationId + ': read ' + read + ', raw ' + JSON.stringify(canonical(raw)));
        } else {
          compared++;
        }
        JSON.stringify(answer.data, (key, value) => {
          if ((key === 'create_at' || key === 'update_at') && typeof value === 'number') {
            numericTimes++;
          }
          return value;
        });
      }
      operations.push(call.operationId);
    } catch (e) {
      failures.push(call.api + ' ' + call.operationId + ': ' + String(e && e.stack ? e.stack : e));
    }
  }
  console.log(JSON.stringify({ operations, compared, numericTimes, failures }));
}

main().catch((e) => {
  console.log(JSON.stringify({ operations: [], compared: 0, numericTimes: 0, failures: [String(e)] }));
});
