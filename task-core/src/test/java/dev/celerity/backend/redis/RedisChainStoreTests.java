package dev.celerity.backend.redis;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.backend.AbstractChainStoreContractTests;
import dev.celerity.backend.ChainStore;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain store contract on a real Redis, plus its key layout and expiry.
 */
@RequiresRedis
class RedisChainStoreTests extends AbstractChainStoreContractTests {

	private final RedisConnectionFactory connectionFactory;

	private final String prefix;

	private final RedisChainStore store;

	RedisChainStoreTests(RedisTestContext redis) {
		this.connectionFactory = redis.connectionFactory();
		// a prefix per test, inside the class's prefix (whose keys are deleted after the class)
		this.prefix = redis.keyPrefix() + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.store = new RedisChainStore(this.connectionFactory, new MessageCodec(), this.prefix);
	}

	@Override
	protected ChainStore store() {
		return this.store;
	}

	@Test
	void aChainIsOneHashTaggedListWithTheTimeToLiveWhichAReadRenews() {
		this.store.save("c1", steps(3), Duration.ofSeconds(5));
		StringRedisTemplate redis = new StringRedisTemplate(this.connectionFactory);
		String key = this.prefix + ":chain:{c1}";
		assertThat(this.store.key("c1")).isEqualTo(key);
		assertThat(redis.opsForList().size(key)).isEqualTo(3);
		assertThat(redis.getExpire(key)).isBetween(1L, 5L);
		this.store.step("c1", 1, Duration.ofSeconds(60));
		assertThat(redis.getExpire(key)).isBetween(30L, 60L);
		this.store.delete("c1");
		assertThat(redis.hasKey(key)).isFalse();
	}

}
