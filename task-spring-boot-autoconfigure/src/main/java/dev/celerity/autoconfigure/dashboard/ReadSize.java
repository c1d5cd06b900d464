package dev.celerity.autoconfigure.dashboard;

/**
 * How many history entries the next read asks for: few at first, since an entry can hold hundreds of events and a
 * first page needs only a few, then twice as many each time up to a ceiling, so a long scan costs few round trips.
 */
final class ReadSize {

	private static final int FIRST = 2;

	private final int max;

	private int next = FIRST;

	ReadSize(int max) {
		this.max = max;
	}

	int next() {
		int size = this.next;
		this.next = Math.min(this.max, this.next * 2);
		return size;
	}

}
