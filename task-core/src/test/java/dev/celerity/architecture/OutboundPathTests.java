package dev.celerity.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import dev.celerity.broker.OutboundMessage;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.TaskMessage;
import dev.celerity.worker.TaskOutcomeHandler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the one outbound path one: messages are built by the publisher, and workflows reach the worker only through
 * its SPI.
 */
class OutboundPathTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.celerity");

	@Test
	void onlyThePublisherBuildsMessagesHeadersAndOutboundMessages() {
		// the message model builds its own copies (decoding, next retry); brokers file stored bodies back (replay);
		// the Celery codec decodes Celery's wire into the model
		noClasses().that()
			.resideOutsideOfPackages("dev.celerity.publish..", "dev.celerity.message..", "dev.celerity.broker..",
					"dev.celerity.celery")
			.should()
			.callConstructorWhere(constructorOf(TaskMessage.class, MessageHeaders.class, OutboundMessage.class))
			.check(this.classes);
	}

	@Test
	void canvasDoesNotReachIntoTheClientOrTheWorkersInternals() {
		noClasses().that()
			.resideInAPackage("dev.celerity.canvas..")
			.should()
			.dependOnClassesThat(DescribedPredicate.describe("client or worker internals",
					(JavaClass target) -> target.getPackageName().startsWith("dev.celerity.client")
							|| (target.getPackageName().startsWith("dev.celerity.worker")
									&& !target.isEquivalentTo(TaskOutcomeHandler.class))))
			.check(this.classes);
	}

	private static DescribedPredicate<JavaConstructorCall> constructorOf(Class<?>... types) {
		return DescribedPredicate.describe("a constructor of a message, its headers or an outbound message",
				(JavaConstructorCall call) -> {
					for (Class<?> type : types) {
						if (call.getTargetOwner().isEquivalentTo(type)) {
							return true;
						}
					}
					return false;
				});
	}

}
