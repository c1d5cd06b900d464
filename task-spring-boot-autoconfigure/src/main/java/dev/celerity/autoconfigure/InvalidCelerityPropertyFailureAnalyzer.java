package dev.celerity.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up failure caused by a Celerity property: the property, its value and why, then what to change.
 */
public class InvalidCelerityPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCelerityPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCelerityPropertyException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
