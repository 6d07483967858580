// Every example explains itself on the canvas: sticky notes at its top left, big enough for their
// text, clear of the nodes, naming each credential to swap and what else to change. After the
// transform `npm start` applies (scripts/lib/examples.js), the notes name the URLs the nodes use.
const fs = require('fs');
const path = require('path');
const {
	STICKY,
	TICKET_SYSTEM,
	exampleFiles,
	readExample,
	forSimulator,
	beyondTrustRecipientUrl,
} = require('../../scripts/lib/examples');
const { simulatorCredentials } = require('../../simulator/credentials');

const ROOT = path.resolve(__dirname, '../..');
const LOCAL_TICKETS = 'http://127.0.0.1:8790';
const NODE_SIZE = 100; // n8n draws a node 100 × 100 from its position
const FILES = exampleFiles();
const stickiesOf = (w) => w.nodes.filter((n) => n.type === STICKY);
const othersOf = (w) => w.nodes.filter((n) => n.type !== STICKY);
const notesOf = (w) =>
	stickiesOf(w)
		.map((n) => n.parameters.content)
		.join('\n');

/** The height a sticky needs for its markdown at the editor's font (about 7.5 px a character). */
function neededHeight(content, width) {
	const perLine = Math.floor((width - 32) / 7.5);
	let height = 32;
	for (const raw of content.split('\n')) {
		const line = raw.replace(/\*\*|\*|`/g, '');
		if (!line.trim()) height += 10;
		else if (/^#{1,3} /.test(line)) height += 34 * Math.ceil((line.length * 1.4) / perLine);
		else height += 22 * Math.ceil(line.length / perLine);
	}
	return height;
}

/** Origins (scheme, host, port) of the URLs written in a text; `{{ … }}` expressions end a URL. */
function originsIn(text) {
	const found = text.match(/https?:\/\/[^\s/?#)\]`'"<>*,{}]+/g) || [];
	return new Set(found.map((u) => new URL(u).origin));
}

const parameterText = (w) => JSON.stringify(othersOf(w).map((n) => n.parameters));

test('examples/ holds the eight examples', () => {
	expect(FILES).toEqual(
		fs
			.readdirSync(path.join(ROOT, 'examples'))
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((f) => `examples/${f}`),
	);
	expect(FILES).toHaveLength(8);
});

describe.each(FILES)('%s', (file) => {
	const workflow = readExample(file);
	const stickies = stickiesOf(workflow);
	const others = othersOf(workflow);
	const notes = notesOf(workflow);

	test('opens with sticky notes at the top left of the canvas', () => {
		expect(stickies.length).toBeGreaterThanOrEqual(1);
		const min = (nodes, axis) => Math.min(...nodes.map((n) => n.position[axis]));
		expect(min(stickies, 0)).toBeLessThanOrEqual(min(others, 0));
		expect(min(stickies, 1)).toBeLessThanOrEqual(min(others, 1));
		expect(stickies[0].parameters.content).toMatch(/^## \S/);
	});

	test('each sticky is big enough for its text, as shipped and as npm start imports it', () => {
		const imported = forSimulator(workflow, { ticketSystemUrl: LOCAL_TICKETS });
		const tooSmall = [...stickies, ...stickiesOf(imported)]
			.map((s) => ({ name: s.name, ...s.parameters }))
			.filter((s) => s.width < 240 || s.height < neededHeight(s.content, s.width))
			.map((s) => `${s.name}: ${s.width} × ${s.height}, needs ${neededHeight(s.content, s.width)}`);
		expect(tooSmall).toEqual([]);
	});

	test('no node lies on a sticky note', () => {
		const overlaps = [];
		for (const n of others)
			for (const s of stickies) {
				const [nx, ny] = n.position;
				const [sx, sy] = s.position;
				const { width, height } = s.parameters;
				if (nx < sx + width && nx + NODE_SIZE > sx && ny < sy + height && ny + NODE_SIZE > sy)
					overlaps.push(`${n.name} on ${s.name}`);
			}
		expect(overlaps).toEqual([]);
	});

	test('the notes name every credential it uses, and say to replace the simulator ones', () => {
		const names = new Set(
			others.flatMap((n) => Object.values(n.credentials || {}).map((c) => c.name)),
		);
		expect(names.size).toBeGreaterThan(0);
		for (const name of names) {
			expect(notes).toContain(`*${name}*`);
			if (name.includes('simulator'))
				expect(notes).toMatch(new RegExp(`replace \\*${name.replace(/[()]/g, '\\$&')}\\*`));
		}
	});

	test('npm start imports each credential it names, with that id, name and type', () => {
		const fakeSim = {
			rms: { tokens: { full: 't' }, baseUrl: 'b', statusUrl: 's' },
			beyondtrust: { siteUrl: 'x', clientId: 'i', clientSecret: 'c' },
			rimo3: { baseUrl: 'r', clientId: 'i', clientSecret: 'c' },
		};
		const imported = simulatorCredentials(fakeSim).map(({ id, name, type }) => ({
			id,
			name,
			type,
		}));
		const used = others.flatMap((n) =>
			Object.entries(n.credentials || {}).map(([type, { id, name }]) => ({ id, name, type })),
		);
		for (const ref of used) expect(imported).toContainEqual(ref);
	});

	test('the hints are on the canvas, not hidden in node notes', () => {
		expect(others.filter((n) => n.notes).map((n) => n.name)).toEqual([]);
	});

	test('every placeholder it ships has a note saying what to put there', () => {
		const params = parameterText(workflow);
		if (params.includes('replace-with-a-long-random-secret')) {
			expect(notes).toContain('`replace-with-a-long-random-secret`');
			expect(notes).toContain('openssl rand');
		}
		if (params.includes(TICKET_SYSTEM))
			expect(notes).toMatch(/https:\/\/tickets\.example\.com \(a placeholder\): replace it/);
		for (const n of others.filter((x) => x.type === 'n8n-nodes-base.scheduleTrigger'))
			expect(notes).toContain(`*${n.name}*`);
		for (const n of others.filter((x) => x.type === 'n8n-nodes-base.webhook'))
			expect(notes).toContain(`*${n.parameters.path}*`);
		if (others.some((x) => x.type.endsWith('.beyondTrustRemoteSupportTrigger'))) {
			expect(notes).toContain('Outbound Events → HTTP Recipients');
			expect(notes).toMatch(/\*\*Production URL\*\* followed by `\?secret=`/);
		}
	});

	test.each([
		['as shipped', (w) => w],
		['as npm start imports it', (w) => forSimulator(w, { ticketSystemUrl: LOCAL_TICKETS })],
	])('%s, the notes name exactly the URLs its nodes use', (_, transform) => {
		const imported = transform(workflow);
		expect([...originsIn(notesOf(imported))].sort()).toEqual(
			[...originsIn(parameterText(imported))].sort(),
		);
	});
});

describe('the transform of npm start', () => {
	const withTickets = FILES.filter((f) => parameterText(readExample(f)).includes(TICKET_SYSTEM));

	test('the ticket examples are the session-ended and the router-offline one', () => {
		expect(withTickets).toEqual([
			'examples/beyondtrust-session-ended-ticket-update.json',
			'examples/rms-router-offline-ticket.json',
		]);
	});

	test.each(withTickets)(
		'%s: the ticket system becomes the local endpoint, in the nodes and the notes',
		(file) => {
			const shipped = readExample(file);
			const before = JSON.stringify(shipped);
			const imported = forSimulator(shipped, { ticketSystemUrl: LOCAL_TICKETS });
			expect(JSON.stringify(shipped)).toBe(before); // the shipped copy is left alone
			expect(JSON.stringify(imported)).not.toContain('tickets.example.com');
			expect(notesOf(imported)).not.toContain('placeholder');
			expect(notesOf(imported)).toContain(
				`${LOCAL_TICKETS} (the local ticket endpoint \`npm start\` runs in place of a ticket system): replace it with your ticket system's API`,
			);
			const urls = othersOf(imported)
				.filter((n) => n.type === 'n8n-nodes-base.httpRequest')
				.map((n) => n.parameters.url);
			expect(urls.length).toBeGreaterThan(0);
			for (const url of urls) expect(url).toMatch(/^=?http:\/\/127\.0\.0\.1:8790\/api\/tickets/);
		},
	);

	test.each(FILES.filter((f) => !withTickets.includes(f)))('%s is imported as shipped', (file) => {
		const shipped = readExample(file);
		expect(forSimulator(shipped, { ticketSystemUrl: LOCAL_TICKETS })).toEqual(shipped);
	});

	test("the BeyondTrust recipient URL is the trigger's production URL with the secret", () => {
		const workflow = readExample('examples/beyondtrust-session-ended-ticket-update.json');
		const [trigger] = othersOf(workflow);
		expect(beyondTrustRecipientUrl('http://localhost:5678', workflow)).toBe(
			`http://localhost:5678/webhook/${trigger.webhookId}/webhook?secret=replace-with-a-long-random-secret`,
		);
		trigger.parameters.options = {};
		expect(beyondTrustRecipientUrl('http://localhost:5678', workflow)).toBe(
			`http://localhost:5678/webhook/${trigger.webhookId}/webhook`,
		);
	});
});

test('scripts/ and simulator/ require nothing from test/', () => {
	const offenders = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (/\.(c?js|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.js')) {
				const text = fs.readFileSync(full, 'utf8');
				const wrong = text.match(/(?:require\(|from\s+)['"][./]*\/?test\/[^'"]*['"]/g);
				if (wrong) offenders.push(`${path.relative(ROOT, full)}: ${wrong.join(', ')}`);
			}
		}
	};
	walk(path.join(ROOT, 'scripts'));
	walk(path.join(ROOT, 'simulator'));
	expect(offenders).toEqual([]);
});
