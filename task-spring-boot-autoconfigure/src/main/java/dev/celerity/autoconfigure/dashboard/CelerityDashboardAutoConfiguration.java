package dev.celerity.autoconfigure.dashboard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.schedule.BeatAutoConfiguration;
import dev.celerity.control.ClusterControl;

/**
 * Auto-configuration of the dashboard on a servlet web application: on when {@code celerity.dashboard.enabled=true},
 * or when it is unset and the application has a Spring Security filter chain. It reads the event history (the Redis event stream, or this
 * instance's events on the embedded broker), and acts through {@link ClusterControl}.
 */
@AutoConfiguration(after = { CelerityControlAutoConfiguration.class, BeatAutoConfiguration.class },
		afterName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@Conditional(OnDashboardEnabledCondition.class)
@ConditionalOnBean(ClusterControl.class)
@EnableConfigurationProperties(CelerityDashboardProperties.class)
@Import({ DashboardHistoryConfiguration.class, DashboardAccessConfiguration.class, DashboardWebConfiguration.class })
public final class CelerityDashboardAutoConfiguration {

}
