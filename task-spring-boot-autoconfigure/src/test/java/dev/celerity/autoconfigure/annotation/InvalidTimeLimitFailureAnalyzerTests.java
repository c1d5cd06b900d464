package dev.celerity.autoconfigure.annotation;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.celerity.registry.RetryPolicy;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.worker.InvalidTimeLimitException;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidTimeLimitFailureAnalyzerTests {

	@Test
	void softLimitAboveHardIsDescribedWithTheBeanMethodValuesAndFix() throws NoSuchMethodException {
		TaskDefinition task = new TaskDefinition("reports.monthly", "reports", this,
				InvalidTimeLimitFailureAnalyzerTests.class.getDeclaredMethod("monthly"), null, null, null,
				new RetryPolicy(0, List.of(), null, null, false, Duration.ofSeconds(1)), false, List.of());
		InvalidTimeLimitException failure = new InvalidTimeLimitException(task, "soft = \"2s\", hard = \"1s\"",
				"the soft limit PT2S must not be larger than the hard limit PT1S", null);
		FailureAnalysis analysis = new InvalidTimeLimitFailureAnalyzer().analyze(new IllegalStateException(failure));
		assertThat(analysis.getDescription()).contains("bean 'reports' method 'monthly'").contains("PT2S");
		assertThat(analysis.getAction()).contains("soft = \"2s\", hard = \"1s\"").contains("'monthly'")
			.contains("'reports'");
	}

	void monthly() {
	}

}
