package dev.celerity.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Lua script of every Redis feature opens with a header naming each key and argument it reads and what it
 * returns, as BullMQ's scripts do; shared fragments open with a header saying what they provide.
 */
class LuaScriptHeaderTests {

	private static final Pattern NUMBERED = Pattern.compile("\\b(KEYS|ARGV)\\[(\\d+)]");

	private static final Pattern INDEXED = Pattern.compile("\\b(KEYS|ARGV)\\[[^\\d\\]]");

	@Test
	void everyScriptHeaderListsItsKeysArgumentsAndReply() throws IOException {
		List<Resource> scripts = scripts();
		assertThat(scripts).as("scripts found").hasSizeGreaterThan(15);
		for (Resource script : scripts) {
			String text = script.getContentAsString(StandardCharsets.UTF_8);
			assertThat(text).as(script.getFilename()).startsWith("--[[");
			int end = text.indexOf("]]");
			String header = text.substring(0, end);
			String body = text.substring(end);
			if (isInclude(script)) {
				continue;
			}
			assertThat(header).as("%s states its reply", script.getFilename()).contains("Returns");
			for (String used : used(NUMBERED, body)) {
				assertThat(header).as("%s names %s", script.getFilename(), used).contains(used);
			}
			for (String used : used(INDEXED, body)) {
				assertThat(header).as("%s describes its %s", script.getFilename(), used).contains(used);
			}
		}
	}

	private static List<Resource> scripts() throws IOException {
		return List.of(new PathMatchingResourcePatternResolver().getResources("classpath*:dev/celerity/**/*.lua"));
	}

	private static boolean isInclude(Resource script) throws IOException {
		return script.getURL().getPath().contains("/includes/");
	}

	private static List<String> used(Pattern pattern, String body) {
		List<String> used = new ArrayList<>();
		Matcher matcher = pattern.matcher(body);
		while (matcher.find()) {
			String name = (matcher.groupCount() == 2) ? matcher.group(1) + "[" + matcher.group(2) + "]"
					: matcher.group(1);
			if (!used.contains(name)) {
				used.add(name);
			}
		}
		return used;
	}

}
