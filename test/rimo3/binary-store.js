'use strict';
// n8n-core's binary data service in filesystem mode for one test file (as n8n runs with
// N8N_DEFAULT_BINARY_DATA_MODE=filesystem): binaries get an id and live on disk.
require('../helpers/n8n-env');
const { Container } = require('@n8n/di');
const { BinaryDataService } = require('n8n-core');

let service;

async function useFilesystemBinaryData(storagePath) {
	service = Container.get(BinaryDataService);
	const saved = { mode: service.config.mode, path: service.config.localStoragePath };
	service.config.mode = 'filesystem';
	service.config.localStoragePath = storagePath;
	await service.init();
	const counts = { getAsBuffer: 0, getAsStream: 0 };
	for (const name of Object.keys(counts)) {
		const original = service[name].bind(service);
		service[name] = (...args) => {
			counts[name] += 1;
			return original(...args);
		};
	}
	return {
		/** Counts from now on: () => { getAsBuffer, getAsStream }. */
		spy() {
			counts.getAsBuffer = 0;
			counts.getAsStream = 0;
			return () => ({ ...counts });
		},
		storagePath,
		restore() {
			service.config.mode = saved.mode;
			service.config.localStoragePath = saved.path;
		},
	};
}

/** Stores bytes as n8n stores a node's binary output; returns the item's binary entry. */
async function storeBinary(bytesOrStream, { fileName, mimeType }) {
	const location = { type: 'execution', workflowId: 'bench', executionId: 'temp' };
	return await service.store(location, bytesOrStream, { fileName, mimeType });
}

module.exports = { useFilesystemBinaryData, storeBinary };
