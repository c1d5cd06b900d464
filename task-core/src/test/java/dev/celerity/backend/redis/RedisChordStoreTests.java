package dev.celerity.backend.redis;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.backend.AbstractChordStoreContractTests;
import dev.celerity.backend.ChordStore;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chord store contract on a real Redis, plus its key layout.
 */
@RequiresRedis
class RedisChordStoreTests extends AbstractChordStoreContractTests {

	private final RedisConnectionFactory connectionFactory;

	private final String prefix;

	private final RedisChordStore store;

	RedisChordStoreTests(RedisTestContext redis) {
		this.connectionFactory = redis.connectionFactory();
		// a prefix per test, inside the class's prefix (whose keys are deleted after the class)
		this.prefix = redis.keyPrefix() + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.store = new RedisChordStore(this.connectionFactory, new MessageCodec(), this.prefix);
	}

	@Override
	protected ChordStore store() {
		return this.store;
	}

	@Test
	void chordStateIsOneHashTaggedKeyWithTheTimeToLive() {
		this.store.complete("c1", 0, 2, "a", Duration.ofSeconds(30));
		StringRedisTemplate redis = new StringRedisTemplate(this.connectionFactory);
		String key = this.prefix + ":chord:{c1}";
		assertThat(redis.opsForHash().entries(key)).containsEntry("r0", "\"a\"");
		assertThat(redis.getExpire(key)).isBetween(1L, 30L);
		redis.delete(key);
	}

}
