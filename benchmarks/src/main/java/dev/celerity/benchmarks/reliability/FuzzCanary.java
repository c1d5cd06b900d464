package dev.celerity.benchmarks.reliability;

/**
 * A class that no code of the suite uses: the fuzz scenario names it in the type-id fields of its messages, and a
 * worker JVM that loaded it would print {@value #LOADED} from its static initialiser (and the class-loading log
 * would list it).
 */
public final class FuzzCanary {

	/** What the worker prints if the class is ever initialised. */
	static final String LOADED = "FUZZ-CANARY-LOADED";

	static {
		System.out.println(LOADED);
	}

	private FuzzCanary() {
	}

}
