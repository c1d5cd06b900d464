package dev.celerity.message;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.celerity.api.TaskContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArgumentBinderTests {

	private final ArgumentBinder binder = new ArgumentBinder(new MessageCodec());

	@Test
	void methodReferenceCallsPassNullInTheContextSlot() throws Exception {
		Method method = Target.class.getMethod("charge", long.class, TaskContext.class, String.class);
		java.util.List<Object> args = java.util.Arrays.asList(7, null, "EUR");
		assertThat(this.binder.bind(method, args, Map.of(), null)).containsExactly(7L, null, "EUR");
	}

	@Test
	void positionalThenKeywordArgumentsBindAroundTheContext() throws Exception {
		Method method = Target.class.getMethod("charge", long.class, TaskContext.class, String.class);
		Object[] bound = this.binder.bind(method, List.of(7), Map.of("currency", "EUR"), null);
		assertThat(bound).containsExactly(7L, null, "EUR");
	}

	@Test
	void missingExtraAndMisshapenArgumentsAreReported() throws Exception {
		Method method = Target.class.getMethod("charge", long.class, TaskContext.class, String.class);
		assertThatExceptionOfType(ArgumentBindingException.class)
			.isThrownBy(() -> this.binder.bind(method, List.of(7), Map.of(), null))
			.withMessageContaining("Missing argument 'currency'");
		assertThatExceptionOfType(ArgumentBindingException.class)
			.isThrownBy(() -> this.binder.bind(method, List.of(7, "EUR", 3), Map.of(), null))
			.withMessageContaining("3 were given");
		assertThatExceptionOfType(ArgumentBindingException.class)
			.isThrownBy(() -> this.binder.bind(method, List.of(7), Map.of("currency", "EUR", "tip", 1), null))
			.withMessageContaining("Unexpected keyword argument");
		assertThatExceptionOfType(ArgumentBindingException.class)
			.isThrownBy(() -> this.binder.bind(method, List.of("seven", "EUR"), Map.of(), null))
			.withMessageContaining("Argument 'orderId'");
		assertThatExceptionOfType(ArgumentBindingException.class)
			.isThrownBy(() -> this.binder.bind(method, java.util.Arrays.asList(null, "EUR"), Map.of(), null))
			.withMessageContaining("primitive");
	}

	@Test
	void anUnreadableArgumentIsReportedWithItsTypeAndWhyWithoutJacksonsLocation() throws Exception {
		Method method = Target.class.getMethod("charge", long.class, TaskContext.class, String.class);
		assertThatExceptionOfType(ArgumentBindingException.class)
			.isThrownBy(() -> this.binder.bind(method, List.of("seven", "EUR"), Map.of(), null))
			.withMessageStartingWith("Argument 'orderId' of ")
			.withMessageContaining("cannot be read as long: ")
			.withMessageContaining("\"seven\"")
			.withMessageNotContaining("simple type")
			.withMessageNotContaining("location");
	}

	@Test
	void recordsAreBuiltFromJsonObjects() throws Exception {
		Method method = Target.class.getMethod("ship", Parcel.class);
		Object[] bound = this.binder.bind(method, List.of(Map.of("weight", 2, "to", "Oslo")), Map.of(), null);
		assertThat(bound[0]).isEqualTo(new Parcel(2, "Oslo"));
	}

	public record Parcel(int weight, String to) {
	}

	public static class Target {

		public void charge(long orderId, TaskContext context, String currency) {
		}

		public void ship(Parcel parcel) {
		}

	}

}
