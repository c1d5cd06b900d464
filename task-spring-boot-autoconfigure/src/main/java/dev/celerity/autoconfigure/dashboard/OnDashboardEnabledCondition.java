package dev.celerity.autoconfigure.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Serves the dashboard when {@code celerity.dashboard.enabled=true}, or when it is unset and Spring Security is on
 * the class path: without security the dashboard must be asked for.
 */
class OnDashboardEnabledCondition extends SpringBootCondition {

	static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String enabled = context.getEnvironment().getProperty("celerity.dashboard.enabled");
		if (enabled != null) {
			return Boolean.parseBoolean(enabled.trim()) ? ConditionOutcome.match("celerity.dashboard.enabled is true")
					: ConditionOutcome.noMatch("celerity.dashboard.enabled is false");
		}
		if (ClassUtils.isPresent(SECURITY_FILTER_CHAIN, context.getClassLoader())) {
			return ConditionOutcome.match("Spring Security is present and celerity.dashboard.enabled is unset");
		}
		return ConditionOutcome.noMatch("celerity.dashboard.enabled is unset and Spring Security is absent");
	}

}
