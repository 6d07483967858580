import { randomBytes } from 'crypto';

export interface MultipartFile {
	name: string;
	fileName: string;
	contentType: string;
	data: Buffer;
}

/** multipart/form-data as one Buffer, so the request can be sent again unchanged (token renewal). */
export function buildMultipart(fields: Array<[string, string]>, file: MultipartFile): { body: Buffer; contentType: string } {
	const boundary = `----n8nRimo3${randomBytes(12).toString('hex')}`;
	const quote = (value: string) => value.replace(/["\r\n]/g, '_');
	const parts: Buffer[] = [];
	for (const [name, value] of fields) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
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
