package com.invoicedelivery.kit.deadletter;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters of the service's consumers, for operations staff (see {@link DeadLetterReplayConfiguration}). */
@RestController
@RequestMapping(DeadLetterController.PATH)
@Tag(name = "Operations: dead letters", description = "Records the service's consumers gave up on, and their replay")
public class DeadLetterController {

    public static final String PATH = "/api/operations/dead-letters";

    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @GetMapping
    @Operation(summary = "Each consumer binding with a dead-letter topic, and how many of its records wait for a replay")
    public List<DeadLetterQueue> deadLetters() {
        return replay.queues();
    }

    @PostMapping("/{binding}/replay")
    @Operation(summary = "Publishes up to max waiting dead letters of the binding to its topic again, each once")
    public ReplayResult replay(
            @PathVariable("binding") String binding,
            @Parameter(description = "How many dead letters at most")
            @RequestParam(name = "max", defaultValue = "" + DeadLetterReplay.DEFAULT_MAX)
            @Min(1) @Max(DeadLetterReplay.MAX) int max) {
        return replay.replay(binding, max);
    }
}
