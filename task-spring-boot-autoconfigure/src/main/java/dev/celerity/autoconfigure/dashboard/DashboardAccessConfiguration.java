package dev.celerity.autoconfigure.dashboard;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Who may write: the application's Spring Security rules when it has them, everyone otherwise (the read-only switch
 * still applies to all).
 */
@Configuration(proxyBeanMethods = false)
class DashboardAccessConfiguration {

	// one method rather than a configuration per case: Spring Security's types are named only where they exist
	@Bean
	@ConditionalOnMissingBean
	DashboardAccess celerityDashboardAccess(ListableBeanFactory beans) {
		if (ClassUtils.isPresent(OnDashboardEnabledCondition.SECURITY_FILTER_CHAIN, getClass().getClassLoader())) {
			return SecurityDashboardAccess.of(beans);
		}
		return DashboardAccess.OPEN;
	}

}
