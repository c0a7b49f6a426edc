package com.invoicedelivery.invoice.template.web;

import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.template.application.Templates;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's e-mail templates; changing them is for its administrators (ApiAccessConfiguration). */
@RestController
@RequestMapping("/api/templates")
public class TemplateController {

    private final Templates templates;

    public TemplateController(Templates templates) {
        this.templates = templates;
    }

    @Operation(summary = "The subject and message every e-mail starts from, per language (the defaults until edited)")
    @GetMapping
    public List<TemplateView> list(Caller caller) {
        return templates.book(caller.requireTenant()).all().stream().map(TemplateView::of).toList();
    }

    @Operation(summary = "Write the template of one language; placeholders: {invoiceNumber} {issueDate} {dueDate}"
            + " {total} {tenantName} {clientName} {link}")
    @PutMapping("/{language}")
    public TemplateView put(Caller caller, @PathVariable Language language, @RequestBody TemplateRequest request) {
        return TemplateView.of(templates.put(caller.requireTenant(), language, request.subject(), request.message()));
    }

    @Operation(summary = "Go back to the default template of one language (404 when there is no template of your own)")
    @DeleteMapping("/{language}")
    public TemplateView reset(Caller caller, @PathVariable Language language) {
        return TemplateView.of(templates.reset(caller.requireTenant(), language));
    }
}
