'use strict';
// The examples as `npm start` (and the e2e run) import them: the ticket system's placeholder URL
// is pointed at the local ticket endpoint, in the nodes' parameters and in the sticky notes that
// tell a user what to replace, so what the canvas says matches what the nodes do.
const fs = require('fs');
const path = require('path');

const DIR = path.resolve(__dirname, '../../examples');
const TICKET_SYSTEM = 'https://tickets.example.com';
const STICKY = 'n8n-nodes-base.stickyNote';
// How the shipped notes name the placeholder; the whole phrase is rewritten, so no note keeps
// calling the local endpoint a placeholder.
const PLACEHOLDER_PHRASE = /https:\/\/tickets\.example\.com(?: \(a placeholder\))?/g;

/** examples/*.json, sorted, as paths relative to the repository root. */
function exampleFiles() {
	return fs
		.readdirSync(DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => `examples/${f}`);
}

function readExample(file) {
	return JSON.parse(fs.readFileSync(path.join(DIR, path.basename(file)), 'utf8'));
}

/** Every string in a parameter tree, with `edit` applied. */
function mapStrings(value, edit) {
	if (typeof value === 'string') return edit(value);
	if (Array.isArray(value)) return value.map((v) => mapStrings(v, edit));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, edit)]));
	return value;
}

/**
 * A copy of the workflow whose ticket-system URLs go to `ticketSystemUrl`; the sticky notes then
 * name that endpoint as the stand-in for the user's ticket system.
 */
function pointAtTicketSystem(workflow, ticketSystemUrl) {
	const inNotes = `${ticketSystemUrl} (the local ticket endpoint \`npm start\` runs in place of a ticket system)`;
	const nodes = workflow.nodes.map((node) => {
		const edit =
			node.type === STICKY
				? (s) => s.replace(PLACEHOLDER_PHRASE, inNotes)
				: (s) => s.split(TICKET_SYSTEM).join(ticketSystemUrl);
		const copy = { ...node, parameters: mapStrings(node.parameters, edit) };
		if (typeof node.notes === 'string') copy.notes = edit(node.notes);
		return copy;
	});
	return { ...workflow, nodes };
}

/** The example as imported against the simulator: `{ ticketSystemUrl }` of the local endpoint. */
function forSimulator(workflow, { ticketSystemUrl }) {
	return pointAtTicketSystem(workflow, ticketSystemUrl);
}

/** The production URL to register as the appliance's outbound event recipient, with the secret. */
function beyondTrustRecipientUrl(n8nUrl, workflow) {
	const trigger = workflow.nodes.find((n) => n.type.endsWith('.beyondTrustRemoteSupportTrigger'));
	const secret = (trigger.parameters.options || {}).secret;
	const query = secret ? `?secret=${encodeURIComponent(secret)}` : '';
	return `${n8nUrl}/webhook/${trigger.webhookId}/webhook${query}`;
}

module.exports = {
	TICKET_SYSTEM,
	STICKY,
	exampleFiles,
	readExample,
	pointAtTicketSystem,
	forSimulator,
	beyondTrustRecipientUrl,
};
