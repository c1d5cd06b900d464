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
	void bytesThatAreNotAMessageAreRefusedWithAReason() {
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode("[1,2".getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("Not a task message");
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode("{\"task\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("required");
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
