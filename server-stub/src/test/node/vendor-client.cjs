// Calls the server at argv[2] with the HTTP client of Huawei Cloud's Node.js SDK core, which signs every request
// with AK/SK from the SDK's own environment variables (HUAWEICLOUD_SDK_AK, _SK, _PROJECT_ID). Standard input is a
// JSON array of calls {operationId, method, url, queryParams, data}; each answer is one output line
// 'ANSWER {operationId, status, body}' (body as JSON text), whether the call succeeded or failed; the SDK's own
// logger writes to standard output too.
'use strict';
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');

async function main() {
  const input = require('fs').readFileSync(0, 'utf8');
  const client = new ClientBuilder((hcClient) => hcClient, 'BasicCredentials').withEndpoint(process.argv[2]).build();
  for (const call of JSON.parse(input)) {
    let status;
    let body;
    try {
      const answer = await client.sendRequest({
        method: call.method, url: call.url, contentType: 'application/json', headers: {},
        pathParams: {}, queryParams: call.queryParams || {}, data: call.data,
      });
      status = answer.httpStatusCode;
      delete answer.httpStatusCode;
      body = answer;
    } catch (e) {
      status = e.httpStatusCode || (e.getHttpCode && e.getHttpCode()) || 0;
      body = { error_code: e.errorCode, error_msg: e.errorMsg, request_id: e.requestId };
    }
    process.stdout.write('ANSWER ' + JSON.stringify({ operationId: call.operationId, status, body: JSON.stringify(body) }) + '\n');
  }
}

main().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
