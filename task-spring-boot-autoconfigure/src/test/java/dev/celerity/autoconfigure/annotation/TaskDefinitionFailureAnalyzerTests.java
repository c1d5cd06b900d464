package dev.celerity.autoconfigure.annotation;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.celerity.registry.DuplicateTaskNameException;
import dev.celerity.registry.InvalidTaskDefinitionException;

import static org.assertj.core.api.Assertions.assertThat;

class TaskDefinitionFailureAnalyzerTests {

	@Test
	void invalidAttributeIsDescribedWithTheBeanMethodValueAndFix() {
		InvalidTaskDefinitionException failure = new InvalidTaskDefinitionException("billing", "charge", "rateLimit",
				"lots/s", "not a rate", null);
		FailureAnalysis analysis = new TaskDefinitionFailureAnalyzer().analyze(new IllegalStateException(failure));
		assertThat(analysis.getDescription()).contains("'billing'").contains("lots/s");
		assertThat(analysis.getAction()).contains("rateLimit").contains("'charge'");
	}

	@Test
	void duplicateNameIsDescribedWithBothMethods() {
		DuplicateTaskNameException failure = new DuplicateTaskNameException("same", "a.run()", "b.go()");
		FailureAnalysis analysis = new DuplicateTaskNameFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("a.run()").contains("b.go()");
		assertThat(analysis.getAction()).contains("@Task(name");
	}

}
