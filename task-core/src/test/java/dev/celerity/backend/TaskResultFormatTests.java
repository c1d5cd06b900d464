package dev.celerity.backend;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import dev.celerity.api.RemoteError;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.RandomJsonValues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The streaming form of a stored state against the mapper's own writing and reading of {@link TaskResult}, which
 * stays the reference (states written by earlier versions are read by it).
 */
class TaskResultFormatTests {

	private final MessageCodec codec = new MessageCodec();

	// a plain parser: the streaming reader needs nothing of the codec's mapper, and must read the state by itself
	private final JsonMapper parsers = new JsonMapper();

	private final Random random = new Random(4122026L);

	private final RandomJsonValues samples = new RandomJsonValues(this.random);

	@Test
	void generatedStatesEncodeToTheMappersBytesAndDecodeToEqualRecords() {
		String[] states = { "SUCCESS", "FAILURE", "PENDING", "STARTED", "RETRY", "REVOKED", "PROGRESS" };
		for (int i = 0; i < 3_000; i++) {
			RemoteError error = this.random.nextBoolean() ? null
					: new RemoteError(maybe(this.samples.text()), maybe(this.samples.text()),
							this.random.nextBoolean() ? List.of() : List.of(this.samples.text(), "at x.y(Z.java:1)"));
			TaskResult result = new TaskResult(maybe(this.samples.text()), maybe(this.samples.text()),
					states[this.random.nextInt(states.length)], value(),
					this.random.nextBoolean() ? null : this.samples.object(), error, maybe(this.samples.instant()));
			byte[] streamed = TaskResultFormat.encode(this.codec, result);
			assertThat(new String(streamed, StandardCharsets.UTF_8)).as("state %d", i)
				.isEqualTo(new String(this.codec.write(result), StandardCharsets.UTF_8));
			TaskResult read = TaskResultFormat.read(this.parsers.createParser(streamed));
			assertThat(read).as("state %d read by the streaming reader", i)
				.isEqualTo(this.codec.read(streamed, TaskResult.class));
			assertThat(TaskResultFormat.decode(this.codec, streamed)).isEqualTo(read);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"task_id\":7,\"state\":\"SUCCESS\"}", "{\"task_id\":\"a\",\"date_done\":1767225600}",
			"{\"task_id\":\"a\",\"date_done\":\"2026-01-01T01:00:00+01:00\"}",
			"{\"task_id\":\"a\",\"error\":{\"stack_trace\":[1,2]}}", "{\"task_id\":\"a\",\"meta\":[]}",
			"{\"task_id\":\"a\",\"state\":\"SUCCESS\",\"result\":{\"x\":[1,{\"y\":null}]},\"unknown\":[{}]}",
			"{\"task_id\":\"a\"} []", "[]", "not json" })
	void inputOutsideTheCanonicalShapeIsReadAsTheMapperReadsIt(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		Throwable referenceFailure = catchThrowable(() -> this.codec.read(bytes, TaskResult.class));
		if (referenceFailure != null) {
			assertThatException().isThrownBy(() -> TaskResultFormat.decode(this.codec, bytes));
		}
		else {
			assertThat(TaskResultFormat.decode(this.codec, bytes)).isEqualTo(this.codec.read(bytes, TaskResult.class));
		}
	}

	private Object value() {
		List<Object> values = this.samples.values();
		return values.isEmpty() ? null : values.get(0);
	}

	private <T> T maybe(T value) {
		return this.random.nextInt(4) == 0 ? null : value;
	}

}
