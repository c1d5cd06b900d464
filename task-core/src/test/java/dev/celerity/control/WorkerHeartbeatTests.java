package dev.celerity.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.celerity.message.MessageCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats travel as JSON between instances, which may run different versions during a rolling upgrade.
 */
class WorkerHeartbeatTests {

	private final MessageCodec codec = new MessageCodec();

	@Test
	void prefetchedMessagesTravelWithThePool() {
		WorkerHeartbeat beat = new WorkerHeartbeat(new InstanceIdentity("i-1", "host", 42, "app"),
				List.of(new WorkerHeartbeat.PoolStatus("default", List.of("default"), 4, 2, List.of(), 7)), 9,
				Instant.parse("2026-12-04T12:00:00Z"));
		WorkerHeartbeat read = this.codec.read(this.codec.write(beat), WorkerHeartbeat.class);
		assertThat(read).isEqualTo(beat);
		assertThat(read.pools().get(0).prefetched()).isEqualTo(7);
	}

	@Test
	void heartbeatOfAnInstanceThatDoesNotCountPrefetchedMessagesIsStillRead() {
		String earlier = "{\"instance\":{\"id\":\"i-1\",\"host\":\"host\",\"pid\":42,\"application\":\"app\"},\"pools\":[{\"name\":\"default\","
				+ "\"queues\":[\"default\"],\"concurrency\":4,\"active\":2,\"paused\":[]}],\"processed\":9,"
				+ "\"at\":\"2026-12-04T12:00:00Z\"}";
		WorkerHeartbeat read = this.codec.read(earlier.getBytes(StandardCharsets.UTF_8), WorkerHeartbeat.class);
		assertThat(read.pools().get(0).active()).isEqualTo(2);
		assertThat(read.pools().get(0).prefetched()).isNull();
	}

}
