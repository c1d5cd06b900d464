package dev.celerity.benchmarks.reliability;

/**
 * One scenario's line in the table.
 *
 * @param scenario the scenario
 * @param load what ran
 * @param fault what was done to it
 * @param lost acknowledged publishes that never ran to completion
 * @param duplicatedInFlight executions that ran again and were in flight in a faulted process at the fault
 * @param duplicatedOtherwise executions that ran again otherwise
 * @param recovered whether everything finished without intervention, and how
 * @param notes what else the run showed (failures in detail)
 */
record Outcome(String scenario, String load, String fault, String lost, String duplicatedInFlight,
		String duplicatedOtherwise, String recovered, String notes) {

	String line() {
		return String.join(" | ", this.scenario, this.load, this.fault, this.lost,
				this.duplicatedInFlight + " / " + this.duplicatedOtherwise, this.recovered);
	}

	String markdownRow() {
		return "| " + line() + " |";
	}

}
