package dev.celerity.autoconfigure.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.InvalidCelerityPropertyException;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.control.memory.InMemoryTaskEventHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the dashboard is served, and what it reads.
 */
class CelerityDashboardAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityControlAutoConfiguration.class, CelerityDashboardAutoConfiguration.class))
		.withPropertyValues("celerity.broker.type=memory", "celerity.worker.enabled=false");

	@Test
	void runWithoutSecurityAndWithoutEnabledShouldNotServeTheDashboard() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DashboardPageController.class));
	}

	@Test
	void runWhenEnabledShouldServeTheDashboardReadingThisInstancesEventsOnTheEmbeddedBroker() {
		this.contextRunner.withPropertyValues("celerity.dashboard.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(DashboardPageController.class)
				.hasSingleBean(DashboardApiController.class)
				.hasSingleBean(DashboardActionController.class);
			assertThat(context.getBean(TaskEventHistory.class)).isInstanceOf(InMemoryTaskEventHistory.class);
			assertThat(context.getBean(CelerityDashboardProperties.class).isReadOnly()).isTrue();
		});
	}

	@Test
	void runWithASecurityFilterChainShouldServeTheDashboardUnlessDisabled() {
		this.contextRunner.withUserConfiguration(FilterChainConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(DashboardPageController.class));
		this.contextRunner.withUserConfiguration(FilterChainConfiguration.class)
			.withPropertyValues("celerity.dashboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DashboardPageController.class));
	}

	@Test
	void runOutsideAWebApplicationShouldNotServeTheDashboard() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityControlAutoConfiguration.class, CelerityDashboardAutoConfiguration.class))
			.withPropertyValues("celerity.broker.type=memory", "celerity.worker.enabled=false",
					"celerity.dashboard.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(DashboardPageController.class));
	}

	@Test
	void runWithAPathWithoutLeadingSlashShouldFailNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.dashboard.enabled=true", "celerity.dashboard.path=celerity")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidCelerityPropertyException.class)
				.hasMessageContaining("celerity.dashboard.path"));
	}

	@Test
	void runWithAScanLimitBelowOneShouldFailNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("celerity.dashboard.enabled=true", "celerity.dashboard.history.scan-limit=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("celerity.dashboard.history.scan-limit"));
	}

	@Configuration(proxyBeanMethods = false)
	static class FilterChainConfiguration {

		@Bean
		SecurityFilterChain filterChain() {
			return new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE);
		}

	}

}
