package dev.celerity.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Exact names before globs, globs in declaration order, whole-name matches.
 */
class TaskRoutesTests {

	@Test
	void anExactNameWinsOverAGlobDeclaredBeforeIt() {
		TaskRoutes routes = new TaskRoutes(List.of(new TaskRoute("orders.*", "bulk", null),
				new TaskRoute("orders.charge", "high", null)));
		assertThat(routes.find("orders.charge")).map(TaskRoute::queue).contains("high");
		assertThat(routes.find("orders.refund")).map(TaskRoute::queue).contains("bulk");
	}

	@Test
	void globsAreTriedInDeclarationOrder() {
		TaskRoutes routes = new TaskRoutes(List.of(new TaskRoute("reports.daily.*", "low", null),
				new TaskRoute("reports.*", "default", null), new TaskRoute("*.daily.*", "never", null)));
		assertThat(routes.find("reports.daily.sales")).map(TaskRoute::queue).contains("low");
		assertThat(routes.find("reports.weekly")).map(TaskRoute::queue).contains("default");
		assertThat(routes.find("billing.daily.run")).map(TaskRoute::queue).contains("never");
	}

	@Test
	void aStarMatchesAcrossDotsAndThePatternMustMatchTheWholeName() {
		TaskRoute route = new TaskRoute("orders.*", "high", null);
		assertThat(route.matches("orders.refund.partial")).isTrue();
		assertThat(route.matches("orders")).isFalse();
		assertThat(route.matches("legacy.orders.charge")).isFalse();
		assertThat(new TaskRoute("*charge", "high", null).matches("orders.charge")).isTrue();
		assertThat(new TaskRoute("orders.charge", "high", null).matches("orders.charge.v2")).isFalse();
	}

	@Test
	void regexCharactersInAPatternAreLiterals() {
		TaskRoute route = new TaskRoute("a+b.*", "q", null);
		assertThat(route.matches("a+b.c")).isTrue();
		assertThat(route.matches("aab.c")).isFalse();
	}

	@Test
	void malformedGlobsAndPrioritiesAreRejected() {
		assertThatExceptionOfType(InvalidRouteException.class).isThrownBy(() -> new TaskRoute("orders.?", "q", null))
			.withMessageContaining("only '*' is a wildcard");
		assertThatExceptionOfType(InvalidRouteException.class).isThrownBy(() -> new TaskRoute("orders.**", "q", null));
		assertThatExceptionOfType(InvalidRouteException.class).isThrownBy(() -> new TaskRoute("", "q", null));
		assertThatExceptionOfType(InvalidRouteException.class).isThrownBy(() -> new TaskRoute("a", "q", 10))
			.withMessageContaining("between 0 and 9");
	}

	@Test
	void aNameNoRouteMatchesHasNoRoute() {
		assertThat(new TaskRoutes(List.of(new TaskRoute("orders.*", "q", null))).find("billing.run")).isEmpty();
	}

}
