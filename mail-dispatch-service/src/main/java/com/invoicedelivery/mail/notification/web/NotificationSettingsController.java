package com.invoicedelivery.mail.notification.web;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.kit.security.Caller;
import com.invoicedelivery.mail.notification.application.TenantNotifications;
import com.invoicedelivery.mail.notification.domain.NotificationSettings;
import com.invoicedelivery.mail.notification.domain.NotificationSettingsChange;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices a tenant gets when its clients accept or return a document: read by the tenant's users, changed by its
 * admins (see {@link NotificationSettingsAccessConfiguration}).
 */
@RestController
@RequestMapping("/api/notification-settings")
public class NotificationSettingsController {

    private final TenantNotifications notifications;

    public NotificationSettingsController(TenantNotifications notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "Whom the tenant's notices of its clients' Accept and Return go to, in which language")
    @GetMapping
    public NotificationSettingsView get(Caller caller) {
        return NotificationSettingsView.of(notifications.settingsOf(caller.requireTenant()));
    }

    @Operation(summary = "Change the notices: addresses (none: the company e-mail), language, Accept and Return on or off")
    @PutMapping
    public NotificationSettingsView put(Caller caller, @RequestBody NotificationSettingsChange change) {
        return NotificationSettingsView.of(notifications.change(caller.requireTenant(), change));
    }

    /**
     * @param addresses the tenant's own notification addresses; empty: the notices go to its company e-mail
     * @param updatedAt null while the tenant keeps the defaults
     */
    public record NotificationSettingsView(List<String> addresses, Language language, boolean onAccept,
                                           boolean onReturn, Instant updatedAt) {

        static NotificationSettingsView of(NotificationSettings settings) {
            return new NotificationSettingsView(settings.addresses(), settings.language(), settings.onAccept(),
                    settings.onReturn(), settings.updatedAt());
        }
    }
}
