package dev.celerity.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partial application of signatures: arguments in front, keyword arguments merged, immutable ones untouched.
 */
class SignatureTests {

	@Test
	void partialSignaturePrependsArgumentsAndMergesKeywordArgumentsWithTheLaterValueWinning() {
		Signature<Object> merged = Signature.of("t", 2).kwarg("a", 1).kwarg("b", 1)
			.clone(List.of(1), Map.of("b", 2, "c", 3));
		assertThat(merged.args()).containsExactly(1, 2);
		assertThat(merged.kwargs()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2, "c", 3));
	}

	@Test
	void immutableSignatureKeepsItsOwnArgumentsAndKeywordArguments() {
		Signature<Object> merged = Signature.of("t", 2).kwarg("b", 1).immutable()
			.clone(List.of(1), Map.of("b", 2, "c", 3));
		assertThat(merged.args()).containsExactly(2);
		assertThat(merged.kwargs()).containsExactlyEntriesOf(Map.of("b", 1));
		assertThat(merged.isImmutable()).isTrue();
	}

	@Test
	void optionsStillApplyToAnImmutableSignature() {
		Signature<Object> merged = Signature.of("t").immutable().clone(List.of(1), Map.of("b", 2)).queue("q")
			.countdown(Duration.ofSeconds(1));
		assertThat(merged.options().queue()).isEqualTo("q");
		assertThat(merged.options().countdown()).isEqualTo(Duration.ofSeconds(1));
		assertThat(merged.kwargs()).isEmpty();
	}

}
