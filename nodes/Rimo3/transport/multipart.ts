import { randomBytes } from 'crypto';
import { BodyStream } from './bodyStream';

/** The file's bytes as n8n's binary helpers give them (a Node stream, or a held buffer). */
export interface ByteSource extends AsyncIterable<Buffer | Uint8Array | string> {
	destroy?: () => unknown;
}

export interface MultipartFile {
	name: string;
	fileName: string;
	contentType: string;
	/** Exact byte count of the file: the body's Content-Length is known before anything is read. */
	size: number;
	/** A fresh stream of the file's bytes, once per attempt (a stream can be sent only once). */
	open: () => Promise<ByteSource>;
}

/** A multipart body that is built while it is sent, never held whole in memory. */
export interface StreamedBody {
	contentType: string;
	length: number;
	open: () => Promise<BodyStream>;
}

/** `type/subtype` in RFC 7230 token characters, nothing else (no parameters, no CR or LF). */
const MIME_TYPE = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+\/[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export function isMimeType(value: string): boolean {
	return MIME_TYPE.test(value);
}

/** Yields the file's bytes and fails when their count differs from the size announced. */
async function* counted(file: ByteSource, size: number): AsyncGenerator<Buffer> {
	let sent = 0;
	for await (const chunk of file) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		sent += bytes.length;
		if (sent > size) break;
		yield bytes;
	}
	if (sent !== size) {
		file.destroy?.();
		throw new Error(`The file has ${sent > size ? 'more' : 'fewer'} bytes than its size ${size}`);
	}
}

/**
 * multipart/form-data as a stream: the text fields and the file's part head, then the file
 * piped from its own stream, then the closing boundary. Each `open()` starts a new body.
 */
export function buildMultipart(fields: Array<[string, string]>, file: MultipartFile): StreamedBody {
	const boundary = `----n8nRimo3${randomBytes(12).toString('hex')}`;
	// Names and file names sit inside quotes of a header line: no quote, CR, LF or other control.
	const quote = (value: string) =>
		Array.from(value, (c) =>
			c === '"' || c === '\\' || c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '_' : c,
		).join('');
	if (!isMimeType(file.contentType))
		throw new Error('The MIME type of the file is not of the form type/subtype');
	const head = Buffer.from(
		fields
			.map(
				([name, value]) =>
					`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
			)
			.join('') +
			`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.name)}"; filename="${quote(file.fileName)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
		'utf8',
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
	return {
		contentType: `multipart/form-data; boundary=${boundary}`,
		length: head.length + file.size + tail.length,
		open: async () => {
			const source = await file.open();
			async function* body(): AsyncGenerator<Buffer> {
				yield head;
				yield* counted(source, file.size);
				yield tail;
			}
			// A body abandoned half-way (error, timeout) closes the file too.
			return new BodyStream(body, () => source.destroy?.());
		},
	};
}
