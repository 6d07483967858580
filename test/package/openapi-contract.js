'use strict';

// Checks RMS requests (and, for unit tests, responses) against the vendor's OpenAPI 3.0 document.
//   checkRequest({ method, path | url, query, body, baseUrl }, { baseUrl, statusUrl, deviations })
//     -> { operationId, operation: 'METHOD /template', problems: [], deviations: [], outOfScope? }
// A problem covered by an entry of spec-deviations.js moves from `problems` to `deviations`.

const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const Ajv = require('ajv');
const { deviations: DEVIATIONS } = require('./spec-deviations');

// The vendor's document, kept in the repository (its origin: docs/testing.md, RMS contract).
const SPEC_FILE = path.join(__dirname, 'rms-openapi.yaml');

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const RMS_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

// RFC 3339 date-time (what `format: date-time` means in a response): a time zone is required.
const RFC3339 =
	/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function makeAjv(coerceTypes, { zonedDateTime = false } = {}) {
	const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes });
	ajv.addFormat('ipv4', IPV4);
	// Request dates are "Y-m-d H:i:s" (the parameters say so), not RFC 3339; responses are held to
	// RFC 3339, so a time without a zone is a deviation to list. Other formats are informative.
	ajv.addFormat('date-time', zonedDateTime ? RFC3339 : true);
	for (const f of ['date', 'email', 'uri', 'binary', 'int64', 'float', 'password'])
		ajv.addFormat(f, true);
	return ajv;
}
const ajv = makeAjv(false);
const ajvQuery = makeAjv(true); // query and path values arrive as strings
const ajvResponse = makeAjv(false, { zonedDateTime: true });

let cache;
function loadSpec() {
	if (cache) return cache;
	const file = SPEC_FILE;
	const spec = yaml.load(fs.readFileSync(file, 'utf8'));
	const routes = Object.keys(spec.paths).map((template) => ({
		template,
		segments: splitPath(template),
	}));
	cache = { file, spec, routes, serverUrl: spec.servers[0].url, validators: new Map() };
	return cache;
}

function listOperations() {
	const { spec } = loadSpec();
	const ops = [];
	for (const [template, item] of Object.entries(spec.paths)) {
		for (const m of METHODS) if (item[m]) ops.push(`${m.toUpperCase()} ${template}`);
	}
	return ops;
}

// ---------- OpenAPI schema -> JSON Schema (resolved, with repairs of generator slips) ----------

function resolveRef(spec, ref) {
	return ref
		.replace(/^#\//, '')
		.split('/')
		.reduce((node, key) => node[key], spec);
}

function toJsonSchema(node, spec) {
	if (!node || typeof node !== 'object') return node;
	if (node.$ref) return toJsonSchema(resolveRef(spec, node.$ref), spec);
	const out = {};
	for (const [k, v] of Object.entries(node)) {
		if (k === 'properties') out.properties = mapValues(v, (s) => toJsonSchema(s, spec));
		else if (
			k === 'items' ||
			k === 'not' ||
			(k === 'additionalProperties' && typeof v === 'object')
		)
			out[k] = toJsonSchema(v, spec);
		else if (k === 'allOf' || k === 'anyOf' || k === 'oneOf')
			out[k] = v.map((s) => toJsonSchema(s, spec));
		else if (k !== 'example' && k !== 'xml' && k !== 'externalDocs') out[k] = v;
	}
	// Generator-flattened spec: object schemas lost their `type`; keep the intent so arrays are caught.
	if (out.properties && !out.type) out.type = 'object';
	// Same slip: `required` of array items sits on the array itself (device_remote_access_post.data).
	if (out.type === 'array' && Array.isArray(out.required) && out.items && out.items.properties) {
		out.items = {
			...out.items,
			required: [...new Set([...(out.items.required || []), ...out.required])],
		};
		delete out.required;
	}
	// destination_port is an integer with minLength/maxLength 0..65535: meant as a range.
	if (
		(out.type === 'integer' || out.type === 'number') &&
		('minLength' in out || 'maxLength' in out)
	) {
		if ('minLength' in out) out.minimum = out.minLength;
		if ('maxLength' in out) out.maximum = out.maxLength;
		delete out.minLength;
		delete out.maxLength;
	}
	// "pattern: Y-m-d H:i:s" is a PHP date format, not a regular expression.
	if (typeof out.pattern === 'string' && /^[YmdHisu:\- .]+$/.test(out.pattern)) delete out.pattern;
	// "alpha_dash only" is stated in prose only (Laravel rule: letters, digits, '-' and '_').
	if (out.type === 'string' && !out.pattern && /alpha_dash/.test(out.description || ''))
		out.pattern = '^[\\p{L}\\p{M}\\p{N}_-]+$';
	if (out.nullable === true) {
		if (out.type) out.type = [].concat(out.type, 'null');
		if (out.enum) out.enum = [...out.enum, null];
	}
	delete out.nullable;
	delete out.description;
	return out;
}

function mapValues(obj, fn) {
	return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

function validatorFor(key, schemaFn, instance = ajv) {
	const { validators } = loadSpec();
	if (!validators.has(key)) {
		const schema = schemaFn();
		validators.set(key, { schema, validate: instance.compile(schema) });
	}
	return validators.get(key);
}

// ---------- locating the operation ----------

function splitPath(p) {
	// keep empty segments: "//devices" must not match "/devices"
	return p.replace(/^\//, '').replace(/\/$/, '').split('/');
}

const isParam = (seg) => /^\{.+\}$/.test(seg);

// literal segments beat templates, left to right (/devices/remote-access over /devices/{id})
function compareSpecificity(a, b) {
	for (let i = 0; i < a.segments.length; i++) {
		const pa = isParam(a.segments[i]);
		const pb = isParam(b.segments[i]);
		if (pa !== pb) return pa ? 1 : -1;
	}
	return 0;
}

function matchRoute(relPath) {
	const segs = splitPath(relPath).map(safeDecode);
	const hits = loadSpec().routes.filter(
		(r) =>
			r.segments.length === segs.length &&
			r.segments.every((s, i) => (isParam(s) ? segs[i] !== '' : s === segs[i])),
	);
	if (!hits.length) return null;
	const route = hits.sort(compareSpecificity)[0];
	const params = {};
	route.segments.forEach((s, i) => {
		if (isParam(s)) params[s.slice(1, -1)] = segs[i];
	});
	return { template: route.template, params };
}

function safeDecode(s) {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

const trimSlash = (u) => String(u).replace(/\/+$/, '');

// Returns { rel, query } relative to the REST base, or { outOfScope } / { problem }.
function locate(req, opts) {
	const raw = String(req.url || req.path || '');
	const baseUrl = opts.baseUrl || req.baseUrl;
	let rel;
	if (/^[a-z]+:\/\//i.test(raw)) {
		const base = trimSlash(baseUrl || loadSpec().serverUrl);
		const url = new URL(raw);
		if (raw.startsWith(base) && /^($|[/?#])/.test(raw.slice(base.length))) {
			rel = raw.slice(base.length);
		} else if (
			(opts.statusUrl && raw.startsWith(trimSlash(opts.statusUrl))) ||
			url.pathname.startsWith('/status/channel/')
		) {
			return { outOfScope: 'status channel (served at the site root, not under the REST base)' };
		} else if (!baseUrl && url.pathname.startsWith(new URL(base).pathname + '/')) {
			rel = url.pathname.slice(new URL(base).pathname.length) + url.search; // same API on another host
		} else {
			return {
				problem: {
					in: 'url',
					keyword: 'base',
					value: raw,
					message: `${raw} is not under the REST base ${base}`,
				},
			};
		}
		if (/^\/status\/channel\//.test(rel)) {
			return {
				problem: {
					in: 'url',
					keyword: 'base',
					value: raw,
					message:
						'status channel requested under the REST base; it lives at the site root (docs/vendor-behaviour.md, RMS: status channels)',
				},
			};
		}
	} else {
		rel = raw.startsWith('/') ? raw : `/${raw}`;
		if (rel.startsWith('/status/channel/'))
			return { outOfScope: 'status channel (served at the site root, not under the REST base)' };
	}
	const [pathPart, search = ''] = rel.split('#')[0].split('?');
	let query = req.query;
	if (query === undefined || query === null) {
		query = {};
		for (const [k, v] of new URLSearchParams(search))
			query[k] = k in query ? [].concat(query[k], v) : v;
	}
	return { rel: pathPart || '/', query };
}

function resolve(req, opts) {
	const where = locate(req, opts);
	if (where.outOfScope || where.problem) return where;
	const route = matchRoute(where.rel);
	if (!route)
		return {
			problem: {
				in: 'path',
				keyword: 'path',
				value: where.rel,
				message: `no spec path matches ${where.rel}`,
			},
		};
	const method = String(req.method || 'GET').toLowerCase();
	const item = loadSpec().spec.paths[route.template];
	const operation = `${method.toUpperCase()} ${route.template}`;
	if (!item[method]) {
		const allowed = METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
		return {
			problem: {
				in: 'method',
				keyword: 'method',
				value: method.toUpperCase(),
				message: `${operation} is not in the spec (allowed: ${allowed.join(', ')})`,
			},
		};
	}
	const op = item[method];
	const { spec } = loadSpec();
	// path-level parameters, overridden by operation-level ones of the same name and place
	const params = new Map();
	for (const p of [...(item.parameters || []), ...(op.parameters || [])]) {
		const r = p.$ref ? resolveRef(spec, p.$ref) : p;
		params.set(`${r.in}:${r.name}`, r);
	}
	return { ...where, route, operation, op, params: [...params.values()] };
}

// ---------- checks ----------

function valueProblems(where, name, value, param, operation) {
	if (Array.isArray(value) && param.schema && param.schema.type !== 'array') {
		return [
			{
				in: where,
				name,
				keyword: 'type',
				value,
				message: `${where} parameter "${name}" sent more than once`,
			},
		];
	}
	// "Pattern: Y-m-d H:i:s" in a parameter's description is a PHP date format (the schema has none).
	if (/Pattern: Y-m-d H:i:s/.test(param.description || '') && !RMS_DATE.test(String(value))) {
		return [
			{
				in: where,
				name,
				keyword: 'format',
				value,
				message: `${where} parameter "${name}"=${JSON.stringify(value)} is not "Y-m-d H:i:s"`,
			},
		];
	}
	const key = `${operation}|${where}:${name}`;
	const { validate } = validatorFor(
		key,
		() => ({
			type: 'object',
			properties: { v: toJsonSchema(param.schema || {}, loadSpec().spec) },
		}),
		ajvQuery,
	);
	const holder = { v: Array.isArray(value) ? value.map(String) : String(value) };
	if (validate(holder)) return [];
	return validate.errors.map((e) => ({
		in: where,
		name,
		keyword: e.keyword,
		value,
		message: `${where} parameter "${name}"=${JSON.stringify(value)} ${e.message}${e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`,
	}));
}

function schemaProblems(where, validate, data, prefix = '') {
	if (validate(data)) return [];
	return validate.errors.map((e) => {
		let pointer = e.instancePath;
		if (e.keyword === 'required') pointer += `/${e.params.missingProperty}`;
		if (e.keyword === 'additionalProperties') pointer += `/${e.params.additionalProperty}`;
		const value = e.keyword === 'required' ? undefined : getAt(data, e.instancePath);
		const allowed = e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '';
		const got = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
		return {
			in: where,
			pointer: prefix + pointer,
			keyword: e.keyword,
			value,
			message: `${where} ${prefix + pointer || '/'} ${e.message}${allowed}${got}`,
		};
	});
}

function getAt(data, pointer) {
	if (!pointer) return data;
	return pointer
		.split('/')
		.slice(1)
		.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), data);
}

function schemaAt(schema, pointer) {
	return pointer
		.split('/')
		.slice(1)
		.reduce(
			(s, key) =>
				!s ? undefined : /^\d+$/.test(key) && s.items ? s.items : (s.properties || {})[key],
			schema,
		);
}

function pointerMatches(pattern, pointer) {
	const a = pattern.split('/');
	const b = String(pointer).split('/');
	return (
		a.length === b.length && a.every((t, i) => t === b[i] || (t === '*' && /^\d+$/.test(b[i])))
	);
}

// one compiled wrapper per deviation schema (ajv caches by schema object identity)
const wrapped = new WeakMap();
function queryValidator(schema) {
	if (!wrapped.has(schema))
		wrapped.set(schema, ajvQuery.compile({ type: 'object', properties: { v: schema } }));
	return wrapped.get(schema);
}

function covers(dev, operation, side, p) {
	const m = dev.match;
	if (dev.kind !== 'tolerate' || dev.operation !== operation || dev.side !== side) return false;
	if (m.in !== p.in || m.keyword !== p.keyword) return false;
	if (m.name && ![].concat(m.name).includes(p.name)) return false;
	if (m.pointer && ![].concat(m.pointer).some((pat) => pointerMatches(pat, p.pointer)))
		return false;
	if (!m.schema) return true;
	// the offending value must still be what the deviation allows, nothing wilder
	if (p.in === 'query') return queryValidator(m.schema)({ v: String(p.value) });
	return ajv.validate(m.schema, p.value);
}

// Sorts problems into uncovered and covered; `each` deviations re-check array elements.
function applyDeviations(problems, { operation, side, devs, data, schema }) {
	const kept = [];
	const covered = [];
	const queue = [...problems];
	while (queue.length) {
		const p = queue.shift();
		const dev = devs.find((d) => covers(d, operation, side, p));
		if (!dev) {
			kept.push(p);
			continue;
		}
		covered.push({ id: dev.id, ...p });
		const sub = dev.match.each && Array.isArray(p.value) && schemaAt(schema, p.pointer);
		if (sub) {
			const key = `${operation}|${side}|each:${p.pointer}`;
			const { validate } = validatorFor(key, () => sub, side === 'response' ? ajvResponse : ajv);
			p.value.forEach((el, i) =>
				queue.push(...schemaProblems(p.in, validate, el, `${p.pointer}/${i}`)),
			);
		}
	}
	for (const dev of devs) {
		if (dev.kind !== 'require' || dev.operation !== operation || dev.side !== side) continue;
		const c = dev.constraint;
		const value = getAt(data, c.pointer);
		if (value !== undefined && !ajv.validate(c.schema, value)) {
			kept.push({
				in: c.in,
				pointer: c.pointer,
				keyword: 'deviation',
				deviation: dev.id,
				value,
				message: `${dev.id}: ${dev.what} (got ${JSON.stringify(value)})`,
			});
		}
	}
	return { problems: kept, deviations: covered };
}

function parseBody(body) {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return { body };
	if (body === '') return { body: undefined };
	try {
		return { body: JSON.parse(body) };
	} catch {
		return { problem: { in: 'body', keyword: 'json', value: body, message: 'body is not JSON' } };
	}
}

const isEmpty = (b) =>
	b === undefined ||
	b === null ||
	(typeof b === 'object' && !Array.isArray(b) && Object.keys(b).length === 0);

/** The result for a call that names no operation of the spec, or one out of scope. */
function unresolvedResult(r) {
	if (r.outOfScope)
		return {
			operationId: null,
			operation: null,
			outOfScope: r.outOfScope,
			problems: [],
			deviations: [],
		};
	return { operationId: null, operation: null, problems: [r.problem], deviations: [] };
}

function checkRequest(req, opts = {}) {
	const r = resolve(req, opts);
	if (r.outOfScope || r.problem) return unresolvedResult(r);
	const { operation, op } = r;
	const devs = opts.deviations || DEVIATIONS;
	const problems = [];

	for (const p of r.params.filter((x) => x.in === 'path'))
		problems.push(...valueProblems('path', p.name, r.route.params[p.name], p, operation));

	const declared = new Map(r.params.filter((x) => x.in === 'query').map((x) => [x.name, x]));
	for (const [name, value] of Object.entries(r.query || {})) {
		if (value === undefined) continue;
		const p = declared.get(name);
		if (p) problems.push(...valueProblems('query', name, value, p, operation));
		else
			problems.push({
				in: 'query',
				name,
				keyword: 'undeclared',
				value,
				message: `query parameter "${name}" is not declared for ${operation}`,
			});
	}
	for (const p of declared.values()) {
		if (p.required && (r.query || {})[p.name] === undefined) {
			problems.push({
				in: 'query',
				name: p.name,
				keyword: 'required',
				message: `required query parameter "${p.name}" is missing`,
			});
		}
	}

	const parsed = parseBody(req.body);
	const body = parsed.body;
	let schema;
	if (parsed.problem) problems.push(parsed.problem);
	else if (!op.requestBody) {
		if (!isEmpty(body))
			problems.push({
				in: 'body',
				keyword: 'body',
				value: body,
				message: `${operation} takes no request body`,
			});
	} else {
		const rb = op.requestBody.$ref
			? resolveRef(loadSpec().spec, op.requestBody.$ref)
			: op.requestBody;
		const media = (rb.content || {})['application/json'];
		if (!media)
			problems.push({ in: 'body', keyword: 'content', message: `${operation} takes no JSON body` });
		else if (body === undefined || body === null) {
			problems.push({ in: 'body', keyword: 'required', message: `${operation} needs a JSON body` });
		} else {
			const v = validatorFor(`${operation}|body`, () =>
				toJsonSchema(media.schema, loadSpec().spec),
			);
			schema = v.schema;
			problems.push(...schemaProblems('body', v.validate, body));
		}
	}
	return {
		operationId: op.operationId,
		operation,
		...applyDeviations(problems, { operation, side: 'request', devs, data: body, schema }),
	};
}

// For unit tests and fixtures that record responses: checks a JSON response body by status code.
function checkResponse(res, opts = {}) {
	const r = resolve(res, opts);
	if (r.outOfScope || r.problem) return unresolvedResult(r);
	const { operation, op } = r;
	const devs = opts.deviations || DEVIATIONS;
	const status = String(res.status || 200);
	const declared = op.responses[status] || op.responses.default;
	if (!declared) {
		const problem = {
			in: 'response',
			keyword: 'status',
			value: status,
			message: `${operation} declares no ${status} response`,
		};
		return {
			operationId: op.operationId,
			operation,
			...applyDeviations([problem], { operation, side: 'response', devs, data: undefined }),
		};
	}
	const media = (declared.content || {})['application/json'];
	const { body, problem } = parseBody(res.body);
	if (problem || !media)
		return {
			operationId: op.operationId,
			operation,
			problems: problem ? [{ ...problem, in: 'response' }] : [],
			deviations: [],
		};
	const v = validatorFor(
		`${operation}|${status}`,
		() => toJsonSchema(media.schema, loadSpec().spec),
		ajvResponse,
	);
	const problems = schemaProblems('response', v.validate, body);
	return {
		operationId: op.operationId,
		operation,
		...applyDeviations(problems, {
			operation,
			side: 'response',
			devs,
			data: body,
			schema: v.schema,
		}),
	};
}

module.exports = {
	checkRequest,
	checkResponse,
	listOperations,
	loadSpec,
	matchRoute,
	toJsonSchema,
	DEVIATIONS,
};
