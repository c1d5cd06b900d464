package dev.celerity.registry;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private final Random random = new Random(7);

	@Test
	void backoffDoublesFromTheBaseUpToTheCapWithoutJitter() {
		RetryPolicy policy = new RetryPolicy(10, List.of(), Duration.ofSeconds(1), Duration.ofSeconds(10), false,
				Duration.ofSeconds(3));
		assertThat(policy.delayBefore(0, this.random)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.delayBefore(1, this.random)).isEqualTo(Duration.ofSeconds(2));
		assertThat(policy.delayBefore(3, this.random)).isEqualTo(Duration.ofSeconds(8));
		assertThat(policy.delayBefore(4, this.random)).isEqualTo(Duration.ofSeconds(10));
		assertThat(policy.delayBefore(200, this.random)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void fullJitterDrawsBetweenZeroAndTheComputedDelay() {
		RetryPolicy policy = new RetryPolicy(10, List.of(), Duration.ofMillis(100), Duration.ofSeconds(10), true,
				Duration.ofSeconds(3));
		long distinct = java.util.stream.IntStream.range(0, 200)
			.mapToObj((i) -> policy.delayBefore(2, this.random))
			.peek((delay) -> assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(400)))
			.distinct()
			.count();
		assertThat(distinct).isGreaterThan(50);
	}

	@Test
	void withoutBackoffTheDefaultDelayIsUsed() {
		RetryPolicy policy = new RetryPolicy(1, List.of(), null, Duration.ofSeconds(10), true, Duration.ofSeconds(3));
		assertThat(policy.delayBefore(5, this.random)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void retriesOnlyOnListedExceptionTypesAndTheirSubtypes() {
		RetryPolicy policy = new RetryPolicy(1, List.of(java.io.IOException.class), null, Duration.ofSeconds(1), true,
				Duration.ofSeconds(1));
		assertThat(policy.retriesOn(new java.io.FileNotFoundException())).isTrue();
		assertThat(policy.retriesOn(new IllegalStateException())).isFalse();
	}

}
