module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/simulator'],
	testMatch: ['**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	setupFilesAfterEnv: ['<rootDir>/test/helpers/jest-setup.js'],
	testTimeout: 30000,
	// Jest's default is one worker fewer than the cores: one on a 2-core runner. The suites spend
	// most of their time waiting on simulated retry delays and polls, not on the CPU, so three
	// workers keep two cores busy (npm test: 149 s of jest with 3 workers, about 200 s with 2).
	maxWorkers: 3,
};
