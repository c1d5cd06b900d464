package dev.celerity.autoconfigure.dashboard;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Serves the dashboard when {@code celerity.dashboard.enabled=true}, or when it is unset and the application has a
 * Spring Security filter chain (its security then guards the dashboard): without security it must be asked for.
 * Spring Security's classes alone do not count, since they may be on the class path with nothing configured.
 */
class OnDashboardEnabledCondition extends SpringBootCondition implements ConfigurationCondition {

	// judged once the application's own bean definitions are registered, as @ConditionalOnBean is
	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String enabled = context.getEnvironment().getProperty("celerity.dashboard.enabled");
		if (enabled != null) {
			return Boolean.parseBoolean(enabled.trim()) ? ConditionOutcome.match("celerity.dashboard.enabled is true")
					: ConditionOutcome.noMatch("celerity.dashboard.enabled is false");
		}
		ConfigurableListableBeanFactory beans = context.getBeanFactory();
		if (beans != null && ClassUtils.isPresent(SECURITY_FILTER_CHAIN, context.getClassLoader())
				&& beans.getBeanNamesForType(ClassUtils.resolveClassName(SECURITY_FILTER_CHAIN,
						context.getClassLoader()), true, false).length > 0) {
			return ConditionOutcome.match("a SecurityFilterChain guards the application and "
					+ "celerity.dashboard.enabled is unset");
		}
		return ConditionOutcome.noMatch("celerity.dashboard.enabled is unset and no SecurityFilterChain is defined");
	}

}
