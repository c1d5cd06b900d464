package dev.celerity.testing.redis;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RequiresRedis} does to a test class when no Redis answers: skipped with the reason locally, failed on CI.
 * The classes below are run through the JUnit launcher, pointed at a port nothing listens on (port 1).
 */
class RedisServerExtensionTests {

	private static final String CLOSED_PORT = "redis://127.0.0.1:1";

	@Test
	void aRedisClassIsReportedSkippedWithTheReasonWhenNoRedisAnswers() {
		Outcomes outcomes = run(WithoutRedisLocally.class);
		assertThat(outcomes.skipped).singleElement()
			.asString()
			.contains("WithoutRedisLocally", "No Redis reachable at " + CLOSED_PORT, "set REDIS_URL");
		assertThat(outcomes.finished).isEmpty();
	}

	@Test
	void aRedisClassFailsWhenNoRedisAnswersOnCi() {
		Outcomes outcomes = run(WithoutRedisOnCi.class);
		assertThat(outcomes.skipped).isEmpty();
		assertThat(outcomes.finished).singleElement()
			.asString()
			.contains("WithoutRedisOnCi", "FAILED", "Redis tests must run on CI");
	}

	private static Outcomes run(Class<?> testClass) {
		Outcomes outcomes = new Outcomes();
		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request()
				.selectors(DiscoverySelectors.selectClass(testClass))
				.build(), outcomes);
		return outcomes;
	}

	/**
	 * Records skipped and finished classes and tests (the engine itself left out).
	 */
	private static final class Outcomes implements TestExecutionListener {

		private final List<String> skipped = new ArrayList<>();

		private final List<String> finished = new ArrayList<>();

		@Override
		public void executionSkipped(TestIdentifier identifier, String reason) {
			this.skipped.add(identifier.getDisplayName() + ": " + reason);
		}

		@Override
		public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
			if (identifier.getParentId().isPresent()) {
				this.finished.add(identifier.getDisplayName() + ": " + result.getStatus() + " "
						+ result.getThrowable().map(Throwable::getMessage).orElse(""));
			}
		}

	}

	// static nested, so that neither Surefire nor the outer class's run picks these up on their own
	static class WithoutRedisLocally {

		@RegisterExtension
		static final RedisServerExtension redis = new RedisServerExtension(CLOSED_PORT, false);

		@Test
		void needsRedis(RedisTestContext redis) {
			assertThat(redis).isNotNull();
		}

	}

	static class WithoutRedisOnCi {

		@RegisterExtension
		static final RedisServerExtension redis = new RedisServerExtension(CLOSED_PORT, true);

		@Test
		void needsRedis(RedisTestContext redis) {
			assertThat(redis).isNotNull();
		}

	}

}
