package dev.celerity.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command applied by this instance's handlers, or left alone when it names another instance.
 */
class ControlDispatcherTests {

	private final InstanceIdentity self = new InstanceIdentity("app@host-1-a", "host", 1, "app");

	private final ControlDispatcher dispatcher = new ControlDispatcher(this.self, List.of(new ControlCommandHandler() {

		@Override
		public Set<String> actions() {
			return Set.of(ControlCommand.PAUSE);
		}

		@Override
		public String apply(ControlCommand command) {
			return "paused " + command.argument("queue");
		}

	}));

	@Test
	void aCommandForEveryInstanceOrForThisOneIsApplied() {
		assertThat(this.dispatcher.dispatch(ControlCommand.of(ControlCommand.PAUSE, Map.of("queue", "q"))).applied())
			.isTrue();
		ControlReply reply = this.dispatcher.dispatch(ControlCommand.of(ControlCommand.PAUSE,
				Map.of("queue", "q", ControlCommand.INSTANCE, "app@host-1-a")));
		assertThat(reply.applied()).isTrue();
		assertThat(reply.detail()).isEqualTo("paused q");
	}

	@Test
	void aCommandForAnotherInstanceIsNotApplied() {
		ControlReply reply = this.dispatcher.dispatch(ControlCommand.of(ControlCommand.PAUSE,
				Map.of("queue", "q", ControlCommand.INSTANCE, "app@host-2-b")));
		assertThat(reply.applied()).isFalse();
		assertThat(reply.detail()).isEqualTo("meant for app@host-2-b");
	}

}
