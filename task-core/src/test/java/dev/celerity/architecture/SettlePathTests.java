package dev.celerity.architecture;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the one settle path one: the worker's settle object alone settles messages with the broker and stores the
 * states of the tasks it runs.
 */
class SettlePathTests {

	/** The settle object and its nested classes (its lambdas compile into its own methods). */
	private static final String SETTLER = "dev\\.celerity\\.worker\\.DeliverySettler(\\$.*)?";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.celerity");

	@Test
	void onlyTheSettleObjectSettlesMessagesWithTheBroker() {
		// brokers implement the operations in terms of each other (ackAll acknowledges one by one, a broker that
		// splits queues between two brokers passes each call on)
		noClasses().that()
			.resideOutsideOfPackage("dev.celerity.broker..")
			.and()
			.doNotImplement(Broker.class)
			.and()
			.haveNameNotMatching(SETTLER)
			.should()
			.callMethodWhere(callOf(Broker.class, Set.of("ack", "ackAll", "requeue", "release", "deadLetter")))
			.check(this.classes);
	}

	@Test
	void onlyTheSettleObjectStoresResultsOnTheWorker() {
		noClasses().that()
			.resideInAPackage("dev.celerity.worker..")
			.and()
			.haveNameNotMatching(SETTLER)
			.should()
			.callMethodWhere(callOf(ResultBackend.class, Set.of("store", "storeAll")))
			.check(this.classes);
	}

	private static DescribedPredicate<JavaMethodCall> callOf(Class<?> owner, Set<String> names) {
		return DescribedPredicate.describe("a call of " + owner.getSimpleName() + "." + names,
				(JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(owner)
						&& names.contains(call.getName()));
	}

}
