package dev.celerity.autoconfigure.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.routing.CelerityRoutingAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.events.TaskEvent;
import dev.celerity.message.TaskMessage;
import dev.celerity.publish.PublishInterceptor;
import dev.celerity.routing.RouteHint;
import dev.celerity.routing.RoutedCall;
import dev.celerity.routing.RoutingRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch enqueue ({@code sendAll}): every call is routed, intercepted and announced like a single send, and the
 * whole batch reaches the broker in one call. Subclasses supply the broker.
 */
public abstract class AbstractSendAllIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	/**
	 * Returns the application the tests run, with the broker under test.
	 * @return the runner
	 */
	protected abstract ApplicationContextRunner brokerRunner();

	/**
	 * Returns the auto-configurations of a Celerity application, with these ones first (the broker's).
	 * @param first auto-configurations the broker under test needs
	 * @return the auto-configurations
	 */
	protected static AutoConfigurations celerity(Class<?>... first) {
		Class<?>[] all = new Class<?>[first.length + 2];
		System.arraycopy(first, 0, all, 0, first.length);
		all[first.length] = CelerityAutoConfiguration.class;
		all[first.length + 1] = CelerityRoutingAutoConfiguration.class;
		return AutoConfigurations.of(all);
	}

	private ApplicationContextRunner runner() {
		return brokerRunner().withBean(BatchTasks.class)
			.withBean(BrokerCalls.class)
			.withBean(Published.class)
			.withBean("oddNumbersGoElsewhere", RoutingRule.class, () -> AbstractSendAllIntegrationTests::oddElsewhere)
			.withBean("countingInterceptor", PublishInterceptor.class, CountingInterceptor::new)
			.withPropertyValues("celerity.worker.queues=default,batch-odd");
	}

	private static RouteHint oddElsewhere(RoutedCall call) {
		boolean odd = call.taskName().equals("batch.square") && ((Number) call.args().get(0)).intValue() % 2 == 1;
		return odd ? RouteHint.queue("batch-odd") : RouteHint.pass();
	}

	@Test
	void sendAllRoutesInterceptsAndAnnouncesEveryCallAndStoresThemInOneBrokerCall() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			List<Integer> numbers = IntStream.range(0, 50).boxed().toList();
			List<AsyncResult<Integer>> results = tasks.task(BatchTasks::square).sendAll(numbers);
			assertThat(results).hasSize(50);
			for (int i = 0; i < 50; i++) {
				assertThat(results.get(i).get(WAIT)).isEqualTo(i * i);
			}
			BrokerCalls calls = context.getBean(BrokerCalls.class);
			assertThat(calls.publishAll.get()).isEqualTo(1);
			assertThat(calls.publish.get()).isZero();
			assertThat(((CountingInterceptor) context.getBean(PublishInterceptor.class)).count.get()).isEqualTo(50);
			Queue<TaskEvent.TaskPublished> events = context.getBean(Published.class).events;
			assertThat(events).hasSize(50);
			assertThat(events).filteredOn((event) -> event.queue().equals("batch-odd")).hasSize(25);
		});
	}

	@Test
	void sendAllOfSignaturesByNameKeepsTheirOrderAndOptions() {
		runner().run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			List<AsyncResult<Object>> results = tasks.sendAll(List.of(Signature.of("batch.square", 3),
					Signature.of("batch.square", 4).taskId("batch-four-" + System.nanoTime()),
					Signature.of("batch.square", 6).priority(9)));
			assertThat(results).extracting((result) -> result.get(WAIT)).containsExactly(9, 16, 36);
			assertThat(results.get(1).id()).startsWith("batch-four-");
			assertThat(context.getBean(Published.class).events)
				.filteredOn((event) -> event.taskId().equals(results.get(2).id()))
				.singleElement()
				.satisfies((event) -> assertThat(event.priority()).isEqualTo(9));
		});
	}

	/**
	 * The task the batches call.
	 */
	static class BatchTasks {

		@Task(name = "batch.square")
		public int square(int value) {
			return value * value;
		}

	}

	/**
	 * Counts the messages that pass the publish interceptor.
	 */
	static class CountingInterceptor implements PublishInterceptor {

		final AtomicInteger count = new AtomicInteger();

		@Override
		public boolean publish(TaskMessage message, Predicate<TaskMessage> publisher) {
			this.count.incrementAndGet();
			return publisher.test(message);
		}

	}

	/**
	 * Records the published events.
	 */
	static class Published {

		final Queue<TaskEvent.TaskPublished> events = new ConcurrentLinkedQueue<>();

		@EventListener
		void onPublished(TaskEvent.TaskPublished event) {
			this.events.add(event);
		}

	}

	/**
	 * Counts the broker's publish calls, by wrapping the broker bean.
	 */
	static class BrokerCalls implements BeanPostProcessor {

		final AtomicInteger publish = new AtomicInteger();

		final AtomicInteger publishAll = new AtomicInteger();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof Broker broker)) {
				return bean;
			}
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Broker.class },
					(proxy, method, args) -> {
						if (method.getName().equals("publish")) {
							this.publish.incrementAndGet();
						}
						else if (method.getName().equals("publishAll")) {
							this.publishAll.incrementAndGet();
						}
						try {
							return method.invoke(broker, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
