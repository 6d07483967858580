/** Polls a month (30 days) at the Poll Times n8n offers most; a poll costs ⌈list length / 100⌉. */
export const POLLS_PER_MONTH: Array<[string, number]> = [
	['every minute', 43200],
	['every 5 minutes', 8640],
	['every 15 minutes', 2880],
	['every hour', 720],
];

/** RMS's monthly API budget per account (docs/vendor-behaviour.md, RMS: quota and 429). */
export const MONTHLY_QUOTA = 100000;

export function requestsPerPoll(listLength: number): number {
	return Math.max(1, Math.ceil(listLength / 100));
}

/** The notice under Event: what a poll costs, in the words a user plans with. */
export function costText(what: string): string {
	const rows = POLLS_PER_MONTH.map(([when, polls]) => {
		const share = Math.round((polls / MONTHLY_QUOTA) * 1000) / 10;
		return `${when} about ${polls.toLocaleString('en-US')} (${share} %)`;
	});
	return `Each poll uses one RMS request per 100 ${what}. With up to 100, polling uses a month: ${rows.join(', ')} of the ~${MONTHLY_QUOTA.toLocaleString('en-US')} requests RMS allows.`;
}
