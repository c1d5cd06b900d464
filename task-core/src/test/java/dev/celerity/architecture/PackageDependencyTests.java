package dev.celerity.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the package layout of DESIGN.md true: features by package, arrows from runtime to SPI to model.
 */
class PackageDependencyTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.celerity");

	@Test
	void apiDependsOnNothingElseInCore() {
		noClasses().that()
			.resideInAPackage("dev.celerity.api..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("dev.celerity.api..", "java..", "org.springframework.util..",
					"org.springframework.core..")
			.check(this.classes);
	}

	@Test
	void onlyRedisPackagesKnowRedis() {
		noClasses().that()
			.resideOutsideOfPackage("..redis..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..", "io.github.bucket4j.redis..")
			.check(this.classes);
	}

	/**
	 * Each feature's Redis code ({@code broker.redis}, {@code backend.redis}, {@code schedule.redis},
	 * {@code control.redis}, {@code ratelimit.redis}) stands alone; what they share (key convention, scripts,
	 * Lettuce replies) lives in {@code dev.celerity.redis}, which knows no feature.
	 */
	@Test
	void redisPackagesDoNotReachIntoEachOther() {
		slices().matching("dev.celerity.(*).redis..").should().notDependOnEachOther().check(this.classes);
	}

	@Test
	void sharedRedisSupportKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("dev.celerity.redis..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("dev.celerity.redis..", "java..", "org.springframework..", "io.lettuce..",
					"org.slf4j..")
			.check(this.classes);
	}

	@Test
	void onlyObservabilityImportsMicrometer() {
		noClasses().that()
			.resideOutsideOfPackage("dev.celerity.observability..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.micrometer..")
			.check(this.classes);
	}

	@Test
	void modelAndSpisDoNotReachIntoTheRuntime() {
		noClasses().that()
			.resideInAnyPackage("dev.celerity.message..", "dev.celerity.registry..", "dev.celerity.broker",
					"dev.celerity.backend", "dev.celerity.routing..", "dev.celerity.events..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.celerity.worker..", "dev.celerity.client..", "dev.celerity.schedule..",
					"dev.celerity.control..", "dev.celerity.observability..")
			.check(this.classes);
	}

	@Test
	void implementationsAreNotUsedOutsideTheirPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.celerity.broker.memory..", "dev.celerity.backend.memory..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.celerity.broker.memory..", "dev.celerity.backend.memory..")
			.check(this.classes);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("dev.celerity.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
