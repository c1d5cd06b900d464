package dev.celerity.autoconfigure.routing;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.CelerityProperties;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.DefaultRouter;
import dev.celerity.routing.NamedRoutingRule;
import dev.celerity.routing.Router;
import dev.celerity.routing.RoutingDefaults;
import dev.celerity.routing.RoutingRule;
import dev.celerity.routing.TaskRoutes;

/**
 * Routing: the {@link Router} built from the call options, the application's {@link RoutingRule} beans (in
 * {@code @Order}), {@code celerity.routes}, the {@code @Task} attributes and the {@code celerity.queues} defaults.
 * Configuration errors fail start-up with the property path.
 */
@AutoConfiguration(before = CelerityAutoConfiguration.class)
@EnableConfigurationProperties({ CelerityProperties.class, CelerityRoutingProperties.class })
public final class CelerityRoutingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Router celerityRouter(TaskRegistry registry, MessageCodec codec, CelerityProperties properties,
			CelerityRoutingProperties routing, Environment environment, ObjectProvider<RoutingRule> rules,
			ListableBeanFactory beanFactory) {
		TaskRoutes routes = new TaskRoutes(RouteConfigurationReader.routes(routing, environment));
		RoutingDefaults defaults = new RoutingDefaults(properties.getDefaultQueue(), properties.getDefaultPriority(),
				RouteConfigurationReader.queuePriorities(routing));
		return new DefaultRouter(registry, namedInOrder(rules, beanFactory), routes, defaults, codec);
	}

	private static List<NamedRoutingRule> namedInOrder(ObjectProvider<RoutingRule> rules,
			ListableBeanFactory beanFactory) {
		Map<RoutingRule, String> names = new IdentityHashMap<>();
		beanFactory.getBeansOfType(RoutingRule.class).forEach((name, rule) -> names.put(rule, name));
		return rules.orderedStream().map((rule) -> new NamedRoutingRule(names.getOrDefault(rule, "rule"), rule)).toList();
	}

}
