import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { invalidInput } from '../../shared/validation';
import type { ByteSource } from '../transport/multipart';

/** Largest package the node sends (Rimo3 states no limit publicly; 10 GiB bounds a runaway). */
export const MAX_PACKAGE_BYTES = 10 * 1024 ** 3;
const FIELD = 'Input Binary Field';

export interface PackageFile {
	size: number;
	/** A fresh stream of the bytes for each attempt; never a copy of the whole file in memory. */
	open: () => Promise<ByteSource>;
}

/**
 * The package from the item's binary: streamed from n8n's binary data store when it has an id
 * (filesystem or database mode), else from the buffer n8n already holds (default mode).
 */
export async function packageFile(
	ctx: IExecuteFunctions,
	i: number,
	property: string,
	binary: IBinaryData,
): Promise<PackageFile> {
	let file: PackageFile;
	if (binary.id) {
		const id = binary.id;
		const { fileSize } = await ctx.helpers.getBinaryMetadata(id);
		file = { size: Number(fileSize), open: async () => await ctx.helpers.getBinaryStream(id) };
	} else {
		const data = await ctx.helpers.getBinaryDataBuffer(i, property);
		file = {
			size: data.length,
			open: async () =>
				(async function* () {
					yield data;
				})(),
		};
	}
	if (!Number.isSafeInteger(file.size) || file.size <= 0)
		throw invalidInput(ctx.getNode(), i, FIELD, `"${property}" is an empty file`);
	if (file.size > MAX_PACKAGE_BYTES)
		throw invalidInput(
			ctx.getNode(),
			i,
			FIELD,
			`"${property}" is ${file.size} bytes; at most ${MAX_PACKAGE_BYTES} (10 GiB) are uploaded`,
		);
	return file;
}
