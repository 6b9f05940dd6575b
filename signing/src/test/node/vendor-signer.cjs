// The vendor's own signer as a line-oriented oracle: each input line is a JSON request
// {method, endpoint, queryParams, headers, body, ak, sk}; each output line is
// {"authorization": ...} as @huaweicloud/huaweicloud-sdk-core's AKSKSigner signs it, or {"error": ...}.
// `body` is JSON text or null: the SDK hashes JSON.stringify(data), so the text must survive a round trip.
'use strict';
const readline = require('readline');
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner');

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  let answer;
  try {
    const r = JSON.parse(line);
    const data = r.body === null ? undefined : JSON.parse(r.body);
    if (data !== undefined && JSON.stringify(data) !== r.body) {
      answer = { error: 'body does not survive JSON.stringify(JSON.parse(body)): ' + JSON.stringify(data) };
    } else {
      const queryParams = Object.fromEntries(Object.entries(r.queryParams));
      const headers = Object.fromEntries(Object.entries(r.headers));
      const signed = AKSKSigner.sign(
        { method: r.method, endpoint: r.endpoint, queryParams, headers, data },
        { getAk: () => r.ak, getSk: () => r.sk });
      answer = { authorization: signed.Authorization };
    }
  } catch (e) {
    answer = { error: String(e && e.stack || e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
