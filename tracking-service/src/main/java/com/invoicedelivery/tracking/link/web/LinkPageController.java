package com.invoicedelivery.tracking.link.web;

import java.time.ZoneId;
import java.util.Locale;

import com.invoicedelivery.tracking.consent.domain.ConsentDecision;
import com.invoicedelivery.tracking.link.application.ClientLinks;
import com.invoicedelivery.tracking.logo.application.TenantLogos;
import com.invoicedelivery.tracking.link.application.DownloadNotAllowedException;
import com.invoicedelivery.tracking.link.application.DownloadedDocument;
import com.invoicedelivery.tracking.link.application.LinkPage;
import com.invoicedelivery.tracking.link.application.LinkProperties;
import com.invoicedelivery.tracking.link.application.LinkUnavailableException;
import com.invoicedelivery.tracking.link.domain.InvalidReturnReasonException;
import com.invoicedelivery.tracking.link.domain.RequestSignals;
import com.invoicedelivery.tracking.link.domain.ReturnReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The client's personal link: {@code GET /l/{token}} shows the consent request or the invoice; the POSTs
 * record an answer and send the browser back to the page (303), so a reload never posts twice. The page's
 * script posts {@code /seen} when a person uses it; {@code /withdraw} withdraws consent given. An expired link's page offers {@code /renew}.
 */
@Controller
@RequestMapping("/l/{token}")
class LinkPageController {

    /** The beacon's path, below the link's. */
    static final String BEACON = "/seen";

    private final ClientLinks links;
    private final TenantLogos logos;
    private final ZoneId displayZone;
    private final long retentionDays;

    LinkPageController(ClientLinks links, TenantLogos logos, LinkProperties properties) {
        this.links = links;
        this.logos = logos;
        this.displayZone = properties.displayZone();
        this.retentionDays = properties.activityRetention().toDays();
    }

    @GetMapping
    ModelAndView page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        return render(links.open(token, signals(request)), token, request, response);
    }

    @PostMapping("/consent")
    ModelAndView consent(@PathVariable String token, @RequestParam(required = false) String decision,
                         HttpServletRequest request, HttpServletResponse response) {
        return ConsentDecision.fromFormValue(decision)
                .map(chosen -> {
                    links.consent(token, chosen, signals(request));
                    return backToPage(token);
                })
                .orElseGet(() -> refused(token, "consentError", "consent.error.decision", request, response));
    }

    /** "Withdraw consent" in the footer of a page whose address consented; its pages are as refused from then on. */
    @PostMapping("/withdraw")
    ModelAndView withdraw(@PathVariable String token, HttpServletRequest request) {
        links.withdrawConsent(token, signals(request));
        return backToPage(token);
    }

    @PostMapping("/accept")
    ModelAndView accept(@PathVariable String token, HttpServletRequest request) {
        links.accept(token, signals(request));
        return backToPage(token);
    }

    @PostMapping("/return")
    ModelAndView returnInvoice(@PathVariable String token, @RequestParam(required = false) String reason,
                               HttpServletRequest request, HttpServletResponse response) {
        ReturnReason valid;
        try {
            valid = ReturnReason.fromForm(reason);
        } catch (InvalidReturnReasonException e) {
            ModelAndView page = refused(token, "reasonError", "reason." + e.problem(), request, response);
            page.addObject("reasonDraft", reason);
            return page;
        }
        links.returnInvoice(token, valid, signals(request));
        return backToPage(token);
    }

    /**
     * The page's script says a person is using it (see static/js/link.js); answers 204. {@code load} names the page
     * load it comes from (the beacon form carries it).
     */
    @PostMapping(BEACON)
    ResponseEntity<Void> seen(@PathVariable String token, @RequestParam(required = false) String load,
                              HttpServletRequest request) {
        links.seen(token, load, signals(request));
        return ResponseEntity.noContent().build();
    }

    /** "E-mail me a fresh link" on an expired link's page; answered by the neutral confirmation. */
    @PostMapping("/renew")
    ModelAndView renew(@PathVariable String token) {
        return switch (links.requestRenewal(token)) {
            case NOT_EXPIRED -> backToPage(token);
            case REQUESTED, ASKED_RECENTLY -> seeOther("/l/" + token + "/renewal");
        };
    }

    /** The confirmation of a renewal request; says the same whether or not one was sent just now. */
    @GetMapping("/renewal")
    ModelAndView renewal(@PathVariable String token) {
        return links.isExpired(token) ? new ModelAndView("link/renewal") : backToPage(token);
    }

    @GetMapping("/invoice.pdf")
    Object download(@PathVariable String token, HttpServletRequest request) {
        DownloadedDocument document;
        try {
            document = links.download(token, signals(request));
        } catch (DownloadNotAllowedException notAccepted) {
            return backToPage(token);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(document.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(document.fileName()))
                .body(document.content());
    }

    /**
     * The tenant's logo for the page's header, from this service's own origin (the pages' CSP allows images from
     * nowhere else), served with the type its bytes were found to be and {@code nosniff}. Records nothing.
     */
    @GetMapping("/logo")
    ResponseEntity<byte[]> logo(@PathVariable String token) {
        return logos.find(links.current(token).link().tenantId())
                .map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(logo.image().contentType()))
                        .contentLength(logo.content().length)
                        .header("X-Content-Type-Options", "nosniff")
                        .body(logo.content()))
                // the neutral "not valid" page, as for any path under the link that names nothing
                .orElseThrow(() -> new LinkUnavailableException("the tenant has no logo"));
    }

    /** The page again, unchanged, with the form's problem explained (400); nothing was recorded. */
    private ModelAndView refused(String token, String field, String messageKey, HttpServletRequest request,
                                 HttpServletResponse response) {
        ModelAndView page = render(links.current(token), token, request, response);
        page.addObject(field, messageKey);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    private ModelAndView render(LinkPage page, String token, HttpServletRequest request,
                                HttpServletResponse response) {
        Locale locale = page.link().language().locale();
        RequestContextUtils.getLocaleResolver(request).setLocale(request, response, locale);
        ModelAndView view = new ModelAndView(page.consentDue() ? "link/consent" : "link/invoice");
        view.addObject("token", token);
        view.addObject("lang", locale.toLanguageTag());
        view.addObject("link", page.link());
        view.addObject("fmt", new PageFormats(page.link().language(), displayZone));
        view.addObject("maxReason", ReturnReason.MAX_LENGTH);
        view.addObject("pageLoad", page.pageLoad());
        view.addObject("refused", page.refused());
        view.addObject("consented", !page.consentDue() && !page.refused());
        view.addObject("retentionDays", retentionDays);
        view.addObject("hasLogo", logos.version(page.link().tenantId()).isPresent());
        // the tenant is the controller of the client's data; the invoice's supplier is the tenant's legal identity
        view.addObject("controller", page.link().invoice().supplier());
        if (!page.consentDue()) {
            view.addObject("invoice", page.link().invoice());
        }
        return view;
    }

    /** The token was validated before any redirect is made, so it is safe in a Location header. */
    private static ModelAndView backToPage(String token) {
        return seeOther("/l/" + token);
    }

    private static ModelAndView seeOther(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    private static RequestSignals signals(HttpServletRequest request) {
        String purpose = firstNonNull(request.getHeader("Sec-Purpose"), request.getHeader("Purpose"),
                request.getHeader("X-Moz"));
        return new RequestSignals(request.getMethod(), request.getHeader(HttpHeaders.USER_AGENT), purpose,
                request.getRemoteAddr());
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
