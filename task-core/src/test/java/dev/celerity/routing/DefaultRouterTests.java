package dev.celerity.routing;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.celerity.api.TaskOptions;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.RetryPolicy;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Decides queue and priority field by field: options > rules > routes > {@code @Task} > defaults.
 */
class DefaultRouterTests {

	private static final String TASK = "orders.charge";

	private final MessageCodec codec = new MessageCodec();

	static IntStream everyCombinationOfSources() {
		return IntStream.range(0, 16);
	}

	@ParameterizedTest(name = "sources {0}")
	@MethodSource("everyCombinationOfSources")
	void theQueueComesFromTheFirstSourceThatSetsIt(int sources) {
		boolean options = (sources & 1) != 0;
		boolean rule = (sources & 2) != 0;
		boolean route = (sources & 4) != 0;
		boolean task = (sources & 8) != 0;
		Route decided = router(task ? "task-q" : null, null, rule ? RouteHint.queue("rule-q") : RouteHint.pass(),
				route ? List.of(new TaskRoute(TASK, "route-q", null)) : List.of())
			.route(TASK, List.of(), Map.of(), options ? TaskOptions.none().withQueue("options-q") : TaskOptions.none());
		String expected = options ? "options-q" : rule ? "rule-q" : route ? "route-q" : task ? "task-q" : "default";
		assertThat(decided.queue()).isEqualTo(expected);
		assertThat(decided.priority()).isEqualTo(1);
	}

	@ParameterizedTest(name = "sources {0}")
	@MethodSource("everyCombinationOfSources")
	void thePriorityComesFromTheFirstSourceThatSetsIt(int sources) {
		boolean options = (sources & 1) != 0;
		boolean rule = (sources & 2) != 0;
		boolean route = (sources & 4) != 0;
		boolean task = (sources & 8) != 0;
		Route decided = router(null, task ? 5 : null, rule ? RouteHint.priority(6) : RouteHint.pass(),
				route ? List.of(new TaskRoute(TASK, null, 7)) : List.of())
			.route(TASK, List.of(), Map.of(), options ? TaskOptions.none().withPriority(8) : TaskOptions.none());
		int expected = options ? 8 : rule ? 6 : route ? 7 : task ? 5 : 1;
		assertThat(decided.priority()).isEqualTo(expected);
		assertThat(decided.queue()).isEqualTo("default");
	}

	@Test
	void aPriorityAtCallTimeKeepsTheQueueARouteChose() {
		Route decided = router("task-q", 2, RouteHint.pass(), List.of(new TaskRoute("orders.*", "high", 4)))
			.route(TASK, List.of(), Map.of(), TaskOptions.none().withPriority(3));
		assertThat(decided).isEqualTo(new Route("high", 3, "queue:route[orders.*],priority:options"));
	}

	@Test
	void theRouteRecordsWhichSourceDecidedEachField() {
		Route decided = router("task-q", null, RouteHint.priority(9), List.of())
			.route(TASK, List.of(), Map.of(), TaskOptions.none());
		assertThat(decided.decidedBy()).isEqualTo("queue:task,priority:rule[rule]");
	}

	@Test
	void rulesAreAskedInOrderAndEachFieldTakesTheFirstRuleThatSetsIt() {
		List<String> asked = new ArrayList<>();
		DefaultRouter router = new DefaultRouter(new TaskRegistry(), List.of(
				new NamedRoutingRule("first", (call) -> record(asked, "first", RouteHint.priority(2))),
				new NamedRoutingRule("second", (call) -> record(asked, "second", RouteHint.queue("a").withPriority(7))),
				new NamedRoutingRule("third", (call) -> record(asked, "third", RouteHint.queue("b")))),
				TaskRoutes.NONE, defaults(), this.codec);
		Route decided = router.route(TASK, List.of(), Map.of(), TaskOptions.none());
		assertThat(decided).isEqualTo(new Route("a", 2, "queue:rule[second],priority:rule[first]"));
		assertThat(asked).containsExactly("first", "second");
	}

	@Test
	void aRuleCanRouteOnTheContentOfTheArguments() {
		RoutingRule bigOrders = (call) -> (call.<Order>arg(0, Order.class).total() > 1000) ? RouteHint.queue("premium")
				: RouteHint.pass();
		DefaultRouter router = new DefaultRouter(new TaskRegistry(), List.of(new NamedRoutingRule("big", bigOrders)),
				TaskRoutes.NONE, defaults(), this.codec);
		Object big = this.codec.toJsonValue(new Order("o-1", 1500));
		Object small = this.codec.toJsonValue(new Order("o-2", 20));
		assertThat(router.route(TASK, List.of(big), Map.of(), TaskOptions.none()).queue()).isEqualTo("premium");
		assertThat(router.route(TASK, List.of(small), Map.of(), TaskOptions.none()).queue()).isEqualTo("default");
	}

	@Test
	void aRuleThatThrowsFailsTheRouting() {
		DefaultRouter router = new DefaultRouter(new TaskRegistry(), List.of(new NamedRoutingRule("broken", (call) -> {
			throw new IllegalStateException("no routing today");
		})), TaskRoutes.NONE, defaults(), this.codec);
		assertThatIllegalStateException().isThrownBy(() -> router.route(TASK, List.of(), Map.of(), TaskOptions.none()))
			.withMessage("no routing today");
	}

	@Test
	void aQueueWithItsOwnDefaultPriorityGivesItToTasksNothingElsePrioritises() {
		DefaultRouter router = new DefaultRouter(new TaskRegistry(), List.of(),
				new TaskRoutes(List.of(new TaskRoute(TASK, "high", null))),
				new RoutingDefaults("default", 1, Map.of("high", 6)), this.codec);
		Route decided = router.route(TASK, List.of(), Map.of(), TaskOptions.none());
		assertThat(decided).isEqualTo(new Route("high", 6, "queue:route[orders.charge],priority:queue-default[high]"));
		assertThat(router.route("other", List.of(), Map.of(), TaskOptions.none()).priority()).isEqualTo(1);
	}

	private static RouteHint record(List<String> asked, String name, RouteHint hint) {
		asked.add(name);
		return hint;
	}

	private DefaultRouter router(String taskQueue, Integer taskPriority, RouteHint ruleHint, List<TaskRoute> routes) {
		TaskRegistry registry = new TaskRegistry();
		registry.register(definition(taskQueue, taskPriority));
		return new DefaultRouter(registry, List.of(new NamedRoutingRule("rule", (call) -> ruleHint)),
				new TaskRoutes(routes), defaults(), this.codec);
	}

	private static RoutingDefaults defaults() {
		return new RoutingDefaults("default", 1, Map.of());
	}

	static TaskDefinition definition(String queue, Integer priority) {
		Method method;
		try {
			method = DefaultRouterTests.class.getDeclaredMethod("charge", Order.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
		return new TaskDefinition(TASK, "orders", new DefaultRouterTests(), method, queue, priority, null,
				new RetryPolicy(0, List.of(), null, null, false, null), false, List.of());
	}

	public void charge(Order order) {
	}

	record Order(String id, int total) {
	}

}
