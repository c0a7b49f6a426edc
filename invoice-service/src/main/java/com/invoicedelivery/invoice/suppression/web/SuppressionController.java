package com.invoicedelivery.invoice.suppression.web;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.invoice.suppression.application.Suppressions;
import com.invoicedelivery.invoice.suppression.domain.SuppressedAddress;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's suppression list: addresses that bounced or complained, skipped by bulk sends until cleared. */
@RestController
@RequestMapping("/api/suppressions")
public class SuppressionController {

    private final Suppressions suppressions;

    public SuppressionController(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @Operation(summary = "The addresses that hard-bounced or complained, newest first")
    @GetMapping
    public List<SuppressionView> list(Caller caller, @RequestParam(defaultValue = "100") int limit) {
        return suppressions.list(caller.requireTenant(), limit).stream().map(SuppressionView::of).toList();
    }

    @Operation(summary = "Take an address off the suppression list: bulk sends include it again")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{email}")
    public ResponseEntity<Void> clear(Caller caller, @PathVariable String email) {
        suppressions.clear(caller.requireTenant(), email);
        return ResponseEntity.noContent().build();
    }

    /** One suppressed address; {@code note} as the preview shows it ("bounced on 2026-12-06: …"). */
    public record SuppressionView(
            @Schema(description = "The suppressed address.", example = "gone@client.example") String email,
            @Schema(description = "HARD (the address bounced) or COMPLAINT (the recipient complained).",
                    example = "HARD") String kind,
            @Schema(description = "The remote server's words, or the complaint's feedback type.",
                    example = "550 5.1.1 user unknown") String reason,
            @Schema(description = "When the report was read (ISO 8601 instant).", example = "2026-12-06T14:20:00Z")
            Instant since,
            @Schema(description = "The send whose e-mail came back.", example = "e5d6c7b8-1a2b-4c3d-8e9f-0a1b2c3d4e52")
            String sendId,
            @Schema(description = "The suppression for a person, as the send preview shows it.",
                    example = "bounced on 2026-12-06: 550 5.1.1 user unknown") String note) {

        static SuppressionView of(SuppressedAddress address) {
            return new SuppressionView(address.email(), address.kind(), address.reason(), address.since(),
                    address.sendId(), address.note());
        }
    }
}
