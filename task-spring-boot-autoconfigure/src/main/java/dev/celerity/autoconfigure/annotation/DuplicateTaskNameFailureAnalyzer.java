package dev.celerity.autoconfigure.annotation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.celerity.registry.DuplicateTaskNameException;

/**
 * Explains a start-up failure caused by two tasks sharing one name.
 */
class DuplicateTaskNameFailureAnalyzer extends AbstractFailureAnalyzer<DuplicateTaskNameException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DuplicateTaskNameException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give one of the methods a distinct @Task(name = ...); task names are unique across the application.",
				cause);
	}

}
