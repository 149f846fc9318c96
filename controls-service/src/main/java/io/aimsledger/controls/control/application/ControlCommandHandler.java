package io.aimsledger.controls.control.application;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.controls.v1.Control;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.controls.control.domain.ControlCommand;
import io.aimsledger.controls.control.domain.ControlDecider;
import io.aimsledger.controls.control.readmodel.ControlReadModel;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.ContractEventCodec;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.command.ExpectedVersion;

/** Control commands for the shared pipeline: the decider, codec and read model; streams are named by control id. */
@ApplicationScoped
public class ControlCommandHandler {

    public static final String STREAM_TYPE = "control";

    private final ControlDecider decider = new ControlDecider();
    private final ContractEventCodec<ControlEvent> codec = new ContractEventCodec<>(ControlEvent.class);
    private final ControlReadModel readModel;

    public ControlCommandHandler(ControlReadModel readModel) {
        this.readModel = readModel;
    }

    public static URI location(String id) {
        return URI.create("/api/v1/controls/" + id);
    }

    public static ControlView view(Decision<Control, ControlEvent> decision) {
        return ControlView.of(decision.state(), decision.version(), decision.createdAt(), decision.updatedAt());
    }

    public Command<ControlCommand, Control, ControlEvent> command(String id, ControlCommand command,
                                                              CommandContext context, ExpectedVersion expected) {
        return new Command<>(id, STREAM_TYPE, decider, codec, command, context, expected, readModel::save);
    }
}
