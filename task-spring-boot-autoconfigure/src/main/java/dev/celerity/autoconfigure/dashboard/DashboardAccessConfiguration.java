package dev.celerity.autoconfigure.dashboard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Who may write: the application's Spring Security rules when it has them, everyone otherwise (the read-only switch
 * still applies to all).
 */
@Configuration(proxyBeanMethods = false)
@Import({ DashboardAccessConfiguration.SecurityAccess.class, DashboardAccessConfiguration.OpenAccess.class })
class DashboardAccessConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = OnDashboardEnabledCondition.SECURITY_FILTER_CHAIN)
	static class SecurityAccess {

		@Bean
		@ConditionalOnMissingBean
		DashboardAccess celerityDashboardAccess(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
			WebInvocationPrivilegeEvaluator rules = evaluator.getIfAvailable();
			return (rules != null) ? new SecurityDashboardAccess(rules) : DashboardAccess.OPEN;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OpenAccess {

		@Bean
		@ConditionalOnMissingBean
		DashboardAccess celerityDashboardAccess() {
			return DashboardAccess.OPEN;
		}

	}

}
