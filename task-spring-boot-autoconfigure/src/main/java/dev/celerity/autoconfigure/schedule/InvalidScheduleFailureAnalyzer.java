package dev.celerity.autoconfigure.schedule;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.celerity.schedule.InvalidScheduleException;
import dev.celerity.schedule.ScheduleOrigin;

/**
 * Explains a start-up failure caused by a schedule that cannot work.
 */
class InvalidScheduleFailureAnalyzer extends AbstractFailureAnalyzer<InvalidScheduleException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidScheduleException cause) {
		ScheduleOrigin origin = cause.getOrigin();
		String action = (origin.isAnnotation() && cause.getAttribute().equals("task"))
				? "Annotate method '" + origin.methodName() + "' of bean '" + origin.beanName()
						+ "' with @Task as well, or remove its @Periodic"
				: origin.isAnnotation() ? "Correct the attribute '" + cause.getAttribute() + "' of @Periodic on method '" + origin.methodName()
						+ "' of bean '" + origin.beanName() + "'"
				: "Correct the property '" + cause.getAttribute() + "'";
		return new FailureAnalysis(cause.getMessage(), action + " (README: \"Periodic tasks\").", cause);
	}

}
