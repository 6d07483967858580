'use strict';
// The n8n credential records the examples reference, pointing at a running simulator: what
// `npm start` and the e2e run import with `n8n import:credentials`. The ids and names are the
// ones written in examples/*.json.

const RMS = { id: 'rmsSimulatorCred', name: 'Teltonika RMS (simulator)', type: 'teltonikaRmsApi' };
// The MCP example's tools: the narrow policy an administrator would set for an AI agent.
const RMS_AGENTS = {
	id: 'rmsAgentsCred',
	name: 'Teltonika RMS (AI agents, simulator)',
	type: 'teltonikaRmsApi',
};
const AGENT_POLICY = {
	policyAllowedNetworks: '192.168.1.0/24',
	policyAllowedPorts: '22, 80, 443',
	policyAllowedProtocols: 'https, ssh',
	policyMaxDuration: 3600,
};
const BEYONDTRUST = {
	id: 'beyondtrust-simulator',
	name: 'BeyondTrust (simulator)',
	type: 'beyondTrustRemoteSupportOAuth2Api',
};
const RIMO3 = { id: 'rimo3-simulator', name: 'Rimo3 (simulator)', type: 'rimo3OAuth2Api' };
// What the MCP example's clients send as `Authorization: Bearer ...`.
const MCP_BEARER = {
	id: 'mcpClientsBearer',
	name: 'MCP clients (Bearer token)',
	type: 'httpBearerAuth',
	token: 'simulator-mcp-clients-token-0b6f1d9a4c7e',
};

const record = ({ id, name, type }, data) => ({ id, name, type, data });

const rmsData = (sim) => ({
	accessToken: sim.rms.tokens.full,
	baseUrl: sim.rms.baseUrl,
	statusUrl: sim.rms.statusUrl,
});

const credentials = {
	rms: (sim) => [record(RMS, rmsData(sim))],
	rmsAgents: (sim) => [record(RMS_AGENTS, { ...rmsData(sim), ...AGENT_POLICY })],
	beyondtrust: (sim) => [
		record(BEYONDTRUST, {
			siteUrl: sim.beyondtrust.siteUrl,
			clientId: sim.beyondtrust.clientId,
			clientSecret: sim.beyondtrust.clientSecret,
		}),
	],
	rimo3: (sim) => [
		record(RIMO3, {
			baseUrl: sim.rimo3.baseUrl,
			clientId: sim.rimo3.clientId,
			clientSecret: sim.rimo3.clientSecret,
		}),
	],
	mcpBearer: () => [record(MCP_BEARER, { token: MCP_BEARER.token })],
};

/** Every record, once each. */
function simulatorCredentials(sim) {
	return Object.values(credentials).flatMap((of) => of(sim));
}

/** `{ [type]: { id, name } }`, as a workflow node references a credential. */
const refOf = ({ id, name, type }) => ({ [type]: { id, name } });

module.exports = {
	RMS,
	RMS_AGENTS,
	AGENT_POLICY,
	BEYONDTRUST,
	RIMO3,
	MCP_BEARER,
	credentials,
	simulatorCredentials,
	refOf,
};
