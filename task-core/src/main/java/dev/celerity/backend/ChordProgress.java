package dev.celerity.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a chord stands after one of its header tasks reported.
 *
 * @param completed how many header tasks have succeeded
 * @param size how many tasks the header has
 * @param failed whether a header task failed (the body will never run)
 * @param results the header results in header order once the header is complete, empty before
 */
public record ChordProgress(int completed, int size, boolean failed, List<Object> results) {

	public ChordProgress {
		results = (results != null) ? Collections.unmodifiableList(new ArrayList<>(results)) : List.of();
	}

	/**
	 * Tells whether the body may run: every header task succeeded and none failed.
	 * @return whether the header is complete
	 */
	public boolean isComplete() {
		return !this.failed && this.completed >= this.size;
	}

}
