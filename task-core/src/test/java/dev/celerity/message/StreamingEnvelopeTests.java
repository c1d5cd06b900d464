package dev.celerity.message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The streaming envelope writer and reader against the mapper's own reading and writing of the same records, which
 * stay the reference: thousands of generated messages must encode to the very same bytes and decode to equal
 * records, and input outside the canonical shape must be read (or refused) exactly as the mapper reads it.
 */
class StreamingEnvelopeTests {

	private final MessageCodec codec = new MessageCodec();

	private final Random random = new Random(20261204L);

	private final RandomJsonValues samples = new RandomJsonValues(this.random);

	@Test
	void generatedMessagesEncodeToTheMappersBytesAndDecodeToEqualRecords() {
		for (int i = 0; i < 3_000; i++) {
			TaskMessage message = message();
			byte[] streamed = this.codec.encode(message);
			byte[] reference = this.codec.write(message);
			assertThat(new String(streamed, StandardCharsets.UTF_8)).as("message %d", i)
				.isEqualTo(new String(reference, StandardCharsets.UTF_8));
			TaskMessage read = this.codec.readStreaming(streamed, TaskMessageReader::read);
			assertThat(read).as("message %d read by the streaming reader", i).isNotNull();
			assertThat(read).isEqualTo(this.codec.read(streamed, TaskMessage.class));
			assertThat(this.codec.decode(streamed)).isEqualTo(read);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\":5,\"task\":\"t\",\"delivery\":{\"queue\":\"q\"}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\",\"priority\":\"3\"}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"retries\":\"2\"}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"eta\":\"2026-01-01T01:00:00+01:00\"}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"eta\":1767225600}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"extra\":{\"n\":3}}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"extra\":{\"n\":null}}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"retries\":null}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"timelimit\":[1]}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"timelimit\":[\"1\",null]}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"args\":{\"not\":\"a list\"}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"args\":\"text\"}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"kwargs\":[1]}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"embed\":{\"chain\":[null]}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"embed\":{\"chain\":{\"task\":\"x\"}}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"embed\":{\"chain_ref\":{\"id\":\"c\",\"position\":9,\"size\":2}}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"embed\":{\"chord\":{\"task\":\"b\",\"immutable\":null}}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":{\"ignore_result\":\"yes\"}}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"}} {\"trailing\":1}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"unknown\":{\"deep\":[1,2,{\"x\":[]}]},\"id\":\"b\"}",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":null}", "{\"id\":\"a\",\"task\":\"t\"", "[1,2,3]", "\"text\"",
			"{\"id\":\"a\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\"},\"headers\":[]}", "" })
	void inputOutsideTheCanonicalShapeIsReadAsTheMapperReadsIt(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		Throwable referenceFailure = catchThrowable(() -> this.codec.read(bytes, TaskMessage.class));
		if (referenceFailure != null) {
			assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> this.codec.decode(bytes));
			return;
		}
		TaskMessage reference = this.codec.read(bytes, TaskMessage.class);
		if (reference == null || reference.id() == null || reference.task() == null || reference.delivery() == null) {
			assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> this.codec.decode(bytes));
		}
		else {
			assertThat(this.codec.decode(bytes)).isEqualTo(reference);
		}
	}

	@Test
	void aFieldTheStreamingReaderDoesNotKnowIsLeftToTheMapper() {
		byte[] bytes = ("{\"id\":\"a\",\"x\":{\"deep\":[1,{\"y\":[]}]},\"task\":\"t\",\"delivery\":{\"queue\":\"q\","
				+ "\"priority\":1},\"id\":\"b\"}").getBytes(StandardCharsets.UTF_8);
		assertThat(this.codec.readStreaming(bytes, TaskMessageReader::read)).isNull();
		TaskMessage decoded = this.codec.decode(bytes);
		assertThat(decoded.id()).isEqualTo("b");
		assertThat(decoded).isEqualTo(this.codec.read(bytes, TaskMessage.class));
	}

	private TaskMessage message() {
		Map<String, String> extra = new LinkedHashMap<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			extra.put(this.samples.text(), this.samples.text());
		}
		String group = maybe(this.samples::text);
		if (group != null && this.random.nextBoolean()) {
			new GroupSlot(group, this.random.nextInt(100), this.random.nextInt(100)).writeTo(extra);
		}
		List<Double> timelimit = this.random.nextBoolean() ? null
				: Arrays.asList(maybe(() -> this.random.nextDouble() * 100), maybe(() -> 1.5));
		MessageHeaders headers = new MessageHeaders(this.random.nextInt(10), maybe(this.samples::instant),
				maybe(this.samples::instant), maybe(this.samples::text), maybe(this.samples::text), group, extra,
				timelimit, maybe(this.random::nextBoolean));
		DeliveryInfo delivery = new DeliveryInfo(this.samples.text(), this.random.nextInt(10),
				maybe(this.samples::text));
		MessageEmbed embed = new MessageEmbed(signatures(), signatures(), signatures(),
				this.random.nextInt(4) == 0 ? new ChainRef("c" + this.random.nextInt(), 0, this.random.nextInt(50))
						: null,
				maybe(this::signature), null);
		return new TaskMessage("id-" + this.samples.text(), "task-" + this.samples.text(), this.samples.values(),
				this.samples.object(), headers, delivery, embed);
	}

	private List<SignatureSpec> signatures() {
		List<SignatureSpec> signatures = new ArrayList<>();
		for (int i = this.random.nextInt(3); i > 0; i--) {
			signatures.add(signature());
		}
		return signatures;
	}

	private SignatureSpec signature() {
		return new SignatureSpec(this.samples.text(), this.samples.values(), this.samples.object(),
				this.samples.object(), this.random.nextBoolean(), maybe(this.samples::text));
	}

	private <T> T maybe(java.util.function.Supplier<T> value) {
		return this.random.nextBoolean() ? value.get() : null;
	}

}
