package dev.celerity.message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageCodecTests {

	private final MessageCodec codec = new MessageCodec();

	@Test
	void messageSurvivesARoundTripWithCeleryFieldNames() {
		TaskMessage message = new TaskMessage("id-1", "orders.charge", List.of(42, "EUR"), Map.of("amount", 9.5),
				new MessageHeaders(2, Instant.parse("2026-01-01T00:00:00Z"), null, "root", "parent", null, Map.of()),
				new DeliveryInfo("high", 7, "task"), MessageEmbed.EMPTY);
		byte[] bytes = this.codec.encode(message);
		String json = new String(bytes, StandardCharsets.UTF_8);
		assertThat(json).contains("\"root_id\":\"root\"").contains("\"parent_id\":\"parent\"")
			.contains("\"task\":\"orders.charge\"");
		assertThat(this.codec.decode(bytes)).isEqualTo(message);
	}

	@Test
	void storedChainReferenceTravelsInTheEmbedAndTheGroupSlotOnlyInTheHeaders() {
		SignatureSpec chord = new SignatureSpec("c.body", List.of(), Map.of(), Map.of(), false, null);
		MessageEmbed embed = new MessageEmbed(List.of(), List.of(), List.of(), new ChainRef("chain-1", 3, 40), chord,
				new GroupSlot("g1", 2, 5));
		Map<String, String> extra = new java.util.LinkedHashMap<>();
		embed.slot().writeTo(extra);
		TaskMessage message = new TaskMessage("id-1", "t", List.of(), Map.of(),
				new MessageHeaders(0, null, null, "root", null, "g1", extra), new DeliveryInfo("q", 0, "task"), embed);
		byte[] bytes = this.codec.encode(message);
		String json = new String(bytes, StandardCharsets.UTF_8);
		assertThat(json).contains("\"chain_ref\":{\"id\":\"chain-1\",\"position\":3,\"size\":40}")
			.doesNotContain("\"slot\"")
			.doesNotContain("\"empty\"");
		TaskMessage decoded = this.codec.decode(bytes);
		assertThat(decoded.embed()).isEqualTo(embed);
		assertThat(decoded.embed().isChordMember()).isTrue();
	}

	@Test
	void messageOfThePreviousVersionWithAnInlineChainDecodesWithoutAReference() {
		String json = "{\"id\":\"id-1\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\",\"priority\":0},"
				+ "\"embed\":{\"chain\":[{\"task\":\"next\",\"immutable\":false,\"options\":{\"task_id\":\"n1\"}}]}}";
		TaskMessage decoded = this.codec.decode(json.getBytes(StandardCharsets.UTF_8));
		assertThat(decoded.embed().chainRef()).isNull();
		assertThat(decoded.embed().slot()).isNull();
		assertThat(decoded.embed().chain()).extracting(SignatureSpec::task).containsExactly("next");
	}

	@Test
	void bytesThatAreNotAMessageAreRefusedWithAReason() {
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode("[1,2".getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("Not a task message");
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode("{\"task\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("required");
	}

	@Test
	void aRefusalNamesWhereTheMessageIsWrongAndWhatIsMissing() {
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(("{\"id\":\"1\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\",\"priority\":0},"
					+ "\"headers\":{\"retries\":\"many\"}}").getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("Not a task message: at headers.retries: ")
			.withMessageContaining("\"many\"");
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(("{\"id\":\"1\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\",\"priority\":0},"
					+ "\"embed\":{\"callbacks\":[{\"task\":[1]}]}}").getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("Not a task message: at embed.callbacks[0].task: ");
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode("{\"id\":\"1\",\"args\":[]}".getBytes(StandardCharsets.UTF_8)))
			.withMessage("Not a task message: no task, delivery (id, task and delivery are required)");
	}

	@Test
	void aTypeIdPropertyInTheEnvelopeIsRefusedNamingIt() {
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(("{\"id\":\"1\",\"task\":\"t\",\"@class\":\"java.io.File\","
					+ "\"delivery\":{\"queue\":\"q\",\"priority\":0}}").getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("'@class' refused");
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(("{\"id\":\"1\",\"task\":\"t\",\"delivery\":{\"queue\":\"q\","
					+ "\"priority\":0},\"headers\":{\"retries\":0,\"@type\":\"java.io.File\"}}").getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("Not a task message: at headers")
			.withMessageContaining("'@type' refused");
	}

	@Test
	void classNamesInAMessageNeverInstantiateClasses() {
		String json = "{\"id\":\"1\",\"task\":\"t\",\"args\":[{\"@class\":\"java.io.File\",\"path\":\"/\"}],"
				+ "\"delivery\":{\"queue\":\"q\",\"priority\":0}}";
		TaskMessage message = this.codec.decode(json.getBytes(StandardCharsets.UTF_8));
		assertThat(message.args().get(0)).isInstanceOf(Map.class);
	}

	@Test
	void jsonValuesConvertToDeclaredGenericTypes() throws Exception {
		java.lang.reflect.Type listOfLongs = getClass().getDeclaredMethod("longs", List.class)
			.getGenericParameterTypes()[0];
		List<Long> converted = this.codec.convert(List.of(1, 2), listOfLongs);
		assertThat(converted).containsExactly(1L, 2L);
	}

	@SuppressWarnings("unused")
	private void longs(List<Long> values) {
	}

}
