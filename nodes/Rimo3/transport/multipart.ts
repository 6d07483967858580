import { randomBytes } from 'crypto';

export interface MultipartFile {
	name: string;
	fileName: string;
	contentType: string;
	data: Buffer;
}

/** `type/subtype` in RFC 7230 token characters, nothing else (no parameters, no CR or LF). */
const MIME_TYPE = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+\/[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export function isMimeType(value: string): boolean {
	return MIME_TYPE.test(value);
}

/** multipart/form-data as one Buffer, so the request can be sent again unchanged (token renewal). */
export function buildMultipart(
	fields: Array<[string, string]>,
	file: MultipartFile,
): { body: Buffer; contentType: string } {
	const boundary = `----n8nRimo3${randomBytes(12).toString('hex')}`;
	// Names and file names sit inside quotes of a header line: no quote, CR, LF or other control.
	const quote = (value: string) =>
		Array.from(value, (c) =>
			c === '"' || c === '\\' || c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '_' : c,
		).join('');
	if (!isMimeType(file.contentType))
		throw new Error('The MIME type of the file is not of the form type/subtype');
	const parts: Buffer[] = [];
	for (const [name, value] of fields) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
				'utf8',
			),
		);
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.name)}"; filename="${quote(file.fileName)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
			'utf8',
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
