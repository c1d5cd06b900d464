package dev.celerity.backend.memory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.backend.TaskResultFormat;
import dev.celerity.message.MessageCodec;

/**
 * The embedded result backend: task states in a Caffeine cache where every entry expires after its own time to live,
 * and waiters completed the moment a final state is stored. States are kept encoded by the same JSON codec as every
 * other backend, so a caller reads exactly what it would read from Redis.
 */
public class InMemoryResultBackend implements ResultBackend {

	// the caches tidy up on the threads that write them: handing that to a pool thread would wake one every few
	// writes, which costs a busy worker more than the tidying itself
	private final Cache<String, StoredResult> results = Caffeine.newBuilder()
		.executor(Runnable::run)
		.expireAfter(Expiry.writing((String id, StoredResult stored) -> stored.timeToLive()))
		.build();

	private final Cache<String, CompletableFuture<TaskResult>> waiters;

	private final MessageCodec codec;

	/**
	 * Creates a backend whose abandoned waiters are dropped after a day.
	 * @param codec the codec states are kept in
	 */
	public InMemoryResultBackend(MessageCodec codec) {
		this(codec, Duration.ofDays(1));
	}

	/**
	 * Creates a backend.
	 * @param codec the codec states are kept in
	 * @param waiterTimeToLive how long a waiter that never sees its result is kept
	 */
	public InMemoryResultBackend(MessageCodec codec, Duration waiterTimeToLive) {
		this.codec = codec;
		this.waiters = Caffeine.newBuilder()
			.executor(Runnable::run)
			.expireAfterWrite(waiterTimeToLive.toNanos(), TimeUnit.NANOSECONDS)
			.build();
	}

	@Override
	public void store(TaskResult result, Duration timeToLive) {
		byte[] encoded = TaskResultFormat.encode(this.codec, result);
		this.results.put(result.taskId(), new StoredResult(encoded, timeToLive));
		if (result.isReady()) {
			CompletableFuture<TaskResult> waiter = this.waiters.asMap().remove(result.taskId());
			if (waiter != null) {
				waiter.complete(TaskResultFormat.decode(this.codec, encoded));
			}
		}
	}

	@Override
	public Optional<TaskResult> find(String taskId) {
		StoredResult stored = this.results.getIfPresent(taskId);
		return (stored != null) ? Optional.of(TaskResultFormat.decode(this.codec, stored.encoded())) : Optional.empty();
	}

	@Override
	public CompletableFuture<TaskResult> whenReady(String taskId) {
		Optional<TaskResult> current = find(taskId).filter(TaskResult::isReady);
		if (current.isPresent()) {
			return CompletableFuture.completedFuture(current.get());
		}
		CompletableFuture<TaskResult> waiter = this.waiters.get(taskId, (id) -> new CompletableFuture<>());
		// the result may have been stored between the first look and the registration
		find(taskId).filter(TaskResult::isReady).ifPresent((result) -> {
			this.waiters.asMap().remove(taskId, waiter);
			waiter.complete(result);
		});
		return waiter.thenApply((result) -> result);
	}

	@Override
	public void forget(String taskId) {
		this.results.invalidate(taskId);
	}

	private record StoredResult(byte[] encoded, Duration timeToLive) {

	}

}
