package dev.celerity.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.TaskTemplate;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.message.MessageCodec;
import dev.celerity.routing.Router;
import dev.celerity.worker.TaskRunner;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;

import static org.assertj.core.api.Assertions.assertThat;

class CelerityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class));

	@Test
	void defaultConfigurationCreatesEmbeddedBrokerTemplateAndWorker() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TaskTemplate.class);
			assertThat(context.getBean(Broker.class)).isInstanceOf(InMemoryBroker.class);
			assertThat(context.getBean(ResultBackend.class)).isInstanceOf(InMemoryResultBackend.class);
			assertThat(context).hasSingleBean(Worker.class);
			assertThat(context.getBean(Worker.class).isRunning()).isTrue();
			assertThat(context.getBean(Worker.class).pools()).singleElement().satisfies((pool) -> {
				assertThat(pool.settings().queues()).containsExactly("default");
				assertThat(pool.settings().concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
				assertThat(pool.settings().prefetch())
					.isEqualTo(Math.max(64, 4 * Runtime.getRuntime().availableProcessors()));
				assertThat(pool.settings().virtualThreads()).isFalse();
			});
		});
	}

	@Test
	void userDefinedBeansMakeTheAutoConfigurationBackOff() {
		InMemoryBroker broker = new InMemoryBroker();
		InMemoryResultBackend backend = new InMemoryResultBackend(new MessageCodec());
		Router router = (name, args, kwargs, options) -> new dev.celerity.routing.Route("mine", 3, "user");
		this.contextRunner.withBean(Broker.class, () -> broker)
			.withBean(ResultBackend.class, () -> backend)
			.withBean(Router.class, () -> router)
			.run((context) -> {
				assertThat(context.getBean(Broker.class)).isSameAs(broker);
				assertThat(context.getBean(ResultBackend.class)).isSameAs(backend);
				assertThat(context.getBean(Router.class)).isSameAs(router);
			});
	}

	@Test
	void disabledWorkerLeavesAPublishOnlyInstance() {
		this.contextRunner.withPropertyValues("celerity.worker.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(TaskTemplate.class);
			assertThat(context).doesNotHaveBean(Worker.class);
			assertThat(context).doesNotHaveBean(TaskRunner.class);
		});
	}

	@Test
	void propertiesAreBoundToThePoolsAndDefaults() {
		this.contextRunner
			.withPropertyValues("celerity.default-queue=work", "celerity.default-priority=4",
					"celerity.worker.queues=work,reports,bulk", "celerity.worker.concurrency=3",
					"celerity.worker.prefetch=7", "celerity.worker.lease=45s", "celerity.worker.virtual-threads=true",
					"celerity.worker.pools.bulk.queues=bulk", "celerity.worker.pools.bulk.concurrency=1",
					"celerity.result.time-to-live=2h")
			.run((context) -> {
				CelerityProperties properties = context.getBean(CelerityProperties.class);
				assertThat(properties.getResult().getTimeToLive()).isEqualTo(Duration.ofHours(2));
				assertThat(properties.getDefaultPriority()).isEqualTo(4);
				assertThat(context.getBean(Worker.class).pools()).extracting(WorkerPool::settings)
					.satisfiesExactly((main) -> {
						assertThat(main.queues()).containsExactly("work", "reports");
						assertThat(main.concurrency()).isEqualTo(3);
						assertThat(main.prefetch()).isEqualTo(7);
						assertThat(main.lease()).isEqualTo(Duration.ofSeconds(45));
						assertThat(main.virtualThreads()).isTrue();
					}, (bulk) -> {
						assertThat(bulk.name()).isEqualTo("bulk");
						assertThat(bulk.queues()).containsExactly("bulk");
						assertThat(bulk.concurrency()).isEqualTo(1);
						assertThat(bulk.prefetch()).as("a pool without a prefetch of its own gets the default").isEqualTo(64);
					});
				TaskTemplate tasks = context.getBean(TaskTemplate.class);
				assertThat(tasks).isNotNull();
				assertThat(context.getBean(Router.class).route("any", java.util.List.of(), java.util.Map.of(),
						dev.celerity.api.TaskOptions.none()))
					.satisfies((route) -> {
						assertThat(route.queue()).isEqualTo("work");
						assertThat(route.priority()).isEqualTo(4);
					});
			});
	}

	@Test
	void virtualThreadsFollowTheSpringPropertyWhenNotSetExplicitly() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			boolean jvmHasThem = Runtime.version().feature() >= 21;
			assertThat(context.getBean(Worker.class).pools().get(0).settings().virtualThreads()).isEqualTo(jvmHasThem);
		});
	}

	@Test
	void configurationMetadataDescribesTheProperties() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).isNotNull();
			String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"celerity.worker.concurrency\"")
				.contains("\"celerity.broker.type\"")
				.contains("\"celerity.result.time-to-live\"")
				.contains("How many tasks run at once");
		}
	}

}
