// n8n loads the files listed in package.json "n8n"; this entry point exists for tools that expect one.
module.exports = {};
