package dev.celerity.ratelimit.redis;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.ratelimit.RateLimit;
import dev.celerity.ratelimit.RateLimitChannel;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster-wide buckets and limit changes on the real Redis, seen from two "instances" with their own connections.
 */
@RequiresRedis
class RedisRateLimiterTests {

	private final String prefix = "celerity-test-" + UUID.randomUUID();

	private final LettuceConnectionFactory first = connectionFactory();

	private final LettuceConnectionFactory second = connectionFactory();

	@AfterEach
	void close() {
		StringRedisTemplate redis = new StringRedisTemplate(this.first);
		redis.delete(redis.keys(this.prefix + "*"));
		this.first.destroy();
		this.second.destroy();
	}

	@Test
	void twoInstancesShareOneBucket() {
		RedisRateLimiter one = new RedisRateLimiter(this.first, this.prefix, Duration.ofSeconds(1), Duration.ofMinutes(1));
		RedisRateLimiter two = new RedisRateLimiter(this.second, this.prefix, Duration.ofSeconds(1), Duration.ofMinutes(1));
		RateLimit limit = RateLimit.parse("3/m");
		assertThat(one.acquire("api.call", limit, 0).granted()).isTrue();
		assertThat(two.acquire("api.call", limit, 0).granted()).isTrue();
		assertThat(one.acquire("api.call", limit, 0).granted()).isTrue();
		assertThat(two.acquire("api.call", limit, 0).granted()).as("the shared bucket is empty").isFalse();
		one.destroy();
		two.destroy();
	}

	@Test
	void bucketKeysExpireSoUnusedLimitsLeaveNothingBehind() {
		RedisRateLimiter limiter = new RedisRateLimiter(this.first, this.prefix, Duration.ofSeconds(1),
				Duration.ofMinutes(1));
		limiter.acquire("api.call", RateLimit.parse("10/s"), 0);
		Long ttl = new StringRedisTemplate(this.first).getExpire(this.prefix + ":ratelimit:{api.call}");
		assertThat(ttl).isPositive().isLessThanOrEqualTo(61);
		limiter.destroy();
	}

	@Test
	void aLimitChangedOnOneInstanceReachesTheOtherWithinASecond() throws Exception {
		RateLimitChannel oneChannel = new RedisRateLimitChannel(this.first, this.prefix);
		RateLimitChannel twoChannel = new RedisRateLimitChannel(this.second, this.prefix);
		RateLimits one = new RateLimits((task) -> null, java.util.List::of, java.util.Map.of(), oneChannel);
		RateLimits two = new RateLimits((task) -> null, java.util.List::of, java.util.Map.of(), twoChannel);
		one.update("api.call", "7/m");
		await().atMost(Duration.ofSeconds(1)).until(() -> two.limitOf("api.call").isPresent());
		assertThat(two.limitOf("api.call")).contains(RateLimit.parse("7/m"));
		assertThat(two.versionOf("api.call")).isEqualTo(one.versionOf("api.call")).isPositive();
		one.remove("api.call");
		await().atMost(Duration.ofSeconds(1)).until(() -> two.limitOf("api.call").isEmpty());
		RateLimits late = new RateLimits((task) -> null, java.util.List::of, java.util.Map.of("api.call", RateLimit.parse("1/s")),
				new RedisRateLimitChannel(this.second, this.prefix));
		assertThat(late.limitOf("api.call")).as("an instance starting later catches up").isEmpty();
		((RedisRateLimitChannel) oneChannel).destroy();
		((RedisRateLimitChannel) twoChannel).destroy();
	}

	private static LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(RedisTestServer.url()));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
