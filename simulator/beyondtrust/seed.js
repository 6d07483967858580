'use strict';
// BeyondTrust Remote Support seed data (restored by reset()). Times are relative to `now`.

const lsid = (n) => n.toString(16).padStart(32, 'a').slice(-32);

function buildSeed(nowMs) {
	const now = Math.floor(nowMs / 1000);
	return {
		company: 'Acme Field Services',
		reps: [
			{
				id: 1,
				username: 'alice',
				display: 'Alice Agent',
				private: 'Alice A. (Tier 1)',
				type: 'Normal',
				loggedIn: true,
				since: now - 7200,
				sessions: 1,
			},
			{
				id: 2,
				username: 'bob',
				display: 'Bob Builder',
				private: 'Bob B. (Network)',
				type: 'Normal',
				loggedIn: true,
				since: now - 3600,
				sessions: 1,
			},
			{
				id: 3,
				username: 'carol',
				display: 'Carol Contractor',
				private: 'Carol (invited)',
				type: 'Invited',
				loggedIn: false,
				since: null,
				sessions: 0,
			},
			{
				id: 4,
				username: 'dup',
				display: 'Dup One',
				private: 'Dup One',
				type: 'Normal',
				loggedIn: false,
				since: null,
				sessions: 0,
			},
			{
				id: 5,
				username: 'dup',
				display: 'Dup Two',
				private: 'Dup Two',
				type: 'Normal',
				loggedIn: false,
				since: null,
				sessions: 0,
			},
		],
		teams: [
			{
				id: 1,
				name: 'Tier 1',
				code: 'tier1',
				members: [1, 3],
				issues: [{ id: 11, code: 'printer_problem', description: 'Printer problem' }],
			},
			{
				id: 2,
				name: 'Network',
				code: 'network',
				members: [2],
				issues: [{ id: 12, code: 'vpn', description: 'VPN does not connect' }],
			},
		],
		sessions: [
			{
				lsid: lsid(0x1001),
				start: now - 1800,
				end: null,
				externalKey: 'INC-1001',
				rep: 1,
				customer: 'Dana Customer',
				company: 'Contoso',
				issue: 'Printer offline',
				events: 2,
			},
			{
				lsid: lsid(0x1002),
				start: now - 7200,
				end: now - 5400,
				externalKey: 'INC-1002',
				rep: 2,
				customer: 'Eve Example',
				company: 'Fabrikam',
				issue: 'VPN',
				events: 1,
			},
			{
				lsid: lsid(0x1003),
				start: now - 600,
				end: null,
				externalKey: null,
				rep: 2,
				customer: 'Frank Field',
				company: null,
				issue: null,
				events: 1,
			},
			{
				lsid: lsid(0x1004),
				start: now - 3 * 86400,
				end: now - 3 * 86400 + 900,
				externalKey: 'INC-0999',
				rep: 1,
				customer: 'Gina Old',
				company: 'Initech',
				issue: 'Email',
				events: 1,
			},
		],
		keys: [],
	};
}

const FIXTURES = {
	lsids: {
		activeTicket: lsid(0x1001),
		ended: lsid(0x1002),
		activeNoTicket: lsid(0x1003),
		old: lsid(0x1004),
	},
};

module.exports = { buildSeed, FIXTURES, lsid };
