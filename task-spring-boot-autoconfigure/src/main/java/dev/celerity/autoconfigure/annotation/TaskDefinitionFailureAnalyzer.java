package dev.celerity.autoconfigure.annotation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.celerity.registry.InvalidTaskDefinitionException;

/**
 * Explains a start-up failure caused by an invalid {@code @Task} attribute.
 */
class TaskDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTaskDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTaskDefinitionException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct the attribute '" + cause.getAttribute() + "' of @Task on method '" + cause.getMethodName()
						+ "' of bean '" + cause.getBeanName() + "' (README: \"@Task attributes\").",
				cause);
	}

}
