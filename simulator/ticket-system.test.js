// The stand-in ticket system: records each request in order, answers 200, stops cleanly.
const { startTicketSystem } = require('./ticket-system');

test('records method, path and JSON body of each request, in order, and tells onRequest', async () => {
	const seen = [];
	const tickets = await startTicketSystem({ onRequest: (r) => seen.push(r.path) });
	try {
		expect(tickets.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const first = await fetch(`${tickets.url}/api/tickets`, {
			method: 'POST',
			body: JSON.stringify({ title: 'Router offline' }),
		});
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual({ ok: true });
		await fetch(`${tickets.url}/api/tickets/T-1/work-notes`, { method: 'POST', body: 'not json' });
		expect(tickets.received).toEqual([
			{ method: 'POST', path: '/api/tickets', json: { title: 'Router offline' } },
			{ method: 'POST', path: '/api/tickets/T-1/work-notes', json: null },
		]);
		expect(seen).toEqual(['/api/tickets', '/api/tickets/T-1/work-notes']);
	} finally {
		await tickets.stop();
	}
	await expect(fetch(`${tickets.url}/api/tickets`)).rejects.toThrow();
});
