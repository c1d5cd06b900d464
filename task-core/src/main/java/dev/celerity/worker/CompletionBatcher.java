package dev.celerity.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Groups completions that arrive from many threads into batches handed to one writer at a time, so that a busy
 * worker pays one write for many tasks instead of one per task.
 *
 * <p>A batch is whatever arrived while the previous batch was being written: the first thread to find no write in
 * progress writes everything pending, the others only queue and go on. There is no timer and no thread of its own,
 * and a worker that is not busy writes each completion at once. Nothing is written before a {@link #flush()}, so a
 * worker that dies first leaves its completions unwritten (their messages are redelivered).
 *
 * @param <T> what a completion is
 */
final class CompletionBatcher<T> {

	private static final int MAX_BATCH = 256;

	private final Consumer<List<T>> writer;

	private final Queue<T> pending = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean writing = new AtomicBoolean();

	/**
	 * Creates a batcher.
	 * @param writer writes one batch; called by one thread at a time, and expected not to throw
	 */
	CompletionBatcher(Consumer<List<T>> writer) {
		this.writer = writer;
	}

	/**
	 * Queues a completion until the next flush.
	 * @param completion the completion
	 */
	void add(T completion) {
		this.pending.add(completion);
	}

	/**
	 * Writes what is pending unless another thread is writing already (it then writes this thread's completions
	 * too, before it stops).
	 */
	void flush() {
		while (!this.pending.isEmpty() && this.writing.compareAndSet(false, true)) {
			try {
				this.writer.accept(take());
			}
			finally {
				this.writing.set(false);
			}
		}
	}

	private List<T> take() {
		List<T> batch = new ArrayList<>();
		T next;
		while (batch.size() < MAX_BATCH && (next = this.pending.poll()) != null) {
			batch.add(next);
		}
		return batch;
	}

}
