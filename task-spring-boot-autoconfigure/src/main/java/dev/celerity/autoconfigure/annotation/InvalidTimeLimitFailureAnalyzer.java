package dev.celerity.autoconfigure.annotation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.celerity.worker.InvalidTimeLimitException;

/**
 * Explains a start-up failure caused by an invalid {@code @TimeLimit}.
 */
class InvalidTimeLimitFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTimeLimitException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTimeLimitException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct @TimeLimit(" + cause.getAttributes() + ") on method '" + cause.getMethodName() + "' of bean '"
						+ cause.getBeanName() + "': both limits positive durations, soft no larger than hard "
						+ "(README: \"Time limits\").",
				cause);
	}

}
