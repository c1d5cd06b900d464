package dev.celerity.celery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CeleryPriorityTests {

	@Test
	void theScaleIsReversedAndGroupedInKombusSteps() {
		assertThat(CeleryPriority.toCelery(9)).isZero();
		assertThat(CeleryPriority.toCelery(0)).isEqualTo(9);
		assertThat(CeleryPriority.fromCelery(null)).isEqualTo(9);
		assertThat(CeleryPriority.stepIndex(0)).isZero();
		assertThat(CeleryPriority.stepIndex(2)).isZero();
		assertThat(CeleryPriority.stepIndex(5)).isEqualTo(1);
		assertThat(CeleryPriority.stepIndex(8)).isEqualTo(2);
		assertThat(CeleryPriority.stepIndex(9)).isEqualTo(3);
	}

	@Test
	void listsAreNamedAsKombuNamesThem() {
		assertThat(CeleryPriority.listName("celery", 0)).isEqualTo("celery");
		assertThat(CeleryPriority.listName("celery", 1)).isEqualTo("celery\u0006\u00163");
		assertThat(CeleryPriority.listName("celery", 3)).isEqualTo("celery\u0006\u00169");
	}

}
