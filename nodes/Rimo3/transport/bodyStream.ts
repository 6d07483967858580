/** The part of a writable (an outgoing HTTP request) a body is piped into. */
interface Sink {
	write(chunk: Buffer): boolean;
	end(): unknown;
	once(event: string, listener: () => void): unknown;
	removeListener(event: string, listener: () => void): unknown;
}

type Listener = (arg?: unknown) => void;

/**
 * A request body read from an async source while it is sent: what axios (under n8n's
 * httpRequest) uses of a stream, i.e. on/once, pipe and destroy, with the sink's back-pressure
 * respected. Node's stream module is not among the imports a community node may use.
 */
export class BodyStream {
	/** Own enumerable state: n8n drops a body it sees as an empty object. */
	readonly kind = 'streamed-body';
	destroyed = false;
	private listeners: Record<string, Listener[]> = {};
	private started = false;

	constructor(
		private readonly chunks: () => AsyncIterable<Buffer>,
		private readonly onDestroy: () => void,
	) {}

	on(event: string, listener: Listener): this {
		(this.listeners[event] ??= []).push(listener);
		return this;
	}

	once(event: string, listener: Listener): this {
		const wrapped: Listener = (arg) => {
			this.removeListener(event, wrapped);
			listener(arg);
		};
		return this.on(event, wrapped);
	}

	removeListener(event: string, listener: Listener): this {
		this.listeners[event] = (this.listeners[event] ?? []).filter((l) => l !== listener);
		return this;
	}

	off(event: string, listener: Listener): this {
		return this.removeListener(event, listener);
	}

	private emit(event: string, arg?: unknown): void {
		for (const listener of [...(this.listeners[event] ?? [])]) listener(arg);
	}

	destroy(error?: Error): this {
		if (this.destroyed) return this;
		this.destroyed = true;
		this.onDestroy();
		if (error) this.emit('error', error);
		this.emit('close');
		return this;
	}

	pipe<T extends Sink>(sink: T): T {
		if (this.started) throw new Error('A streamed body can be sent only once');
		this.started = true;
		void this.pump(sink);
		return sink;
	}

	private async pump(sink: Sink): Promise<void> {
		let sinkClosed = false;
		sink.once('close', () => (sinkClosed = true));
		try {
			for await (const chunk of this.chunks()) {
				if (this.destroyed || sinkClosed) return;
				if (!sink.write(chunk))
					await new Promise<void>((resolve) => {
						const done = () => {
							sink.removeListener('drain', done);
							sink.removeListener('close', done);
							resolve();
						};
						sink.once('drain', done);
						sink.once('close', done);
					});
			}
			if (this.destroyed || sinkClosed) return;
			sink.end();
			this.emit('end');
			this.destroyed = true;
			this.emit('close');
		} catch (error) {
			this.destroy(error instanceof Error ? error : new Error(String(error)));
		}
	}
}
