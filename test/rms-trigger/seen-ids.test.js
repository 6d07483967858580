// The trigger's memory of reported ids stays bounded: the newest `max` ids are kept and anything
// older counts as seen through the floor, so static data does not grow with the account's history.
'use strict';
const path = require('path');
const { addSeen, isSeen, readSeen, EMPTY_SEEN } = require(
	path.resolve(__dirname, '../../dist/nodes/TeltonikaRmsTrigger/helpers/seen.js'),
);

test('2,500 ids with room for 2,000: the oldest 500 fold into the floor, none is reported again', () => {
	const ids = Array.from({ length: 2500 }, (_, k) => 70001 + k);
	const seen = addSeen(EMPTY_SEEN, ids, 2000);
	expect(seen.ids).toHaveLength(2000);
	expect(seen.floor).toBe(70500);
	expect(ids.every((id) => isSeen(seen, id))).toBe(true);
	expect(isSeen(seen, 72501)).toBe(false);
	// Added out of order and twice: still bounded, still sorted.
	const again = addSeen(seen, [72502, 72501, 72501, 70100], 2000);
	expect(again.ids).toHaveLength(2000);
	expect(again.ids.slice(-2)).toEqual([72501, 72502]);
	expect(again.floor).toBe(70502);
});

test('saved data that is not a seen-set (hand-edited or older) starts empty', () => {
	expect(readSeen(undefined)).toEqual(EMPTY_SEEN);
	expect(readSeen({ floor: 'x', ids: [] })).toEqual(EMPTY_SEEN);
	expect(readSeen({ floor: 3, ids: [4, 'five', 6] })).toEqual({ floor: 3, ids: [4, 6] });
});
