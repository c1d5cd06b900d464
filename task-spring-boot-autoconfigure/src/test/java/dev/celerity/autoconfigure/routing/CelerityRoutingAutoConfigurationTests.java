package dev.celerity.autoconfigure.routing;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskOptions;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;
import dev.celerity.message.DeliveryInfo;
import dev.celerity.message.MessageCodec;
import dev.celerity.routing.RouteHint;
import dev.celerity.routing.RoutingRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Routing as configured in a Spring Boot application: routes, queue declarations, routing beans and start-up errors.
 */
class CelerityRoutingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityRoutingAutoConfiguration.class))
		.withUserConfiguration(OrderTasksConfiguration.class)
		.withPropertyValues("celerity.worker.enabled=false");

	@Test
	void aConfiguredRouteBeatsTheQueueOfTheTaskAnnotation() {
		this.contextRunner.withPropertyValues("celerity.routes[orders.*].queue=bulk").run((context) -> {
			DeliveryInfo delivery = sendAndPeek(context, "orders.charge", TaskOptions.none(), "bulk");
			assertThat(delivery).isEqualTo(new DeliveryInfo("bulk", 0, "queue:route[orders.*],priority:default"));
		});
	}

	@Test
	void theTaskAnnotationDecidesWhenNothingIsConfiguredAndResolvesPlaceholders() {
		this.contextRunner.withPropertyValues("orders.queue=checkout").run((context) -> {
			DeliveryInfo delivery = sendAndPeek(context, "orders.charge", TaskOptions.none(), "checkout");
			assertThat(delivery.routedBy()).isEqualTo("queue:task,priority:default");
		});
	}

	@Test
	void aCallTimePriorityKeepsTheQueueARouteChose() {
		this.contextRunner.withPropertyValues("celerity.routes[orders.charge].queue=high",
				"celerity.routes[orders.charge].priority=4")
			.run((context) -> {
				DeliveryInfo delivery = sendAndPeek(context, "orders.charge", TaskOptions.none().withPriority(3), "high");
				assertThat(delivery).isEqualTo(new DeliveryInfo("high", 3, "queue:route[orders.charge],priority:options"));
			});
	}

	@Test
	void aDeclaredQueueGivesItsDefaultPriority() {
		this.contextRunner
			.withPropertyValues("celerity.queues.high.default-priority=7", "celerity.routes[report].queue=high")
			.run((context) -> assertThat(sendAndPeek(context, "report", TaskOptions.none(), "high").priority())
				.isEqualTo(7));
	}

	@Test
	void routingBeansAreAskedInOrderAndBeatConfiguredRoutes() {
		this.contextRunner.withUserConfiguration(RoutingRulesConfiguration.class)
			.withPropertyValues("celerity.routes[orders.charge].queue=configured",
					"celerity.routes[orders.charge].priority=1")
			.run((context) -> {
				DeliveryInfo big = sendAndPeek(context, "orders.charge", TaskOptions.none(), new Purchase(5000),
						"premium");
				assertThat(big).isEqualTo(new DeliveryInfo("premium", 9,
						"queue:rule[bigOrdersArePremium],priority:rule[everythingUrgent]"));
				DeliveryInfo small = sendAndPeek(context, "orders.charge", TaskOptions.none(), new Purchase(5),
						"configured");
				assertThat(small.routedBy()).isEqualTo("queue:route[orders.charge],priority:rule[everythingUrgent]");
			});
	}

	@Test
	void aRoutingBeanThatThrowsFailsTheCallAndEnqueuesNothing() {
		this.contextRunner.withBean(RoutingRule.class, () -> (call) -> {
			throw new IllegalStateException("routing table unavailable");
		}).run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			assertThatIllegalStateException().isThrownBy(() -> tasks.send("report"))
				.withMessage("routing table unavailable");
			assertThat(context.getBean(Broker.class).depth("default")).isZero();
		});
	}

	@Test
	void anUnknownRouteOptionFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.routes[orders.*].prio=3")
			.run((context) -> assertFailure(context, "celerity.routes[orders.*].prio", "Unknown route option 'prio'"));
	}

	@Test
	void aPriorityOutsideZeroToNineFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.routes[orders.*].priority=12")
			.run((context) -> assertFailure(context, "celerity.routes[orders.*].priority", "from 0 to 9"));
	}

	@Test
	void aQueueDefaultPriorityOutsideZeroToNineFailsStartUp() {
		this.contextRunner.withPropertyValues("celerity.queues.high.default-priority=-1")
			.run((context) -> assertFailure(context, "celerity.queues.high.default-priority", "from 0 to 9"));
	}

	@Test
	void aMalformedGlobFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.routes[orders.?].queue=q")
			.run((context) -> assertFailure(context, "celerity.routes[orders.?]", "only '*' is a wildcard"));
	}

	@Test
	void aGlobWithoutBracketsFailsStartUpInsteadOfLosingItsStar() {
		this.contextRunner.withPropertyValues("celerity.routes.orders.*.queue=q")
			.run((context) -> assertFailure(context, "celerity.routes.orders.*.queue", "in brackets"));
	}

	private static void assertFailure(AssertableApplicationContext context, String property, String reason) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.satisfies((ex) -> assertThat(((InvalidConfigurationPropertyValueException) ex).getName())
				.isEqualTo(property))
			.hasMessageContaining(reason);
	}

	private static DeliveryInfo sendAndPeek(AssertableApplicationContext context, String task, TaskOptions options,
			String expectedQueue) throws InterruptedException {
		return sendAndPeek(context, task, options, null, expectedQueue);
	}

	private static DeliveryInfo sendAndPeek(AssertableApplicationContext context, String task, TaskOptions options,
			Object argument, String expectedQueue) throws InterruptedException {
		Signature<Object> signature = ((argument != null) ? Signature.of(task, argument) : Signature.of(task))
			.set(options);
		context.getBean(TaskTemplate.class).send(signature);
		Broker broker = context.getBean(Broker.class);
		List<Delivery> deliveries = broker.fetch(expectedQueue, 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
		assertThat(deliveries).as("message on queue %s", expectedQueue).hasSize(1);
		broker.ack(deliveries.get(0));
		return context.getBean(MessageCodec.class).decode(deliveries.get(0).body()).delivery();
	}

	record Purchase(int total) {
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderTasksConfiguration {

		@Bean
		OrderTasks orderTasks() {
			return new OrderTasks();
		}

	}

	static class OrderTasks {

		@Task(name = "orders.charge", queue = "${orders.queue:checkout}")
		public void charge(Purchase order) {
		}

		@Task(name = "report")
		public void report() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RoutingRulesConfiguration {

		@Bean
		@Order(2)
		RoutingRule bigOrdersArePremium() {
			return (call) -> (call.args().size() == 1 && call.<Purchase>arg(0, Purchase.class).total() > 1000)
					? RouteHint.queue("premium").withPriority(2) : RouteHint.pass();
		}

		@Bean
		@Order(1)
		RoutingRule everythingUrgent() {
			return (call) -> RouteHint.priority(9);
		}

	}

}
