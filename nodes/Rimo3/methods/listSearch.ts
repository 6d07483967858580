import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { listPackages } from '../actions/applicationPackage/getAll.operation';
import { Rimo3Client } from '../transport/request';

/** Application packages for the "From List" mode, searchable by name, manufacturer or version. */
export async function searchPackages(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const packages = await listPackages(await Rimo3Client.create(this));
	const needle = (filter ?? '').toLowerCase();
	return {
		results: packages
			.filter(
				(p) =>
					!needle ||
					[p.displayName, p.manufacturer, p.productVersion].some((v) =>
						String(v ?? '')
							.toLowerCase()
							.includes(needle),
					),
			)
			.map((p) => ({
				name: `${String(p.displayName ?? p.applicationPackageId)}${p.productVersion ? ` ${String(p.productVersion)}` : ''}`,
				value: String(p.applicationPackageId),
			})),
	};
}
