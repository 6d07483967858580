'use strict';
// Reads a multipart/form-data request as it streams in: text fields are kept (capped), a file
// part is only counted and hashed, so a package of hundreds of MB is never held in memory.

const crypto = require('crypto');

const MAX_FIELD_BYTES = 64 * 1024;
const MAX_HEAD_BYTES = 8 * 1024;

/**
 * Resolves { fields: { name: [values] }, files: [{ name, fileName, contentType, size, sha256 }] },
 * or null when the body is not well-formed multipart (missing boundary, part head or final
 * delimiter, an oversize field).
 */
function readMultipartStream(req, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!match) return Promise.resolve(null);
	const first = Buffer.from(`--${match[1] || match[2]}`);
	const delimiter = Buffer.concat([Buffer.from('\r\n'), first]);
	const fields = {};
	const files = [];
	let pending = Buffer.alloc(0);
	let state = 'preamble'; // preamble → after → head → body → after … → done
	let part = null;
	let bad = false;

	const startPart = (head) => {
		const name = /name="([^"]*)"/i.exec(head);
		const fileName = /filename="([^"]*)"/i.exec(head);
		const type = /content-type:\s*([^\r\n]+)/i.exec(head);
		if (!name) return false;
		part = fileName
			? {
					file: { name: name[1], fileName: fileName[1], contentType: type ? type[1].trim() : '' },
					hash: crypto.createHash('sha256'),
					size: 0,
				}
			: { field: name[1], chunks: [], size: 0 };
		return true;
	};
	const feed = (chunk) => {
		part.size += chunk.length;
		if (part.hash) part.hash.update(chunk);
		else if (part.size > MAX_FIELD_BYTES) bad = true;
		else part.chunks.push(chunk);
	};
	const endPart = () => {
		if (part.hash) files.push({ ...part.file, size: part.size, sha256: part.hash.digest('hex') });
		else
			(fields[part.field] = fields[part.field] || []).push(Buffer.concat(part.chunks).toString());
		part = null;
	};

	const step = () => {
		for (;;) {
			if (bad || state === 'done') return;
			if (state === 'preamble') {
				const at = pending.indexOf(first);
				if (at < 0) return;
				pending = pending.subarray(at + first.length);
				state = 'after';
			} else if (state === 'after') {
				if (pending.length < 2) return;
				const two = pending.subarray(0, 2).toString();
				pending = pending.subarray(2);
				if (two === '--') state = 'done';
				else if (two === '\r\n') state = 'head';
				else bad = true;
			} else if (state === 'head') {
				const at = pending.indexOf('\r\n\r\n');
				if (at < 0) {
					if (pending.length > MAX_HEAD_BYTES) bad = true;
					return;
				}
				if (!startPart(pending.subarray(0, at).toString())) bad = true;
				pending = pending.subarray(at + 4);
				state = 'body';
			} else {
				const at = pending.indexOf(delimiter);
				if (at < 0) {
					// Keep what could be the start of a delimiter split across chunks.
					const keep = Math.min(pending.length, delimiter.length - 1);
					if (pending.length > keep) feed(pending.subarray(0, pending.length - keep));
					pending = Buffer.from(pending.subarray(pending.length - keep));
					return;
				}
				feed(pending.subarray(0, at));
				pending = pending.subarray(at + delimiter.length);
				endPart();
				state = 'after';
			}
		}
	};

	return new Promise((resolve, reject) => {
		req.on('data', (chunk) => {
			pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
			step();
		});
		req.on('end', () => resolve(bad || state !== 'done' ? null : { fields, files }));
		req.on('error', reject);
	});
}

module.exports = { readMultipartStream };
