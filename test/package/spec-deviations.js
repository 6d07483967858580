'use strict';

// Every place where the Teltonika RMS node deliberately differs from the vendor's OpenAPI document
// (rms-openapi.yaml in this folder). Each entry's `source` names the heading of
// docs/vendor-behaviour.md that gives the public evidence for the difference.
// openapi-contract.js uses this list: a problem covered by a `tolerate` entry is reported under
// `deviations` instead of `problems`, and a `require` entry adds a rule the spec does not have.
//
// Fields:
//   id         stable name, used in reports
//   operation  "METHOD /spec/path/{template}" (must exist in the spec; tested)
//   side       'request' | 'response'
//   kind       'tolerate' - the spec rejects it, we do it anyway (match says exactly what is allowed)
//              'require'  - the spec allows more, we promise less (constraint is checked as a rule)
//              'note'     - the spec's example/description differs, its schema does not catch it
//   match      for 'tolerate': { in, pointer | name, keyword, schema, each }
//                in: 'query' | 'body' | 'response'; pointer: JSON pointer, '*' = any array index;
//                name: query parameter name(s); keyword: the failed check ('undeclared', 'enum',
//                'type', 'pattern', ...); schema: what the offending value must still satisfy;
//                each: the spec's schema applies to every element of this (array) value instead.
//   constraint for 'require': { in, pointer, schema }
//   source     "docs/vendor-behaviour.md, <heading>" (the heading must exist; tested)
//   example    a request/response that shows the deviation (the raw spec flags it; tested)
//   onlyIfSent true when the entry must be removed again if no fixture request ever needs it

// limit/offset sent to a list whose spec declares neither: both still whole numbers from 0.
const PAGING_QUERY = {
	in: 'query',
	name: ['limit', 'offset'],
	keyword: 'undeclared',
	schema: { type: 'integer', minimum: 0 },
};

// A 200 answer to GET `path` with RMS's `{ success: true, data }` envelope.
const okAnswer = (path, data) => ({
	method: 'GET',
	path,
	status: 200,
	body: { success: true, data },
});

// POST /devices/remote-access of one config for device 777 at 192.168.1.10.
const createRequest = (name, port, protocol) => ({
	method: 'POST',
	path: '/devices/remote-access',
	body: {
		data: [
			{ device_id: 777, name, destination_ip: '192.168.1.10', destination_port: port, protocol },
		],
	},
});

// A response field of another type than the spec's, on the evidence under the `heading` of
// docs/vendor-behaviour.md, shown by a 200 answer with `data`.
const typeTolerated = (
	heading,
	{ id, operation, what, reason, pointer, schema, each, path, data },
) => ({
	id,
	operation,
	side: 'response',
	kind: 'tolerate',
	what,
	reason,
	source: `docs/vendor-behaviour.md, ${heading}`,
	match: { in: 'response', pointer, keyword: 'type', schema, ...(each && { each }) },
	example: okAnswer(path, data),
});

const deviations = [
	{
		id: 'protocol-sftp-telnet',
		operation: 'POST /devices/remote-access',
		side: 'request',
		kind: 'tolerate',
		what: 'data[].protocol may be "sftp" or "telnet"; the spec enum is http, https, ssh, rdp, vnc.',
		reason:
			'The node offers the union of the official "Generate RMS Connect link" guide and the spec ' +
			'(https, http, sftp, rdp, ssh, telnet, vnc). No source shows whether the API accepts the two ' +
			'extra values; if it does not, its 422 message reaches the user.',
		source: 'docs/vendor-behaviour.md, RMS: remote-access protocols',
		match: {
			in: 'body',
			pointer: '/data/*/protocol',
			keyword: 'enum',
			schema: { enum: ['sftp', 'telnet'] },
		},
		example: createRequest('Cam_SSH', 22, 'sftp'),
	},
	{
		id: 'remote-access-name-not-alpha-dash',
		operation: 'POST /devices/remote-access',
		side: 'request',
		kind: 'tolerate',
		what: 'data[].name is sent as the user typed it, e.g. with spaces; the spec says "alpha_dash only".',
		reason:
			'A real client has created configs with names such as "X Web Interface" since 2023, so the rule ' +
			"is not clearly enforced; the node does not rewrite the user's name (the 3-50 length still applies).",
		source: 'docs/vendor-behaviour.md, RMS: remote-access names',
		match: {
			in: 'body',
			pointer: '/data/*/name',
			keyword: 'pattern',
			schema: { type: 'string', minLength: 3, maxLength: 50 },
		},
		example: createRequest('Camera HTTPS', 443, 'https'),
	},
	{
		id: 'remote-access-list-limit-offset',
		operation: 'GET /devices/remote-access',
		side: 'request',
		kind: 'tolerate',
		onlyIfSent: true,
		what: 'limit/offset are sent to list remote-access configs; the spec declares only fields, fields_only, device_id.',
		reason:
			'Other RMS lists default to 10 items and silently cut lists short without a limit, so the node ' +
			'pages every list with limit/offset; whether this endpoint pages at all is unknown.',
		source: 'docs/vendor-behaviour.md, RMS: default page size',
		match: PAGING_QUERY,
		example: {
			method: 'GET',
			path: '/devices/remote-access',
			query: { device_id: '777', limit: '100', offset: '0' },
		},
	},
	{
		id: 'sessions-list-limit-offset',
		operation: 'GET /devices/connect/{access_id}/sessions',
		side: 'request',
		kind: 'tolerate',
		onlyIfSent: true,
		what: 'limit/offset are sent to list the sessions of an access id; the spec declares only `active`.',
		reason:
			'Same paging rule as every other list (a missing limit silently cuts lists at 10); whether ' +
			'the sessions list pages at all is unknown.',
		source: 'docs/vendor-behaviour.md, RMS: default page size',
		match: PAGING_QUERY,
		example: {
			method: 'GET',
			path: '/devices/connect/62375/sessions',
			query: { active: 'true', limit: '100', offset: '0' },
		},
	},
	{
		id: 'remote-access-delete-one-id',
		operation: 'DELETE /devices/remote-access',
		side: 'request',
		kind: 'require',
		what: 'The body carries exactly one access id per call; the spec takes an array of any length.',
		reason:
			'The API does not go through every id in the array; a real client deletes one id per request and waits on each channel.',
		source: 'docs/vendor-behaviour.md, RMS: bulk delete handles one id',
		constraint: { in: 'body', pointer: '/id', schema: { type: 'array', minItems: 1, maxItems: 1 } },
		example: { method: 'DELETE', path: '/devices/remote-access', body: { id: [62375, 62376] } },
	},
	typeTolerated('RMS: sessions list', {
		id: 'sessions-data-array',
		operation: 'GET /devices/connect/{access_id}/sessions',
		what: '`data` is read as an array of sessions; the spec says it is one session object.',
		reason:
			'Real responses carry an array (models generated from real JSON, and two live clients iterate it).',
		pointer: '/data',
		schema: { type: 'array' },
		each: true,
		path: '/devices/connect/62375/sessions',
		data: [{ id: 1, start_time: 1599041994, end_time: 1599043679, ttl: 1000 }],
	}),
	typeTolerated('RMS: loose types', {
		id: 'session-times-as-strings',
		operation: 'GET /devices/connect/{access_id}/sessions',
		what: 'start_time/end_time may be numeric strings (unix seconds); the spec says integer.',
		reason:
			'Since about March 2025 the API returns them as strings; the node converts them to numbers and ISO times.',
		pointer: ['/data/*/start_time', '/data/*/end_time'],
		schema: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' },
		path: '/devices/connect/62375/sessions',
		data: [{ id: 1, start_time: 1599041994, end_time: '1599043679' }],
	}),
	typeTolerated('RMS: loose types', {
		id: 'remote-access-flags-0-1',
		operation: 'GET /devices/remote-access',
		what: 'credentials_required and is_main may be 0/1; the spec says boolean.',
		reason: 'Real responses carry 0/1; the node turns them into booleans.',
		pointer: ['/data/*/credentials_required', '/data/*/is_main'],
		schema: { enum: [0, 1] },
		path: '/devices/remote-access',
		data: [{ id: 62375, device_id: 777, is_main: 0, credentials_required: 1 }],
	}),
	typeTolerated('RMS: loose types', {
		id: 'remote-access-port-as-string',
		operation: 'GET /devices/remote-access',
		what: 'destination_port may be a numeric string such as "443"; the spec says integer.',
		reason: 'Real responses often carry the port as a string; the node turns it into a number.',
		pointer: '/data/*/destination_port',
		schema: { type: 'string', pattern: '^[0-9]+$' },
		path: '/devices/remote-access',
		data: [{ id: 62375, device_id: 777, destination_port: '443' }],
	}),
	{
		id: 'connect-url-without-scheme',
		operation: 'GET /devices/connect/{access_id}/sessions',
		side: 'response',
		kind: 'note',
		what:
			'Session `url` (and the status-channel `link` of POST /devices/connect/{access_id}) is a bare host name; ' +
			'the spec example has "https://". The node adds "https://" when it is missing.',
		reason:
			'Real data has no scheme (a live client builds "https://" + url); the spec schema is a plain string, so only its example differs.',
		source: 'docs/vendor-behaviour.md, RMS: links without a scheme',
		// The schema cannot catch this, so prove that the spec really says otherwise from its example.
		specSays: (spec) =>
			/^https:\/\//.test(
				spec.components.schemas.inline_response_200_15_data.properties.url.example,
			),
	},
	{
		id: 'connect-logs-sort-descending',
		operation: 'GET /devices/connect/logs',
		side: 'request',
		kind: 'tolerate',
		onlyIfSent: true,
		what: 'sort may be a field name with a leading dash (e.g. -start_date); the enum lists the bare names.',
		reason:
			"The parameter's own description says a dash before the field name sorts descending, so the " +
			'enum is incomplete; the node offers newest first for an audit.',
		source: 'docs/vendor-behaviour.md, RMS: Connect logs',
		match: {
			in: 'query',
			name: 'sort',
			keyword: 'enum',
			schema: {
				type: 'string',
				pattern: '^-(start_date|end_date|company_name|input_data|output_data)$',
			},
		},
		example: {
			method: 'GET',
			path: '/devices/connect/logs',
			query: {
				start_date: '2025-05-26 00:00:00',
				end_date: '2025-06-02 00:00:00',
				sort: '-start_date',
			},
		},
	},
	// ---- Responses the simulator gives where the document says otherwise (checked by
	// simulator-responses.test.js; each one is how RMS answers, or the reading the node must
	// survive, as its source says).
	...['/data/*', '/data'].map((base) => ({
		id: base === '/data' ? 'device-readings-null' : 'devices-readings-null',
		operation: base === '/data' ? 'GET /devices/{id}' : 'GET /devices',
		side: 'response',
		kind: 'tolerate',
		what: 'An offline device has temperature, signal, connection_type, wan_state, wan_ip and mobile_ip null; the spec types them without nullable.',
		reason:
			'A router that is not connected has no current readings; the node passes device fields on as they come.',
		source: 'docs/vendor-behaviour.md, RMS: offline devices',
		match: {
			in: 'response',
			pointer: ['temperature', 'signal', 'connection_type', 'wan_state', 'wan_ip', 'mobile_ip'].map(
				(field) => `${base}/${field}`,
			),
			keyword: 'type',
			schema: { type: 'null' },
		},
		example: okAnswer(
			base === '/data' ? '/devices/1002' : '/devices',
			((device) => (base === '/data' ? device : [device]))({
				id: 1002,
				status: 0,
				temperature: null,
				signal: null,
				wan_ip: null,
			}),
		),
	})),
	...[
		['devices', 'GET /devices', '/devices', ['/data/*/last_connection_at'], true],
		['device', 'GET /devices/{id}', '/devices/1001', ['/data/last_connection_at'], false],
		[
			'remote-access',
			'GET /devices/remote-access',
			'/devices/remote-access',
			['/data/*/created_at'],
			true,
		],
	].map(([name, operation, path, pointer, list]) => ({
		id: `times-without-zone-${name}`,
		operation,
		side: 'response',
		kind: 'tolerate',
		what: 'Times are "Y-m-d H:i:s" without a time zone; the spec says format date-time (RFC 3339, with a zone).',
		reason: 'Real answers carry such texts; the node reads them as UTC.',
		source: 'docs/vendor-behaviour.md, RMS: loose types',
		match: {
			in: 'response',
			pointer,
			keyword: 'format',
			schema: {
				type: 'string',
				pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$',
			},
		},
		example: {
			method: 'GET',
			path,
			status: 200,
			body: {
				success: true,
				data: ((item) => (list ? [item] : item))({
					id: 1001,
					[pointer[0].split('/').pop()]: '2024-05-12 10:01:00',
				}),
			},
		},
	})),
	typeTolerated('RMS: main WebUI entries without protocol', {
		id: 'main-entry-protocol-null',
		operation: 'GET /devices/remote-access',
		what: "A device's main WebUI entry (is_main) may have protocol null; the spec says string.",
		reason:
			'A live client drops entries without a protocol; the node lists them with protocol null and never reuses one for another protocol.',
		pointer: '/data/*/protocol',
		schema: { type: 'null' },
		path: '/devices/remote-access',
		data: [{ id: 62004, device_id: 1002, is_main: true, protocol: null }],
	}),
	...[
		['device-get-404', 'GET /devices/{id}', 'GET', '/devices/99999'],
		[
			'remote-access-delete-404',
			'DELETE /devices/remote-access',
			'DELETE',
			'/devices/remote-access',
		],
	].map(([id, operation, method, path]) => ({
		id,
		operation,
		side: 'response',
		kind: 'tolerate',
		what: `${operation} of an unknown id answers 404 "Not found."; the spec declares no 404 for it.`,
		reason:
			id === 'device-get-404'
				? 'The document declares 404 for other operations on the same resources; the node reports a missing device by its id.'
				: 'Clearing duplicate configurations relies on it: a 404 means another worker deleted the copy first, and the clean-up carries on.',
		source: 'docs/vendor-behaviour.md, RMS: undeclared 404',
		match: { in: 'response', keyword: 'status', schema: { enum: ['404'] } },
		example: {
			method,
			path,
			status: 404,
			body: {
				success: false,
				errors: [{ code: 'NOT_FOUND', source: null, message: 'Not found.' }],
			},
		},
	})),
	typeTolerated('RMS: sessions without user fields', {
		id: 'session-user-fields-null',
		operation: 'GET /devices/connect/{access_id}/sessions',
		what: 'input_data, output_data and username of a session may be null; the spec says string.',
		reason: 'Nothing was recorded for them; the node passes them on as they come.',
		pointer: ['/data/*/input_data', '/data/*/output_data', '/data/*/username'],
		schema: { type: 'null' },
		path: '/devices/connect/62375/sessions',
		data: [{ id: 1, start_time: 1599041994, input_data: null, output_data: null, username: null }],
	}),
];

module.exports = { deviations };
