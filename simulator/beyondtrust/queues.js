'use strict';
// The `available` attribute of `<queue>` in a generate_session_key answer: 1 when some logged-in
// representative who is available could take the session from that queue, else 0. A recorded
// appliance answered available="0" for the general queue (docs/vendor-behaviour.md, BeyondTrust:
// queue availability).

const availableRep = (rep) => rep.loggedIn && rep.available !== false;

function queueAvailable(state, kind, id, issueCode) {
	const reps = (ids) => state.reps.filter((r) => ids.includes(r.id));
	switch (kind) {
		case 'general':
			return state.reps.some(availableRep);
		case 'rep':
			return reps([Number(id)]).some(availableRep);
		case 'team':
			return state.teams.some(
				(t) => String(t.id) === String(id) && reps(t.members).some(availableRep),
			);
		case 'issue':
			return state.teams.some(
				(t) => t.issues.some((i) => i.code === issueCode) && reps(t.members).some(availableRep),
			);
		default:
			return false;
	}
}

module.exports = { queueAvailable };
