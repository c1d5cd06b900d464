package dev.celerity.celery.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;

import dev.celerity.message.GroupSlot;
import dev.celerity.message.TaskMessage;

/**
 * Records the size of a chord whose header is sent from Celerity ({@code celery-taskset-meta-<group>.s}), as
 * Celery's {@code chord.run} does before it sends the header, so that a Python worker finishing the last header task
 * knows the header is complete.
 */
final class CeleryChordSizes {

	private static final Duration TIME_TO_LIVE = Duration.ofDays(1);

	private final RedisConnectionFactory connectionFactory;

	CeleryChordSizes(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	void registerHeader(TaskMessage message) {
		GroupSlot slot = message.embed().slot();
		if (slot == null || message.embed().chord() == null || slot.size() < 1) {
			return;
		}
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.stringCommands()
				.set(CeleryKeys.chord(slot.groupId(), ".s").getBytes(StandardCharsets.UTF_8),
						Integer.toString(slot.size()).getBytes(StandardCharsets.UTF_8),
						Expiration.from(TIME_TO_LIVE), SetOption.ifAbsent());
		}
	}

}
