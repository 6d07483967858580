module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/simulator'],
	testMatch: ['**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	setupFilesAfterEnv: ['<rootDir>/test/helpers/jest-setup.js'],
	testTimeout: 30000,
	// Jest's default is one worker fewer than the cores, which is one on a 2-core CI runner.
	maxWorkers: 2,
};
