package dev.celerity.backend.redis;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.backend.AbstractChordStoreContractTests;
import dev.celerity.backend.ChordStore;
import dev.celerity.message.MessageCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chord store contract on a real Redis at 127.0.0.1:6379, plus its key layout.
 */
class RedisChordStoreTests extends AbstractChordStoreContractTests {

	private static LettuceConnectionFactory connectionFactory;

	private final String prefix = "celerity-test-" + UUID.randomUUID();

	private final RedisChordStore store = new RedisChordStore(connectionFactory, new MessageCodec(), this.prefix);

	@BeforeAll
	static void connect() {
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@Override
	protected ChordStore store() {
		return this.store;
	}

	@Test
	void chordStateIsOneHashTaggedKeyWithTheTimeToLive() {
		this.store.complete("c1", 0, 2, "a", Duration.ofSeconds(30));
		StringRedisTemplate redis = new StringRedisTemplate(connectionFactory);
		String key = this.prefix + ":chord:{c1}";
		assertThat(redis.opsForHash().entries(key)).containsEntry("r0", "\"a\"");
		assertThat(redis.getExpire(key)).isBetween(1L, 30L);
		redis.delete(key);
	}

}
