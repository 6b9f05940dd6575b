// Converts each spec to a Postman collection with openapi-to-postmanv2 (the converter Postman uses) into
// target/postman/, and fails unless the conversion succeeds with one request per operation of the spec.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const converter = require('openapi-to-postmanv2');
const yaml = require('js-yaml');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function requests(items, found = []) {
  for (const item of items ?? []) {
    if (item.request) found.push(item.request.method.toLowerCase() + ' ' + item.name);
    requests(item.item, found);
  }
  return found;
}

mkdirSync('target/postman', { recursive: true });
let failed = false;
for (const file of readdirSync('.').filter((f) => f.endsWith('.yaml') && !f.startsWith('.')).sort()) {
  const text = readFileSync(file, 'utf8');
  const spec = yaml.load(text);
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      if (item[method]) operations.push(method + ' ' + item[method].summary + ' (' + path + ')');
    }
  }
  const result = await new Promise((resolve) => converter.convert({ type: 'string', data: text },
    { requestNameSource: 'Fallback', folderStrategy: 'Tags' }, (error, out) => resolve(error ? { result: false, reason: String(error) } : out)));
  if (!result.result) {
    console.error(`${file}: the Postman conversion failed: ${result.reason}`);
    failed = true;
    continue;
  }
  const collection = result.output[0].data;
  const names = requests(collection.item);
  const missing = operations.filter((op) => !names.includes(op.slice(0, op.indexOf(' (')).replace(/^(\w+) /, '$1 ')));
  writeFileSync(`target/postman/${file.replace(/\.yaml$/, '.postman_collection.json')}`, JSON.stringify(collection, null, 2));
  if (names.length !== operations.length || missing.length > 0) {
    console.error(`${file}: ${names.length} Postman requests for ${operations.length} operations; missing: ${missing.join('; ')}`);
    failed = true;
  } else {
    console.log(`${file}: Postman collection with all ${operations.length} operations -> target/postman/`);
  }
}
process.exit(failed ? 1 : 0);
