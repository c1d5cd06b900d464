package dev.celerity.testing.redis;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Calls per command, from {@code INFO commandstats}; subtract two snapshots to count what happened in between.
 *
 * @param calls the number of calls by lower-case command name
 */
public record CommandStats(Map<String, Long> calls) {

	static CommandStats of(Properties info) {
		Map<String, Long> calls = new HashMap<>();
		info.forEach((key, value) -> {
			String name = key.toString();
			int at = name.indexOf("cmdstat_");
			if (at >= 0) {
				for (String field : value.toString().split(",")) {
					if (field.startsWith("calls=")) {
						calls.put(name.substring(at + "cmdstat_".length()), Long.parseLong(field.substring(6)));
					}
				}
			}
		});
		return new CommandStats(Map.copyOf(calls));
	}

	/**
	 * Returns the calls made since an earlier snapshot.
	 * @param earlier the earlier snapshot
	 * @return the difference, commands with no new calls left out
	 */
	public CommandStats since(CommandStats earlier) {
		Map<String, Long> delta = new HashMap<>();
		this.calls.forEach((command, count) -> {
			long diff = count - earlier.calls.getOrDefault(command, 0L);
			if (diff > 0) {
				delta.put(command, diff);
			}
		});
		return new CommandStats(Map.copyOf(delta));
	}

	/**
	 * Returns the calls of one command.
	 * @param command the lower-case name
	 * @return the count
	 */
	public long calls(String command) {
		return this.calls.getOrDefault(command, 0L);
	}

	/**
	 * Returns the calls of all commands except some.
	 * @param excluded the lower-case names to leave out
	 * @return the total
	 */
	public long totalExcept(String... excluded) {
		Set<String> skip = Set.of(excluded);
		return this.calls.entrySet()
			.stream()
			.filter((entry) -> !skip.contains(entry.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

}
