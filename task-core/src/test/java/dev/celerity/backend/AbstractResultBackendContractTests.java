package dev.celerity.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.celerity.api.RemoteError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract every {@link ResultBackend} honours: subclass it and return backends from {@link #createBackend()}.
 * Two backends created by one test play two application instances sharing the store.
 */
public abstract class AbstractResultBackendContractTests {

	private static final Duration TTL = Duration.ofMinutes(1);

	private static final Duration WAIT = Duration.ofSeconds(5);

	private ResultBackend backend;

	private ResultBackend otherInstance;

	/**
	 * Creates a backend under test; called twice per test, both backends must share their states.
	 * @return a backend
	 * @throws Exception if it cannot be created
	 */
	protected abstract ResultBackend createBackend() throws Exception;

	/**
	 * Releases what {@link #createBackend()} created.
	 * @param backend a backend under test
	 * @throws Exception if it cannot be closed
	 */
	protected void closeBackend(ResultBackend backend) throws Exception {
	}

	@BeforeEach
	void setUpBackends() throws Exception {
		this.backend = createBackend();
		this.otherInstance = createBackend();
	}

	@AfterEach
	void tearDownBackends() throws Exception {
		closeBackend(this.backend);
		closeBackend(this.otherInstance);
	}

	@Test
	void storedResultIsFoundByAnyInstance() {
		String id = taskId();
		this.backend.store(state(id, "SUCCESS", Map.of("total", 3), null), TTL);
		assertThat(this.otherInstance.find(id)).hasValueSatisfying((found) -> {
			assertThat(found.taskName()).isEqualTo("contract.task");
			assertThat(found.taskState().isReady()).isTrue();
			assertThat(found.result()).isEqualTo(Map.of("total", 3));
			assertThat(found.dateDone()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
		});
	}

	@Test
	void unknownTaskHasNoState() {
		assertThat(this.backend.find(taskId())).isEmpty();
	}

	@Test
	void laterStateReplacesTheEarlierOne() {
		String id = taskId();
		this.backend.store(state(id, "STARTED", null, null), TTL);
		this.backend.store(state(id, "SUCCESS", "done", null), TTL);
		assertThat(this.backend.find(id)).hasValueSatisfying((found) -> {
			assertThat(found.state()).isEqualTo("SUCCESS");
			assertThat(found.result()).isEqualTo("done");
		});
	}

	@Test
	void failureKeepsTheRemoteTypeMessageStackAndMeta() {
		String id = taskId();
		RemoteError error = new RemoteError("java.lang.IllegalStateException", "boom", List.of("at a.b(C.java:1)"));
		this.backend.store(new TaskResult(id, "contract.task", "FAILURE", null, Map.of("attempt", 3), error,
				Instant.now()), TTL);
		assertThat(this.otherInstance.find(id)).hasValueSatisfying((found) -> {
			assertThat(found.error()).isEqualTo(error);
			assertThat(found.meta()).containsEntry("attempt", 3);
			assertThat(found.isReady()).isTrue();
		});
	}

	@Test
	void customStateWithProgressMetaIsReadableAndNotFinal() {
		String id = taskId();
		this.backend.store(new TaskResult(id, "contract.task", "PROCESSING", null, Map.of("step", 2, "total", 3),
				null, Instant.now()), TTL);
		assertThat(this.otherInstance.find(id)).hasValueSatisfying((found) -> {
			assertThat(found.state()).isEqualTo("PROCESSING");
			assertThat(found.meta()).containsEntry("step", 2).containsEntry("total", 3);
			assertThat(found.isReady()).isFalse();
		});
	}

	@Test
	void waiterIsNotifiedOfTheFinalStateStoredByAnotherInstanceAndNotBefore() throws Exception {
		String id = taskId();
		CompletableFuture<TaskResult> ready = this.backend.whenReady(id);
		this.otherInstance.store(state(id, "STARTED", null, null), TTL);
		this.otherInstance.store(state(id, "RETRY", null, null), TTL);
		assertThat(ready).isNotDone();
		this.otherInstance.store(state(id, "SUCCESS", 42, null), TTL);
		assertThat(ready.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).result()).isEqualTo(42);
	}

	@Test
	void everyWaiterOfATaskIsNotified() throws Exception {
		String id = taskId();
		CompletableFuture<TaskResult> first = this.backend.whenReady(id);
		CompletableFuture<TaskResult> second = this.otherInstance.whenReady(id);
		this.backend.store(state(id, "REVOKED", null, null), TTL);
		assertThat(first.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).state()).isEqualTo("REVOKED");
		assertThat(second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).state()).isEqualTo("REVOKED");
	}

	@Test
	void waitForAFinalStateAlreadyStoredCompletesAtOnce() {
		String id = taskId();
		this.otherInstance.store(state(id, "FAILURE", null, null), TTL);
		assertThat(this.backend.whenReady(id)).isCompletedWithValueMatching((found) -> "FAILURE".equals(found.state()));
	}

	@Test
	void stateExpiresAfterItsTimeToLive() {
		String expiring = taskId();
		String kept = taskId();
		this.backend.store(state(expiring, "SUCCESS", 1, null), Duration.ofMillis(200));
		this.backend.store(state(kept, "SUCCESS", 2, null), TTL);
		await().atMost(WAIT).until(() -> this.otherInstance.find(expiring).isEmpty());
		assertThat(this.otherInstance.find(kept)).isPresent();
	}

	@Test
	void forgottenStateIsGoneForEveryInstance() {
		String id = taskId();
		this.backend.store(state(id, "SUCCESS", 1, null), TTL);
		this.otherInstance.forget(id);
		assertThat(this.backend.find(id)).isEmpty();
	}

	@Test
	void storeAllStoresEveryStateInOrderAndNotifiesWaiters() throws Exception {
		String first = taskId();
		String second = taskId();
		CompletableFuture<TaskResult> ready = this.otherInstance.whenReady(second);
		this.backend.storeAll(List.of(state(first, "STARTED", null, null), state(second, "SUCCESS", "b", null),
				state(first, "SUCCESS", "a", null)), TTL);
		assertThat(this.otherInstance.find(first)).hasValueSatisfying((found) -> assertThat(found.result()).isEqualTo("a"));
		assertThat(ready.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).result()).isEqualTo("b");
	}

	private static TaskResult state(String id, String state, Object result, Map<String, Object> meta) {
		return new TaskResult(id, "contract.task", state, result, meta, null, Instant.parse("2024-05-01T10:00:00Z"));
	}

	private static String taskId() {
		return UUID.randomUUID().toString();
	}

}
