package dev.celerity.celery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.celerity.api.RemoteError;
import dev.celerity.backend.TaskResult;

import static org.assertj.core.api.Assertions.assertThat;

class CeleryResultFormatTests {

	private final CeleryResultFormat format = new CeleryResultFormat();

	@Test
	void readsASuccessThatCeleryStored() {
		TaskResult result = this.format.decode(bytes("{\"status\": \"SUCCESS\", \"result\": 5, \"traceback\": null, "
				+ "\"children\": [], \"date_done\": \"2026-12-04T18:56:21.258603\", \"task_id\": \"t1\"}"), "t1");
		assertThat(result.state()).isEqualTo("SUCCESS");
		assertThat(result.result()).isEqualTo(5);
		assertThat(result.dateDone()).isEqualTo(Instant.parse("2026-12-04T18:56:21.258603Z"));
		assertThat(result.isReady()).isTrue();
	}

	@Test
	void readsAPythonFailureWithItsModuleAndTraceback() {
		TaskResult result = this.format.decode(bytes("{\"status\": \"FAILURE\", \"result\": {\"exc_type\": "
				+ "\"ValueError\", \"exc_message\": [\"broken\"], \"exc_module\": \"builtins\"}, \"traceback\": "
				+ "\"Traceback\\nValueError: broken\", \"children\": [], \"date_done\": null, \"task_id\": \"t2\"}"),
				"t2");
		assertThat(result.error()).isEqualTo(new RemoteError("builtins.ValueError", "broken",
				List.of("Traceback", "ValueError: broken")));
	}

	@Test
	void writesAJavaFailureAsCeleryExceptionInformation() {
		TaskResult failed = new TaskResult("t3", "java.add", "FAILURE", null, Map.of(),
				new RemoteError("java.lang.IllegalStateException", "no", List.of("at x")), Instant.EPOCH);
		String json = new String(this.format.encode(failed), StandardCharsets.UTF_8);
		assertThat(json).contains("\"status\":\"FAILURE\"")
			.contains("\"result\":{\"exc_type\":\"IllegalStateException\",\"exc_message\":[\"no\"],"
					+ "\"exc_module\":\"java.lang\"}")
			.contains("\"date_done\":\"1970-01-01T00:00:00.000000\"")
			.contains("\"task_id\":\"t3\"");
		assertThat(this.format.decode(this.format.encode(failed), "t3").error().type())
			.isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void aRevokeTravelsAsCeleryTaskRevokedError() {
		TaskResult revoked = new TaskResult("t4", null, "REVOKED", null, Map.of("reason", "expired"), null,
				Instant.EPOCH);
		String json = new String(this.format.encode(revoked), StandardCharsets.UTF_8);
		assertThat(json).contains("\"exc_type\":\"TaskRevokedError\"");
		assertThat(this.format.decode(bytes(json), "t4").meta()).containsEntry("reason", "expired");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
