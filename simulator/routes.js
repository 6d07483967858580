'use strict';
// Route templates in OpenAPI style ("/api/devices/{id}") compiled to regular expressions.
// The template doubles as the counter / fault key: "GET /api/devices/{id}".

function compileTemplate(template) {
	const names = [];
	const pattern = template
		.split('/')
		.map((segment) => {
			const param = /^\{(\w+)\}$/.exec(segment);
			if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(param[1]);
			return '([^/]+)';
		})
		.join('/');
	return { regex: new RegExp(`^${pattern}/?$`), names };
}

/** Flattens every personality's routes; declaration order decides ties (literal paths first). */
function compileRoutes(personalities) {
	return personalities.flatMap((personality) =>
		personality.routes.map((route) => ({
			...route,
			...compileTemplate(route.path),
			key: `${route.method} ${route.path}`,
			personality,
		})),
	);
}

function findRoute(routes, method, pathname) {
	for (const route of routes) {
		if (route.method !== method) continue;
		const match = route.regex.exec(pathname);
		if (!match) continue;
		const params = {};
		route.names.forEach((name, i) => {
			params[name] = decodeURIComponent(match[i + 1]);
		});
		return { route, params };
	}
	return { route: null, params: {} };
}

module.exports = { compileRoutes, findRoute };
