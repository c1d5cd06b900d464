package dev.celerity.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskPublishException;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.actuate.health.CelerityHealthIndicator;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.broker.Broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of a Redis outage with the default client settings (no {@code spring.data.redis.timeout}, so
 * Lettuce's 60 s command timeout): {@code /actuator/health} answers DOWN within the health timeout instead of hanging,
 * Redis commands fail at once instead of queuing, and once Redis is back the application is UP again within about the
 * longest reconnect delay, not Lettuce's default back-off of up to 30 s. A send fails within the publish timeout
 * while Redis is down, and rides over a dropped connection that comes back within it.
 */
class RedisOutageHealthIntegrationTests {

	private static final Duration OUTAGE = Duration.ofSeconds(5);

	private final int port = freePort();

	private Process redis;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CelerityRedisAutoConfiguration.class,
				CelerityAutoConfiguration.class, CelerityControlAutoConfiguration.class,
				CelerityHealthContributorAutoConfiguration.class, DataRedisHealthContributorAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port,
				"celerity.publish.timeout=500ms",
				"celerity.redis.key-prefix=celerity-test-" + UUID.randomUUID(), "celerity.worker.concurrency=1",
				"celerity.control.heartbeat.interval=200ms");

	@AfterEach
	void stopRedis() {
		if (this.redis != null) {
			this.redis.destroyForcibly();
		}
	}

	@Test
	void healthAnswersDownWithinItsTimeoutWhileRedisIsDownAndUpSoonAfterItReturns() throws Exception {
		startRedis();
		this.contextRunner.run((context) -> {
			HealthEndpoint health = context.getBean(HealthEndpoint.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));
			stopRedisNow();
			// every answer during the outage comes within the health timeout (2 s), and is DOWN
			for (int i = 0; i < 3; i++) {
				Timed<HealthDescriptor> answer = timed(health::health);
				assertThat(answer.took()).isLessThan(Duration.ofMillis(2500));
				assertThat(answer.value().getStatus()).isEqualTo(Status.DOWN);
			}
			// a plain command fails at once rather than waiting for the connection up to the command timeout
			StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
			long start = System.nanoTime();
			assertThatException().isThrownBy(() -> redis.opsForValue().get("any"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			// a send tries for the publish timeout (500ms here), then names the task, the queue and the timeout
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			long sendStart = System.nanoTime();
			assertThatExceptionOfType(TaskPublishException.class).isThrownBy(() -> tasks.send("outage.any", 1))
				.withMessageContaining("outage.any")
				.withMessageContaining("'default'")
				.withMessageContaining("celerity.publish.timeout");
			assertThat(Duration.ofNanos(System.nanoTime() - sendStart)).isBetween(Duration.ofMillis(450),
					Duration.ofMillis(2000));
			// the outage itself: long enough for the client's default back-off to have grown past several seconds
			Thread.sleep(OUTAGE.toMillis());
			startRedis();
			long back = System.nanoTime();
			await().atMost(Duration.ofSeconds(5)).until(() -> health.health().getStatus().equals(Status.UP));
			assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofMillis(2500));
			assertThat(tasks.send("outage.any", 2).id()).isNotBlank();
		});
	}

	@Test
	void aSendRidesOverAKilledConnectionWithinThePublishTimeout() throws Exception {
		startRedis();
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			Broker broker = context.getBean(Broker.class);
			tasks.send(Signature.of("outage.any", 0).countdown(Duration.ofHours(1)));
			for (int i = 1; i <= 5; i++) {
				// every client connection drops; the next send finds its connection down and waits for the reconnect
				Process kill = new ProcessBuilder("redis-cli", "-p", String.valueOf(this.port), "CLIENT", "KILL",
						"TYPE", "normal").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
				assertThat(kill.waitFor()).isZero();
				tasks.send(Signature.of("outage.any", i).countdown(Duration.ofHours(1)));
			}
			assertThat(broker.stats("default").delayed()).isEqualTo(6);
		});
	}

	@Test
	void theCelerityIndicatorAnswersDownWithinItsTimeoutWhenRedisHangs() throws Exception {
		startRedis();
		this.contextRunner.withPropertyValues("celerity.health.timeout=500ms").run((context) -> {
			CelerityHealthIndicator indicator = context.getBean(CelerityHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health(false).getStatus().equals(Status.UP));
			// a stopped (not dead) server keeps its connections open and answers nothing
			signal("STOP");
			try {
				Timed<Health> answer = timed(() -> indicator.health(true));
				assertThat(answer.took()).isLessThan(Duration.ofMillis(1500));
				assertThat(answer.value().getStatus()).isEqualTo(Status.DOWN);
				assertThat(answer.value().getDetails()).containsEntry("error",
						"The broker did not answer within 500ms");
			}
			finally {
				signal("CONT");
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health(false).getStatus().equals(Status.UP));
		});
	}

	@Test
	void anInvalidHealthTimeoutFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.health.timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("celerity.health.timeout"));
	}

	@Test
	void anInvalidReconnectDelayFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.redis.max-reconnect-delay=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("celerity.redis.max-reconnect-delay"));
	}

	private void startRedis() throws IOException {
		this.redis = new ProcessBuilder("redis-server", "--port", String.valueOf(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		await().atMost(Duration.ofSeconds(10)).until(this::redisAccepts);
	}

	private void signal(String signal) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(this.redis.pid())).inheritIO().start();
		assertThat(kill.waitFor()).isZero();
	}

	private void stopRedisNow() throws InterruptedException {
		this.redis.destroyForcibly();
		this.redis.waitFor();
	}

	private boolean redisAccepts() {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static <T> Timed<T> timed(Supplier<T> call) {
		long start = System.nanoTime();
		T value = call.get();
		return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Timed<T>(T value, Duration took) {

	}

}
