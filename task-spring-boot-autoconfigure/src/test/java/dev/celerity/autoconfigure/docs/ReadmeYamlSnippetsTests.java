package dev.celerity.autoconfigure.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import dev.celerity.autoconfigure.CelerityProperties;
import dev.celerity.autoconfigure.control.CelerityControlProperties;
import dev.celerity.autoconfigure.control.CelerityTimeLimitProperties;
import dev.celerity.autoconfigure.health.CelerityHealthProperties;
import dev.celerity.autoconfigure.metrics.CelerityMetricsProperties;
import dev.celerity.autoconfigure.ratelimit.CelerityRateLimitProperties;
import dev.celerity.autoconfigure.redis.CelerityRedisProperties;
import dev.celerity.autoconfigure.routing.CelerityRoutingProperties;
import dev.celerity.autoconfigure.schedule.BeatProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code yaml} block of README.md (and of docs/ and benchmarks/README.md) names only properties that exist (per the generated configuration metadata)
 * and binds to Celerity's properties classes, so a copied snippet neither silently does nothing nor fails to start.
 */
class ReadmeYamlSnippetsTests {

	private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

	@Test
	void everyCelerityPropertyInReadmeYamlExistsAndBinds() throws IOException {
		Set<String> known = knownProperties();
		List<String> blocks = yamlBlocks();
		assertThat(blocks).hasSizeGreaterThan(5);
		List<String> unknown = new ArrayList<>();
		for (String block : blocks) {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("README",
					new ByteArrayResource(block.getBytes(StandardCharsets.UTF_8)))) {
				for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
					if (name.startsWith("celerity.") && !isKnown(name, known)) {
						unknown.add(name);
					}
				}
				bindAll(source);
			}
		}
		assertThat(unknown).as("properties in README's YAML that Celerity does not have").isEmpty();
	}

	private static void bindAll(PropertySource<?> source) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(source);
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));
		binder.bind("celerity", Bindable.of(CelerityProperties.class));
		binder.bind("celerity", Bindable.of(CelerityRoutingProperties.class));
		binder.bind("celerity", Bindable.of(CelerityRateLimitProperties.class));
		binder.bind("celerity.redis", Bindable.of(CelerityRedisProperties.class));
		binder.bind("celerity.control", Bindable.of(CelerityControlProperties.class));
		binder.bind("celerity.time-limits", Bindable.of(CelerityTimeLimitProperties.class));
		binder.bind("celerity.health", Bindable.of(CelerityHealthProperties.class));
		binder.bind("celerity.metrics", Bindable.of(CelerityMetricsProperties.class));
		binder.bind("celerity.beat", Bindable.of(BeatProperties.class));
	}

	private static boolean isKnown(String name, Set<String> known) {
		String plain = name.replaceAll("\\[\\d+]$", "");
		for (String property : known) {
			if (plain.equals(property) || plain.startsWith(property + ".") || plain.startsWith(property + "[")) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> knownProperties() throws IOException {
		Set<String> names = new HashSet<>();
		try (InputStream metadata = ReadmeYamlSnippetsTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode root = JsonMapper.builder().build().readTree(metadata);
			root.get("properties").forEach((property) -> names.add(property.get("name").asString()));
		}
		return names;
	}

	private static List<String> yamlBlocks() throws IOException {
		List<Path> documents = new ArrayList<>(
				List.of(Path.of("..", "README.md"), Path.of("..", "benchmarks", "README.md")));
		try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		List<String> blocks = new ArrayList<>();
		for (Path document : documents) {
			Matcher matcher = YAML_BLOCK.matcher(Files.readString(document, StandardCharsets.UTF_8));
			while (matcher.find()) {
				blocks.add(matcher.group(1));
			}
		}
		return blocks;
	}

}
