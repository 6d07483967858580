// The package's main: the node and credential classes, for code that requires the package.
// n8n itself loads the files listed under "n8n" in package.json.
'use strict';
const { TeltonikaRms } = require('./dist/nodes/TeltonikaRms/TeltonikaRms.node.js');
const {
	TeltonikaRmsTrigger,
} = require('./dist/nodes/TeltonikaRmsTrigger/TeltonikaRmsTrigger.node.js');
const {
	BeyondTrustRemoteSupport,
} = require('./dist/nodes/BeyondTrustRemoteSupport/BeyondTrustRemoteSupport.node.js');
const {
	BeyondTrustRemoteSupportTrigger,
} = require('./dist/nodes/BeyondTrustRemoteSupportTrigger/BeyondTrustRemoteSupportTrigger.node.js');
const { Rimo3 } = require('./dist/nodes/Rimo3/Rimo3.node.js');
const { TeltonikaRmsApi } = require('./dist/credentials/TeltonikaRmsApi.credentials.js');
const {
	TeltonikaRmsOAuth2Api,
} = require('./dist/credentials/TeltonikaRmsOAuth2Api.credentials.js');
const {
	BeyondTrustRemoteSupportOAuth2Api,
} = require('./dist/credentials/BeyondTrustRemoteSupportOAuth2Api.credentials.js');
const { Rimo3OAuth2Api } = require('./dist/credentials/Rimo3OAuth2Api.credentials.js');

module.exports = {
	TeltonikaRms,
	TeltonikaRmsTrigger,
	BeyondTrustRemoteSupport,
	BeyondTrustRemoteSupportTrigger,
	Rimo3,
	TeltonikaRmsApi,
	TeltonikaRmsOAuth2Api,
	BeyondTrustRemoteSupportOAuth2Api,
	Rimo3OAuth2Api,
};
