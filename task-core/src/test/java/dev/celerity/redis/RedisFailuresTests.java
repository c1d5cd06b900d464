package dev.celerity.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of a Redis call mean "not reachable for now, try again", as Lettuce and Spring Data Redis report
 * them.
 */
class RedisFailuresTests {

	@Test
	void aDroppedOrRejectedConnectionIsUnavailable() {
		assertThat(RedisFailures.isUnavailable(new RedisSystemException("Redis exception",
				new RedisException("Currently not connected. Commands are rejected.")))).isTrue();
		assertThat(RedisFailures.isUnavailable(
				new RedisSystemException("Redis exception", new RedisException("Connection disconnected")))).isTrue();
	}

	@Test
	void aServerStillLoadingItsDataAfterARestartIsUnavailable() {
		assertThat(RedisFailures.isUnavailable(new RedisSystemException("Error in execution",
				new RedisLoadingException("LOADING Redis is loading the dataset in memory")))).isTrue();
	}

	@Test
	void aCommandThatRedisRefusesIsNotUnavailable() {
		assertThat(RedisFailures.isUnavailable(new RedisSystemException("Error in execution",
				new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind of value"))))
			.isFalse();
		assertThat(RedisFailures.isUnavailable(new IllegalStateException("boom"))).isFalse();
	}

}
