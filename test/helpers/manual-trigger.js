// Stand-in for n8n-nodes-base.manualTrigger (n8n-nodes-base is not a dependency of this
// package). Same name, same behaviour: emits one empty item when the workflow is run by hand.
// Only the trigger is stood in for; the nodes under test are always the real built ones.
class ManualTrigger {
	constructor() {
		this.description = {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Runs the flow on clicking a button in n8n',
			defaults: { name: "When clicking 'Execute workflow'" },
			inputs: [],
			outputs: ['main'],
			properties: [],
		};
	}

	async trigger() {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

module.exports = { ManualTrigger, MANUAL_TRIGGER_TYPE: 'n8n-nodes-base.manualTrigger' };
