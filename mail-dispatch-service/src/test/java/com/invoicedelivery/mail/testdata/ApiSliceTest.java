package com.invoicedelivery.mail.testdata;

import com.invoicedelivery.kit.problem.ApiProblemHandler;
import com.invoicedelivery.kit.security.PlatformSecurityConfiguration;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import com.invoicedelivery.mail.emaillog.web.EmailLogController;
import com.invoicedelivery.mail.settings.application.SmtpSettingsService;
import com.invoicedelivery.mail.settings.web.SmtpSettingsAccessConfiguration;
import com.invoicedelivery.mail.settings.web.SmtpSettingsController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service's REST controllers with the platform's security and problem answers, their application services
 * replaced. One slice for all of them: every test class extending this shares one application context.
 */
@WebMvcTest({EmailLogController.class, SmtpSettingsController.class})
@Import({PlatformSecurityConfiguration.class, ApiProblemHandler.class, SmtpSettingsAccessConfiguration.class})
public abstract class ApiSliceTest {

    @Autowired
    protected MockMvc mvc;
    @MockitoBean
    protected EmailLog emailLog;
    @MockitoBean
    protected SmtpSettingsService smtpSettings;

    @DynamicPropertySource
    static void trustTheIdentityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.trustIn(registry);
    }

    protected static String authorization(String token) {
        return "Bearer " + token;
    }
}
