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

/** "1 request a poll: every minute 43,200 a month (43 % of 100,000), …" for the node's notice. */
export function costText(what: string): string {
	const rows = POLLS_PER_MONTH.map(([when, polls]) => {
		const share = Math.round((polls / MONTHLY_QUOTA) * 1000) / 10;
		return `${when} ${polls.toLocaleString('en-US')} (${share} %)`;
	});
	return `Each poll costs ⌈${what} / 100⌉ requests (RMS pages by 100). With one request a poll that makes a month: ${rows.join(', ')} of RMS's ~${MONTHLY_QUOTA.toLocaleString('en-US')} requests; multiply by the pages a poll needs.`;
}
