package dev.celerity.celery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.celerity.message.DeliveryInfo;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.SignatureSpec;
import dev.celerity.message.TaskMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CeleryMessageCodecTests {

	// as Celery 5.2.6 LPUSHes add.apply_async((2, 3), countdown=5, expires=60, priority=5)
	private static final String CELERY_5_2 = "{\"body\": \"W1syLCAzXSwge30sIHsiY2FsbGJhY2tzIjogbnVsbCwgImVycmJhY2tzIjogbnVsbCwgImNoYWluIjogbnVsbCwgImNob3JkIjogbnVsbH1d\", "
			+ "\"content-encoding\": \"utf-8\", \"content-type\": \"application/json\", \"headers\": {\"lang\": \"py\", "
			+ "\"task\": \"tasks.add\", \"id\": \"72544275-ba2a-40a9-87e5-c352a25a29b0\", \"shadow\": null, "
			+ "\"eta\": \"2026-12-04T18:41:37.366483+00:00\", \"expires\": \"2026-12-04T18:42:32.366483+00:00\", "
			+ "\"group\": null, \"group_index\": null, \"retries\": 0, \"timelimit\": [null, null], "
			+ "\"root_id\": \"72544275-ba2a-40a9-87e5-c352a25a29b0\", \"parent_id\": null, \"argsrepr\": \"(2, 3)\", "
			+ "\"kwargsrepr\": \"{}\", \"origin\": \"gen10733@vm\", \"ignore_result\": false}, \"properties\": "
			+ "{\"correlation_id\": \"72544275-ba2a-40a9-87e5-c352a25a29b0\", \"reply_to\": \"f4a29dad\", "
			+ "\"delivery_mode\": 2, \"expiration\": \"60000\", \"delivery_info\": {\"exchange\": \"\", "
			+ "\"routing_key\": \"celery\"}, \"priority\": 5, \"body_encoding\": \"base64\", "
			+ "\"delivery_tag\": \"7bbecb61-1c1b-4282-83d6-3fa5670e5abf\"}}";

	private final MessageCodec messages = new MessageCodec();

	private final CeleryMessageCodec codec = new CeleryMessageCodec(this.messages, "celerity@test");

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void readsWhatCelery52Sends() {
		TaskMessage message = this.codec.decode(bytes(CELERY_5_2), "celery");
		assertThat(message.id()).isEqualTo("72544275-ba2a-40a9-87e5-c352a25a29b0");
		assertThat(message.task()).isEqualTo("tasks.add");
		assertThat(message.args()).containsExactly(2, 3);
		assertThat(message.headers().eta()).isEqualTo(Instant.parse("2026-12-04T18:41:37.366483Z"));
		assertThat(message.headers().expires()).isEqualTo(Instant.parse("2026-12-04T18:42:32.366483Z"));
		assertThat(message.headers().rootId()).isEqualTo(message.id());
		assertThat(message.delivery()).isEqualTo(new DeliveryInfo("celery", 4, CeleryMessageCodec.ROUTED_BY));
	}

	@Test
	void toleratesTheStampingHeadersOfCelery53() {
		String stamped = CELERY_5_2.replace("\"ignore_result\": false}",
				"\"ignore_result\": false, \"stamped_headers\": [\"on_signature\"], \"stamps\": {\"on_signature\": "
						+ "\"x\"}, \"replaced_task_nesting\": 0}");
		TaskMessage message = this.codec.decode(bytes(stamped), "celery");
		assertThat(message.headers().extra()).containsEntry("stamped_headers", "[\"on_signature\"]")
			.containsEntry("replaced_task_nesting", "0");
	}

	@Test
	void refusesPickleWithAReason() {
		String pickled = CELERY_5_2.replace("application/json", "application/x-python-serialize");
		assertThatExceptionOfType(CeleryMessageRefusedException.class)
			.isThrownBy(() -> this.codec.decode(bytes(pickled), "celery"))
			.withMessageContaining("'application/x-python-serialize' is refused")
			.withMessageContaining("pickle");
	}

	@Test
	@SuppressWarnings("unchecked")
	void writesTheProtocol2EnvelopeWithBodyHeadersAndProperties() {
		SignatureSpec next = new SignatureSpec("tasks.mul", List.of(2), Map.of(), Map.of("priority", 9), false, null);
		TaskMessage message = new TaskMessage("id-1", "tasks.add", List.of(1, 2), Map.of("k", "v"),
				new MessageHeaders(1, null, null, "root", "parent", null, Map.of("traceparent", "00-x")),
				new DeliveryInfo("py", 7, "test"), new MessageEmbed(List.of(), List.of(), List.of(next), null));
		Map<String, Object> envelope = this.mapper.readValue(this.codec.encode(message, "py", 7,
				Instant.parse("2030-01-01T00:00:00Z")), Map.class);
		assertThat(envelope).containsEntry("content-type", "application/json")
			.containsEntry("content-encoding", "utf-8");
		Map<String, Object> headers = (Map<String, Object>) envelope.get("headers");
		assertThat(headers).containsEntry("task", "tasks.add")
			.containsEntry("id", "id-1")
			.containsEntry("retries", 1)
			.containsEntry("root_id", "root")
			.containsEntry("parent_id", "parent")
			.containsEntry("eta", "2030-01-01T00:00:00.000000+00:00")
			.containsEntry("traceparent", "00-x")
			.containsKeys("lang", "shadow", "expires", "group", "group_index", "timelimit", "argsrepr", "kwargsrepr",
					"origin", "ignore_result");
		Map<String, Object> properties = (Map<String, Object>) envelope.get("properties");
		assertThat(properties).containsEntry("priority", 2)
			.containsEntry("body_encoding", "base64")
			.containsEntry("delivery_info", Map.of("exchange", "", "routing_key", "py"))
			.containsKeys("correlation_id", "reply_to", "delivery_mode", "delivery_tag");
		List<Object> body = this.mapper.readValue(Base64.getDecoder().decode((String) envelope.get("body")),
				List.class);
		assertThat(body.get(0)).isEqualTo(List.of(1, 2));
		assertThat(body.get(1)).isEqualTo(Map.of("k", "v"));
		Map<String, Object> embed = (Map<String, Object>) body.get(2);
		Map<String, Object> chained = ((List<Map<String, Object>>) embed.get("chain")).get(0);
		assertThat(chained).containsEntry("task", "tasks.mul")
			.containsEntry("options", Map.of("priority", 0))
			.containsKeys("args", "kwargs", "subtask_type", "immutable", "chord_size");
		TaskMessage back = this.codec.decode(this.codec.encode(message, "py", 7, null), "py");
		assertThat(back.embed().chain()).containsExactly(next);
		assertThat(back.delivery().priority()).isEqualTo(7);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
