package dev.celerity.autoconfigure.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import dev.celerity.worker.Worker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker settings of the canvas suites whose pool consumes more queues than it has room: concurrency 4 and
 * prefetch 4 leave room for 8 messages, and the pool consumes 11 queues, the default queue and ten idle ones (the
 * suite's manual queue stays unconsumed).
 */
final class MoreQueuesThanRoom {

	private MoreQueuesThanRoom() {
	}

	/**
	 * Checks that the application started and that its one pool consumes the 11 queues and not the manual one.
	 * @param context the application
	 */
	static void assertStarted(AssertableApplicationContext context) {
		if (context.getStartupFailure() != null) {
			throw new AssertionError("Application failed to start", context.getStartupFailure());
		}
		assertThat(context.getBean(Worker.class).pools()).singleElement()
			.satisfies((pool) -> assertThat(pool.settings().queues()).hasSize(11)
				.doesNotContain(AbstractCanvasIntegrationTests.MANUAL_QUEUE));
	}

	static String[] properties() {
		List<String> queues = new ArrayList<>(List.of("default"));
		IntStream.rangeClosed(1, 10).forEach((i) -> queues.add("idle-" + i));
		return new String[] { "celerity.worker.concurrency=4", "celerity.worker.prefetch=4",
				"celerity.worker.queues=" + String.join(",", queues) };
	}

}
