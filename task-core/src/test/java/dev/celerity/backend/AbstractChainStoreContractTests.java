package dev.celerity.backend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.celerity.message.SignatureSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link ChainStore} honours; each implementation's test extends this class.
 */
public abstract class AbstractChainStoreContractTests {

	protected static final Duration TTL = Duration.ofSeconds(30);

	protected abstract ChainStore store();

	protected static SignatureSpec step(int index) {
		return new SignatureSpec("chain.step", List.of(index), Map.of("k", "v" + index),
				Map.of("task_id", "t" + index), index % 2 == 0, null);
	}

	protected static List<SignatureSpec> steps(int count) {
		return IntStream.range(0, count).mapToObj(AbstractChainStoreContractTests::step).toList();
	}

	@Test
	void eachStepIsReadByItsPositionAsItWasStored() {
		store().save("chain-1", steps(1200), TTL);
		assertThat(store().step("chain-1", 0, TTL)).isEqualTo(step(0));
		assertThat(store().step("chain-1", 617, TTL)).isEqualTo(step(617));
		assertThat(store().step("chain-1", 1199, TTL)).isEqualTo(step(1199));
		assertThat(store().step("chain-1", 1200, TTL)).isNull();
	}

	@Test
	void theRestIsReadAtOnceInOrder() {
		store().save("chain-2", steps(20), TTL);
		assertThat(store().steps("chain-2", 15)).containsExactly(step(15), step(16), step(17), step(18), step(19));
		assertThat(store().steps("chain-2", 20)).isEmpty();
	}

	@Test
	void aDeletedOrUnknownChainHasNoSteps() {
		store().save("chain-3", steps(10), TTL);
		store().delete("chain-3");
		store().delete("chain-3");
		assertThat(store().step("chain-3", 0, TTL)).isNull();
		assertThat(store().steps("chain-3", 0)).isEmpty();
		assertThat(store().steps("never-stored", 0)).isEmpty();
	}

	@Test
	void savingAgainReplacesTheStoredSteps() {
		store().save("chain-4", steps(10), TTL);
		store().save("chain-4", steps(10), TTL);
		assertThat(store().steps("chain-4", 0)).isEqualTo(steps(10));
	}

}
