// The mini-program's API layer (api/*.js) against the server's OpenAPI document (Api/openapi.json, kept equal to
// the served document by the .NET test OpenApiSnapshotTests). Every function of every api module is called with a
// client that records the request and answers with a sample built from the documented response schema; the sample
// refuses (records) every read of a field the schema does not have. The test fails when the API layer calls a
// path or method the document does not have, sends a body or query field the operation does not take, or reads a
// response field the document does not promise.
const fs = require('fs');
const path = require('path');

const documentPath = path.join(__dirname, '..', '..', 'Api', 'openapi.json');
const doc = JSON.parse(fs.readFileSync(documentPath, 'utf8'));
const apiFolder = path.join(__dirname, '..', 'api');

/** Sample arguments: ids are numbers, so destructured objects give undefined fields and pass-through bodies are skipped. */
const SAMPLE_ARGS = [7, 7, 7];

function resolve(schema) {
  let s = schema || {};
  for (let i = 0; s.$ref && i < 20; i++) s = doc.components.schemas[s.$ref.split('/').pop()];
  if (s.allOf && s.allOf.length === 1) return resolve(s.allOf[0]);
  return s;
}

function schemaName(schema) {
  return schema && schema.$ref ? schema.$ref.split('/').pop() : 'the schema';
}

// Reads the JS runtime makes on any object (promise resolution, printing) are not reads of the API's fields.
const INTRINSIC = new Set(['then', 'toJSON', 'constructor', 'valueOf', 'toString', 'length', 'asymmetricMatch', '$$typeof', 'nodeType', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@']);

/** A value shaped like the schema; objects are proxies that record reads of undocumented fields into `misses`. */
function sample(schema, where, misses, depth = 0) {
  const s = resolve(schema);
  if (s.enum) return s.enum.find((v) => v !== null);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  // A recursive schema (the unit tree's children) ends in an empty list.
  if (type === 'array') return depth > 6 ? [] : [sample(s.items, where + '[]', misses, depth + 1)];
  if (type === 'string') return s.format === 'date-time' ? '2026-03-01T09:00:00+08:00' : s.format === 'date' ? '2026-03-01' : 'x';
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type !== 'object' && !s.properties) return {};
  const props = s.properties || {};
  const target = {};
  Object.keys(props).forEach((k) => {
    target[k] = sample(props[k], where + '.' + k, misses, depth + 1);
  });
  if (s.additionalProperties) return target; // a dictionary: any key
  const name = schemaName(schema);
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'string' && !(prop in t) && !INTRINSIC.has(prop) && !(prop in Object.prototype)) {
        misses.push(where + ': reads "' + prop + '", which ' + name + ' does not have');
      }
      return Reflect.get(t, prop);
    },
  });
}

const templates = Object.keys(doc.paths).map((template) => ({
  template,
  params: (template.match(/\{/g) || []).length,
  pattern: new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));

function findOperation(method, url) {
  const [pathname] = url.split('?');
  const matches = templates.filter((t) => t.pattern.test(pathname) && doc.paths[t.template][method.toLowerCase()]);
  matches.sort((a, b) => a.params - b.params);
  return matches.length ? { template: matches[0].template, operation: doc.paths[matches[0].template][method.toLowerCase()] } : null;
}

function successResponse(operation) {
  const code = Object.keys(operation.responses).filter((c) => /^2/.test(c)).sort()[0];
  const response = code && operation.responses[code];
  const content = response && response.content && (response.content['application/json'] || Object.values(response.content)[0]);
  return content ? content.schema : null;
}

function queryKeys(url, query) {
  const keys = Object.keys(query || {}).filter((k) => query[k] !== undefined && query[k] !== null && query[k] !== '');
  const qs = url.split('?')[1];
  if (qs) qs.split('&').forEach((pair) => keys.push(decodeURIComponent(pair.split('=')[0])));
  return keys;
}

/** Calls every exported function of one api module with a recording client; returns the problems found. */
async function checkModule(file, folder = apiFolder) {
  const problems = [];
  const calls = [];

  jest.resetModules();
  jest.doMock('../api/client', () => {
    const record = (method, url, { query, data } = {}) => {
      const where = method + ' ' + url;
      const found = findOperation(method, url);
      calls.push(where);
      if (!found) {
        problems.push(where + ': no such operation in the OpenAPI document');
        return Promise.resolve(null);
      }
      const { operation, template } = found;
      const label = method + ' ' + template;
      const documentedQuery = (operation.parameters || []).filter((p) => p.in === 'query').map((p) => p.name);
      queryKeys(url, query).forEach((k) => {
        if (!documentedQuery.includes(k)) problems.push(label + ': sends query "' + k + '", which the operation does not take');
      });
      const body = operation.requestBody && operation.requestBody.content && operation.requestBody.content['application/json'];
      if (data && typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length) {
        if (!body) {
          problems.push(label + ': sends a body, which the operation does not take');
        } else {
          const properties = resolve(body.schema).properties || {};
          Object.keys(data).forEach((k) => {
            if (!(k in properties)) problems.push(label + ': sends "' + k + '", which ' + schemaName(body.schema) + ' does not have');
          });
        }
      }
      const schema = successResponse(operation);
      return Promise.resolve(schema ? sample(schema, label, problems) : null);
    };
    return {
      get: (url, query) => record('GET', url, { query }),
      items: (url, query) => record('GET', url, { query }).then((page) => page && page.items),
      post: (url, data, query) => record('POST', url, { data, query }),
      create: (url, data) => record('POST', url, { data }),
      put: (url, data) => record('PUT', url, { data }),
      del: (url) => record('DELETE', url),
      request: (method, url, options) => record(method, url, options),
      download: (url) => record('GET', url).then(() => '/tmp/file'),
      login: () => record('POST', '/api/auth/wechat-login', { data: { code: 'x' } }),
      newIdempotencyKey: () => 'k',
      showError: () => {},
    };
  });
  const api = require(path.join(folder, file));
  for (const name of Object.keys(api)) {
    if (typeof api[name] !== 'function') continue;
    const before = calls.length;
    try {
      await api[name](...SAMPLE_ARGS);
    } catch (err) {
      // A helper that takes no ids (normalizeSubscriptions) may refuse the sample arguments; a call must not.
      if (calls.length > before) problems.push(file + ' ' + name + ': threw ' + err.message);
    }
  }
  jest.dontMock('../api/client');
  return { problems, calls };
}

// Modules that call the server; api/limits.js holds only values, checked against the document by limits.test.js.
const modules = fs.readdirSync(apiFolder).filter((f) => f.endsWith('.js') && f !== 'client.js'
  && Object.values(require(path.join(apiFolder, f))).some((v) => typeof v === 'function'));

describe('API layer against the OpenAPI document', () => {
  test('the document is the one the .NET test keeps in sync', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
  });

  test.each(modules)('api/%s calls only documented operations, sends only documented fields and reads only documented ones', async (file) => {
    const { problems, calls } = await checkModule(file);
    expect(problems).toEqual([]);
    // A module whose functions reach the server at all was exercised.
    if (file !== 'brand.js' || calls.length) expect(calls.length).toBeGreaterThan(0);
  });

  test('the checker reports a guessed field, an undocumented body field and an unknown path', async () => {
    const { problems } = await checkModule('guessing-api.js', path.join(__dirname, 'fixtures'));
    expect(problems).toEqual([
      'GET /api/org/units: reads "units", which ListUnitsNodePage does not have',
      'POST /api/members/bind: sends "nickname", which BindMemberRequest does not have',
      'GET /api/no-such-thing: no such operation in the OpenAPI document',
    ]);
  });

  test('the samples record reads of undocumented fields only', async () => {
    const misses = [];
    const notices = findOperation('GET', '/api/notices');
    const page = sample(successResponse(notices.operation), 'GET /api/notices', misses);
    void page.cursor; // not in the document: must be caught
    void page.items[0].title; // documented
    expect(misses).toEqual(['GET /api/notices: reads "cursor", which ' + schemaName(successResponse(notices.operation)) + ' does not have']);
    expect(findOperation('GET', '/api/no-such-thing')).toBeNull();
    expect(findOperation('DELETE', '/api/notices')).toBeNull();
  });
});
