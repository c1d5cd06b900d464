package dev.celerity.autoconfigure.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.testing.redis.OwnRedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Celerity on a Redis that requires an ACL user allowed only its own key prefix and channels, and on a Redis that
 * speaks TLS only ({@code rediss://}, a throwaway self-signed certificate trusted through an SSL bundle): a task is
 * sent, run and its result read back, through the {@code spring.data.redis.*} properties alone.
 */
class RedisAclAndTlsIntegrationTests {

	private static final String PREFIX = "celerity-acl";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, DataRedisAutoConfiguration.class,
				CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class))
		.withBean(EchoTasks.class)
		.withPropertyValues("celerity.broker.type=redis", "celerity.redis.key-prefix=" + PREFIX,
				"celerity.worker.concurrency=1", "celerity.worker.fetch-wait=200ms", "celerity.redis.idle-recheck=500ms");

	@Test
	void anAclUserLimitedToThePrefixRunsTasksAndAWrongPasswordIsRefusedByName() {
		// the default user is off: only this user, with keys and channels under the prefix, may connect
		try (OwnRedisServer redis = new OwnRedisServer("--user", "default", "off", "--user", "worker", "on",
				">s3cret", "~" + PREFIX + ":*", "&" + PREFIX + ":*", "+@all").start()) {
			this.contextRunner
				.withPropertyValues("spring.data.redis.url=redis://worker:s3cret@127.0.0.1:" + redis.port())
				.run((context) -> assertThat(context.getBean(TaskTemplate.class)
					.send("secure.echo", "over ACL")
					.get(Duration.ofSeconds(20))).isEqualTo("echo over ACL"));
			assertThat(redis.cli("--user", "worker", "--pass", "s3cret", "--no-auth-warning", "SCAN", "0", "COUNT",
					"1000")).as("every key under the prefix").doesNotContainPattern("(?m)^(?!" + PREFIX + ":)[a-z].*");
			// a wrong password: the send fails, and what it says names the refusal
			this.contextRunner
				.withPropertyValues("spring.data.redis.url=redis://worker:wrong@127.0.0.1:" + redis.port(),
						"celerity.worker.enabled=false", "celerity.publish.timeout=200ms")
				.run((context) -> assertThatException()
					.isThrownBy(() -> context.getBean(TaskTemplate.class).send("secure.echo", "refused"))
					.havingRootCause()
					.withMessageContaining("WRONGPASS"));
		}
	}

	@Test
	void aRedissUrlRunsTasksOverTlsWithTheCertificateTrustedThroughAnSslBundle(@TempDir Path directory)
			throws Exception {
		Path certificate = directory.resolve("redis.crt");
		Path key = directory.resolve("redis.key");
		selfSignedCertificate(certificate, key);
		try (OwnRedisServer redis = OwnRedisServer.withTls(certificate, key).start()) {
			this.contextRunner
				.withPropertyValues("spring.data.redis.url=rediss://127.0.0.1:" + redis.port(),
						"spring.data.redis.ssl.bundle=redis",
						"spring.ssl.bundle.pem.redis.truststore.certificate=file:" + certificate)
				.run((context) -> assertThat(context.getBean(TaskTemplate.class)
					.send("secure.echo", "over TLS")
					.get(Duration.ofSeconds(20))).isEqualTo("echo over TLS"));
		}
	}

	private static void selfSignedCertificate(Path certificate, Path key) throws IOException, InterruptedException {
		Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
				"-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout",
				key.toString(), "-out", certificate.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(openssl.exitValue()).as("openssl req").isZero();
		assertThat(Files.size(certificate)).isPositive();
	}

	/**
	 * The task both servers run.
	 */
	static class EchoTasks {

		@Task(name = "secure.echo")
		public String echo(String text) {
			return "echo " + text;
		}

	}

}
