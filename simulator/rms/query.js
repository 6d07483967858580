'use strict';
// Query-string handling shared by the RMS list endpoints (docs/vendor-behaviour.md, RMS: default
// page size): limit/offset paging, `fields` trimming, `fields_only`, `sort` and comma-separated id
// filters.

const { fail, validationError } = require('./envelope');

function invalid(source, message) {
	fail(validationError([{ source, message }]));
}

function parseNonNegativeInt(value, source) {
	if (!/^\d+$/.test(String(value)))
		invalid(source, `The ${source} must be an integer of at least 0.`);
	return Number(value);
}

/** `defaultLimit` Infinity = no paging unless the client sends limit/offset. */
function parsePaging(query, defaultLimit) {
	const limit =
		query.limit === undefined ? defaultLimit : parseNonNegativeInt(query.limit, 'limit');
	const offset = query.offset === undefined ? 0 : parseNonNegativeInt(query.offset, 'offset');
	return { limit, offset };
}

/** "7441,5558" -> [7441, 5558]; undefined when the parameter is absent. */
function parseIdList(value, source) {
	if (value === undefined) return undefined;
	const parts = String(value)
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	if (!parts.every((p) => /^\d+$/.test(p)))
		invalid(source, `The ${source} must be a list of integers.`);
	return parts.map(Number);
}

function pickFields(item, fields) {
	if (!fields) return item;
	const wanted = String(fields)
		.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
	return Object.fromEntries(wanted.filter((f) => f in item).map((f) => [f, item[f]]));
}

/** "-id,name": a leading dash sorts descending. Default: id ascending. */
function sortItems(items, sort) {
	const keys = String(sort || 'id')
		.split(',')
		.map((k) => k.trim())
		.filter(Boolean);
	const compare = (a, b) => {
		for (const key of keys) {
			const desc = key.startsWith('-');
			const field = desc ? key.slice(1) : key;
			const x = a[field] ?? '';
			const y = b[field] ?? '';
			if (x < y) return desc ? 1 : -1;
			if (x > y) return desc ? -1 : 1;
		}
		return 0;
	};
	return [...items].sort(compare);
}

function sortersMeta(sort) {
	const sorters = {};
	for (const key of String(sort || 'id')
		.split(',')
		.filter(Boolean)) {
		sorters[key.replace(/^-/, '')] = key.startsWith('-') ? 'desc' : 'asc';
	}
	return sorters;
}

/**
 * Sorts, pages and trims a filtered list into the RMS list envelope body parts.
 * `filters` are echoed in meta.filters as string arrays, as real responses do.
 */
function pageList(items, query, { defaultLimit, filters = {} }) {
	const { limit, offset } = parsePaging(query, defaultLimit);
	const sorted = sortItems(items, query.sort);
	const page = sorted.slice(offset, offset + limit).map((item) => pickFields(item, query.fields));
	const meta = { total: items.length, sorters: sortersMeta(query.sort) };
	const used = Object.entries(filters).filter(([, v]) => v !== undefined);
	if (used.length)
		meta.filters = Object.fromEntries(used.map(([k, v]) => [k, String(v).split(',')]));
	return { data: page, meta };
}

const isFieldsOnly = (query) => query.fields_only === 'true' || query.fields_only === '1';

module.exports = { parsePaging, parseIdList, pickFields, pageList, isFieldsOnly, invalid };
